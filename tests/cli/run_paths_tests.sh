#!/usr/bin/env bash
# Paths and -j: directories walked (sorted, hidden and ignored entries skipped, binary files
# noted), many files per call, and -j N output byte-identical to -j 1 (DESIGN.md §1).
# Usage: run_paths_tests.sh BINARY EXAMPLES_DIR
set -u

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BINARY EXAMPLES_DIR" >&2
  exit 2
fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
EXAMPLES=$(cd "$2" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 2

passed=0
failed=0
# ok NAME CONDITION-STATUS [DETAILS]
ok() {
  if [[ $2 -eq 0 ]]; then
    echo "ok - $1"
    passed=$((passed + 1))
  else
    echo "FAIL - $1"
    [[ -n ${3:-} ]] && printf '%s\n' "$3" | head -n 40 | sed 's/^/  | /'
    failed=$((failed + 1))
  fi
}
# run NAME ARGS...: runs the binary, stdout in NAME.out, stderr in NAME.err, status in NAME.status
run() {
  local name=$1
  shift
  "$BIN" "$@" >"$name.out" 2>"$name.err" </dev/null
  echo $? >"$name.status"
}

# ---------------------------------------------------------------- a directory tree
mkdir -p tree/es tree/en/archive tree/.git tree/.drafts
printf 'Usted es un idiota.\n' >tree/es/b.txt
printf 'Gracias por escribirnos, lo revisamos hoy y le escribimos mañana.\n' >tree/es/a.txt
printf 'You are a moron.\n' >tree/en/reply.md
printf 'You are a moron.\n' >tree/en/archive/old.txt
printf 'You are a moron.\n' >tree/en/ignored.bak
printf 'You are a moron.\n' >tree/.drafts/hidden.txt
printf 'You are a moron.\n' >tree/.git/COMMIT_EDITMSG
printf 'You are a\0 moron.\n' >tree/es/image.png
printf '*.bak\n' >tree/.gitignore
printf 'archive/\n' >tree/en/.tonelintignore

run walk --format json tree
expected_paths=$(printf '%s\n' tree/en/reply.md tree/es/a.txt tree/es/b.txt)
got_paths=$(python3 -c 'import json,sys; [print(f["path"]) for f in json.load(sys.stdin)["files"]]' <walk.out)
ok "a directory is walked in sorted order; hidden, .gitignore'd and .tonelintignore'd entries skipped" \
  "$([[ $got_paths == "$expected_paths" && $(cat walk.status) == 1 ]]; echo $?)" "$got_paths"
grep -q 'tree/es/image.png: binary file' walk.err
ok "a binary file in a walked directory is skipped with a note" $? "$(cat walk.err)"
run walk-trailing tree/
grep -q '^tree/es/b.txt:1:13: error:' walk-trailing.out
ok "a trailing '/' on the directory does not double the slash" $? "$(head -3 walk-trailing.out)"
run walk-explicit tree/en/ignored.bak
grep -q '^tree/en/ignored.bak:1:' walk-explicit.out
ok "a file named on the command line is linted even if an ignore file lists it" $? "$(cat walk-explicit.err)"

# ---------------------------------------------------------------- many files, -j
mkdir corpus
python3 - "$EXAMPLES" corpus <<'PY'
import os, sys
examples, out = sys.argv[1], sys.argv[2]
texts = [open(os.path.join(examples, n), encoding="utf-8").read()
         for n in sorted(os.listdir(examples)) if n.endswith(".txt")]
extra = ["Usted es un idiota.\n", "Thanks for your message, we are on it.\n",
         "Eso no es nuestro problema!!!\n", "Hola {{ nombre }}, gracias por escribirnos.\n"]
for i in range(200):
    sub = os.path.join(out, f"group{i % 7}")
    os.makedirs(sub, exist_ok=True)
    body = texts[i % len(texts)] + extra[i % len(extra)] * (1 + i % 3)
    with open(os.path.join(sub, f"reply-{i:03}.txt"), "w", encoding="utf-8") as f:
        f.write(body)
PY
for format in text json sarif github; do
  run "j1-$format" --format "$format" -j 1 corpus
  run "j4-$format" --format "$format" -j 4 corpus
  cmp -s "j1-$format.out" "j4-$format.out" && cmp -s "j1-$format.err" "j4-$format.err" &&
    cmp -s "j1-$format.status" "j4-$format.status"
  ok "-j 4 output is byte-identical to -j 1 on 200 files ($format)" $? \
    "$(diff "j1-$format.out" "j4-$format.out" | head -20)"
done
[[ $(grep -c '^corpus/' j1-text.out) -gt 200 && $(cat j1-text.status) == 1 ]]
ok "the 200 files were linted and have findings" $? "$(tail -3 j1-text.err)"
for i in 1 2 3; do
  run "j8-$i" --format json -j 8 corpus
  cmp -s j1-json.out "j8-$i.out"
  ok "-j 8, run $i, identical to -j 1" $? "$(diff j1-json.out "j8-$i.out" | head -10)"
done
mapfile -t files < <(find corpus -type f | sort)
run many-args --format json -j 3 "${files[@]}"
cmp -s j1-json.out many-args.out
ok "200 files named on the command line (as pre-commit passes them) = the walked directory" $?
run missing -j 4 tree/es/b.txt no-such-file.txt tree/en/reply.md
grep -q 'no-such-file.txt' missing.err && [[ $(cat missing.status) == 2 ]] &&
  grep -q '^tree/es/b.txt:' missing.out && grep -q '^tree/en/reply.md:' missing.out
ok "-j 4 with a missing file: exit 2, the other files still reported" $? "$(cat missing.err)"
run bad-j -j 0 corpus
[[ $(cat bad-j.status) == 3 ]]
ok "-j 0 is a bad command line (exit 3)" $? "$(cat bad-j.err)"
printf 'Usted es un idiota.\n' | "$BIN" -j 4 - corpus/group0/reply-000.txt >stdin.out 2>/dev/null
grep -q '^<stdin>:1:13: error:' stdin.out
ok "standard input with -j 4" $? "$(head -3 stdin.out)"

echo "# $passed passed, $failed failed"
[[ $failed -eq 0 ]]

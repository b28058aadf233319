#!/usr/bin/env bash
# End to end: a real git repository in a temporary directory with examples/git-hooks/pre-commit
# installed, pointing at the built binary through TONELINT. A commit of a rude reply is refused
# with the finding printed; a clean one is accepted.
# Usage: run_hook_e2e.sh BINARY HOOK
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HOOK=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
passed=0
failed=0
ok() {
  if [[ $2 -eq 0 ]]; then echo "ok - $1"; passed=$((passed + 1)); else
    echo "FAIL - $1"; [[ -n ${3:-} ]] && printf '%s\n' "$3" | head -n 30 | sed 's/^/  | /'; failed=$((failed + 1)); fi
}
if ! command -v git >/dev/null; then
  echo "ok - pre-commit hook end to end # SKIP git not installed"
  echo "# 1 passed, 0 failed"
  exit 0
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export TONELINT=$BIN
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
unset TONELINT_ARGS TONELINT_FILES
cd "$TMP" || exit 2
git init -q repo && cd repo || exit 2
git config user.name "Test" && git config user.email "test@example.org"
git config commit.gpgsign false
cp "$HOOK" .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit
commits() { git rev-list --count HEAD 2>/dev/null || echo 0; }

mkdir -p "replies/es"
printf 'Hola.\nMire, usted es un idiota si no leyó las condiciones.\n' >"replies/es/reembolso 1.txt"
git add -A
git commit -q -m "rude reply" >"$TMP/out" 2>&1
status=$?
out=$(cat "$TMP/out")
ok "a commit of a rude reply is refused" "$([[ $status -ne 0 && $(commits) == 0 ]]; echo $?)" "$out"
grep -q '^replies/es/reembolso 1.txt:2:19: error: \[TL1001 insult-direct\]' <<<"$out"
ok "the finding is printed, with the path from the repository root" $? "$out"
grep -q 'commit refused' <<<"$out"
ok "the hook says why the commit was refused" $? "$out"

printf 'Hola.\nLamentamos mucho la demora con su reembolso; lo revisamos hoy y le escribimos mañana.\n' \
  >"replies/es/reembolso 1.txt"
git add -A
git commit -q -m "clean reply" >"$TMP/out" 2>&1
status=$?
ok "a commit of a clean reply is accepted" "$([[ $status -eq 0 && $(commits) == 1 ]]; echo $?)" "$(cat "$TMP/out")"

printf '#!/bin/sh\necho "you idiot"\n' >build.sh
printf 'Usted es un idiota.\n' >replies/es/old.txt
git add build.sh && git commit -q -m "not a reply" >"$TMP/out" 2>&1
ok "files that are not replies (by extension) are not linted" "$([[ $? -eq 0 && $(commits) == 2 ]]; echo $?)" \
  "$(cat "$TMP/out")"
mkdir -p sub && cd sub
git add ../replies/es/old.txt && git commit -q -m "from a subdirectory" >"$TMP/out" 2>&1
status=$?
cd ..
ok "run from a subdirectory, the staged rude reply is still found" \
  "$([[ $status -ne 0 ]] && grep -q '^replies/es/old.txt:1:13: error' "$TMP/out"; echo $?)" "$(cat "$TMP/out")"
git rm -q --cached replies/es/old.txt && rm replies/es/old.txt

TONELINT_ARGS="--fail-on error" git commit -q --allow-empty -m "empty" >"$TMP/out" 2>&1
ok "a commit with no reply files passes" "$([[ $? -eq 0 ]]; echo $?)" "$(cat "$TMP/out")"
printf 'Eso no es nuestro problema.\n' >replies/es/shout.txt
git add replies/es/shout.txt  # a warning, no error
TONELINT_ARGS="--fail-on error" git commit -q -m "info only" >"$TMP/out" 2>&1
ok "TONELINT_ARGS reaches tonelint (--fail-on error lets warnings through)" \
  "$([[ $? -eq 0 ]]; echo $?)" "$(cat "$TMP/out")"
TONELINT=/no/such/tonelint git commit -q --allow-empty -m "no binary" >"$TMP/out" 2>&1
ok "a missing binary refuses the commit with a message" \
  "$([[ $? -ne 0 ]] && grep -q 'not found' "$TMP/out"; echo $?)" "$(cat "$TMP/out")"

# The pre-commit framework with this repository's .pre-commit-hooks.yaml, when it is installed
# (Debian package pre-commit) and the source is a git checkout.
SOURCE=$(cd "$(dirname "$HOOK")/../.." && pwd)
if command -v pre-commit >/dev/null && git -C "$SOURCE" rev-parse --git-dir >/dev/null 2>&1; then
  git init -q "$TMP/framework" && cd "$TMP/framework" || exit 2
  mkdir replies && printf 'Usted es un idiota.\n' >replies/a.txt && printf 'Gracias.\n' >replies/b.md
  printf 'echo idiota\n' >script.sh
  git add -A
  PATH=$(dirname "$BIN"):$PATH PRE_COMMIT_HOME=$TMP/pre-commit-home \
    pre-commit try-repo "$SOURCE" tonelint --all-files >"$TMP/out" 2>&1
  status=$?
  ok "pre-commit try-repo with .pre-commit-hooks.yaml: the rude reply fails the hook" \
    "$([[ $status -ne 0 ]] && grep -q '^replies/a.txt:1:13: error' "$TMP/out" &&
       grep -q '1 error in 2 files' "$TMP/out"; echo $?)" "$(cat "$TMP/out")"
else
  echo "ok - pre-commit try-repo # SKIP the pre-commit framework is not installed"
  passed=$((passed + 1))
fi

echo "# $passed passed, $failed failed"
[[ $failed -eq 0 ]]

#!/usr/bin/env bash
# Golden tests. Usage: run_golden.sh BINARY CASES_DIR
# For each CASES_DIR/NAME.txt, runs `BINARY [options from NAME.args] NAME.txt` inside CASES_DIR
# and compares standard output with NAME.expected.txt, and the output of the same command with
# `--format json` with NAME.expected.json. NAME.args holds options separated by blanks or line
# breaks (no quoting; paths are relative to CASES_DIR). Files named *.context.txt are --context
# inputs, not cases. With UPDATE=1 the expected files are rewritten instead of compared.
set -u

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BINARY CASES_DIR" >&2
  exit 2
fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$2" || exit 2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

passed=0
failed=0
shopt -s nullglob
for input in *.txt; do
  case $input in *.expected.txt | *.context.txt) continue ;; esac
  name=${input%.txt}
  args=()
  [[ -f $name.args ]] && read -r -d '' -a args <"$name.args"
  for kind in txt json; do
    expected=$name.expected.$kind
    format=()
    [[ $kind == json ]] && format=(--format json)
    "$BIN" "${args[@]}" "${format[@]}" "$input" >"$TMP/actual" 2>"$TMP/stderr"
    status=$?
    if [[ $status -gt 1 ]]; then
      echo "FAIL - $name ($kind): exit status $status"
      sed 's/^/  | /' "$TMP/stderr"
      failed=$((failed + 1))
    elif [[ ${UPDATE:-0} == 1 ]]; then
      cp "$TMP/actual" "$expected"
      echo "updated - $expected"
    elif [[ ! -f $expected ]]; then
      echo "FAIL - $name ($kind): $expected is missing (run with UPDATE=1 to create it)"
      failed=$((failed + 1))
    elif diff -u --label "$expected" --label "actual" "$expected" "$TMP/actual" >"$TMP/diff"; then
      echo "ok - $name ($kind)"
      passed=$((passed + 1))
    else
      echo "FAIL - $name ($kind)"
      cat "$TMP/diff"
      failed=$((failed + 1))
    fi
  done
done
echo "# $passed passed, $failed failed"
[[ $failed -eq 0 ]]

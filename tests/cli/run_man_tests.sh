#!/usr/bin/env bash
# The man page: renders without warnings, and documents every option of `tonelint --help`.
# Usage: run_man_tests.sh BINARY MAN_PAGE
set -u
BIN=$1
PAGE=$2
passed=0
failed=0
ok() {
  if [[ $2 -eq 0 ]]; then echo "ok - $1"; passed=$((passed + 1)); else
    echo "FAIL - $1"; [[ -n ${3:-} ]] && printf '%s\n' "$3" | sed 's/^/  | /'; failed=$((failed + 1)); fi
}

if command -v man >/dev/null && command -v groff >/dev/null; then
  warnings=$(MANWIDTH=80 man --warnings -l "$PAGE" 2>&1 >/dev/null)
  ok "man -l renders the page without warnings" "$([[ -z $warnings ]]; echo $?)" "$warnings"
else
  echo "ok - man -l renders the page without warnings # SKIP man-db or groff not installed"
  passed=$((passed + 1))
fi

# The page's text with roff escapes for '-' and fonts undone.
text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$PAGE")
mapfile -t options < <("$BIN" --help | grep -oE '(^|[ ,])(--[a-z][a-z-]*|-[a-zA-Z])\b' | sed 's/^[ ,]//' | sort -u)
missing=()
for option in "${options[@]}"; do
  grep -qE -- "(^|[^a-z-])${option}([^a-z-]|$)" <<<"$text" || missing+=("$option")
done
ok "every option of --help (${#options[@]}) is in the man page" "${#missing[@]}" "missing: ${missing[*]:-}"
for section in NAME SYNOPSIS DESCRIPTION OPTIONS FORMATS RULES "RETURN VALUES" EXAMPLES "SEE ALSO"; do
  grep -q "^\.SH \"\?$section\"\?$" "$PAGE"
  ok "section $section" $?
done

echo "# $passed passed, $failed failed"
[[ $failed -eq 0 ]]

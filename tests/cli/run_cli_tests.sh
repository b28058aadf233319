#!/usr/bin/env bash
# CLI tests: runs the built binary and checks exit codes and output (DESIGN.md §1, §2, §5).
# Usage: run_cli_tests.sh BINARY CLI_DIR
# Most checks use fixtures/test.rules with --no-default-rules, so they do not depend on the
# bundled rules. TONELINT_BIG_TESTS=1 makes the long-line test 100 MB instead of 5 MB.
set -u

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BINARY CLI_DIR" >&2
  exit 2
fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
FIX=$(cd "$2/fixtures" && pwd)
MAIN_CPP=$FIX/../../../src/main.cpp
TMP=$(mktemp -d)
trap 'chmod -R u+rwX "$TMP"; rm -rf "$TMP"' EXIT
cd "$FIX" || exit 2

# Commands below say `tl` for the binary, `tlr` for the binary with only the test rules.
tl() { "$BIN" "$@"; }
tlr() { "$BIN" --no-default-rules --rules "$FIX/test.rules" "$@"; }

passed=0
failed=0

# check NAME EXPECTED_EXIT COMMAND [PATTERN...]
# COMMAND is evaluated by the shell (with pipefail) in the fixtures directory, standard input
# /dev/null unless it redirects it. Each PATTERN is an extended regex that must match a line of standard output,
# with these prefixes:
#   !PAT        no line of stdout matches (so `!.` means stdout is empty)
#   err:PAT     a line of stderr matches; err:!PAT no line of stderr matches
#   json:PAT    stdout is valid JSON, and a line of its flattened form matches: one line per
#               finding `path:line:column:end_line:end_column:rule:severity:lang:text`, then
#               `summary files=N findings=N errors=N warnings=N infos=N`; json:!PAT negated
check() {
  local name=$1 expected=$2 command=$3
  shift 3
  local out=$TMP/stdout err=$TMP/stderr flat=$TMP/flat problems=() status
  (set -o pipefail; eval "$command") <"/dev/null" >"$out" 2>"$err"
  status=$?
  [[ $status -eq $expected ]] || problems+=("exit status: expected $expected, got $status")
  rm -f "$flat"
  local pattern stream file negate
  for pattern in "$@"; do
    stream=stdout file=$out
    case $pattern in
      err:*) stream=stderr file=$err pattern=${pattern#err:} ;;
      json:*)
        stream=json file=$flat pattern=${pattern#json:}
        if [[ ! -e $flat ]] && ! python3 -c '
import json, sys
doc = json.load(sys.stdin)
keys = ("line", "column", "end_line", "end_column", "rule", "severity", "lang", "text")
for f in doc["files"]:
    for x in f["findings"]:
        print(":".join([f["path"]] + [str(x[k]) for k in keys]))
s = doc["summary"]
print("summary", " ".join(f"{k}={s[k]}" for k in ("files", "findings", "errors", "warnings", "infos")))
' <"$out" >"$flat" 2>"$TMP/json-error"; then
          problems+=("stdout is not the expected JSON: $(tail -n 1 "$TMP/json-error")")
          : >"$flat"
        fi
        ;;
    esac
    negate=
    [[ $pattern == '!'* ]] && negate=1 pattern=${pattern#!}
    if grep -qE -- "$pattern" "$file"; then
      [[ -n $negate ]] && problems+=("$stream has a line matching: $pattern")
    else
      [[ -z $negate ]] && problems+=("$stream has no line matching: $pattern")
    fi
  done
  if [[ ${#problems[@]} -eq 0 ]]; then
    echo "ok - $name"
    passed=$((passed + 1))
    return
  fi
  echo "FAIL - $name"
  echo "  command: $command"
  printf '  - %s\n' "${problems[@]}"
  local shown
  for shown in stdout stderr flat; do
    [[ -s $TMP/$shown || $shown != flat ]] || continue
    echo "  --- $shown ($(wc -l <"$TMP/$shown") lines)"
    head -n 40 "$TMP/$shown" | cut -c 1-300 | sed 's/^/  | /'
  done
  failed=$((failed + 1))
}

# skip NAME REASON
skip() {
  echo "ok - $1 # SKIP $2"
  passed=$((passed + 1))
}

# ---------------------------------------------------------------- information
check "--version" 0 "tl --version" '^tonelint [0-9]+\.[0-9]+\.[0-9]+$'
check "--help exits 0 and shows usage and exit codes" 0 "tl --help" '^Usage: tonelint' 'Exit status'
# Every option of DESIGN.md §1 that src/main.cpp defines must be in --help.
design_options=(--format --lang --each-line --context --fail-on --min-severity --rules
                --no-default-rules --enable --disable --config --no-config --fix --diff --baseline
                --write-baseline --list-rules --explain --test-rules -j --version --help)
help_patterns=()
for option in "${design_options[@]}"; do
  if [[ $option == --help || ! -f $MAIN_CPP ]] || grep -qE -- "[\",]${option}[\",]" "$MAIN_CPP"; then
    help_patterns+=("(^|[ ,])$option([ ,=:]|$)")
  fi
done
check "--help mentions every option that exists" 0 "tl --help" "${help_patterns[@]}"
check "--list-rules shows ids, names and languages" 0 "tlr --list-rules" \
  '^ID +NAME' '^TL9001 +insult-direct +insult +error +es,en' '^TL9002 +dismissive-not-our-problem .* es$'
check "--explain by id" 0 "tlr --explain TL9002" 'TL9002 dismissive-not-our-problem' \
  'bad: +Eso no es nuestro problema' 'good: +Vamos a revisarlo'
check "--explain by name shows both languages" 0 "tlr --explain insult-direct" \
  'TL9001 insult-direct \(es' 'TL9001 insult-direct \(en'
check "--test-rules on valid rules" 0 "tl --no-default-rules --test-rules test.rules" 'all passed'
# The bundled rules are made from prebuilt arrays, their examples only for the outputs that
# show them.
check "--explain a bundled rule shows its examples" 0 "tl --explain TL1001" \
  '^TL1001 insult-direct \(es' '^  bad: ' '^  good: '
check "SARIF rules' help shows the bundled rules' examples" 0 "tl --format sarif clean.txt" \
  '"id": "TL1001", .*"help": \{"text": "\[es\] [^"]*\\nBad: [^"]*\\nGood: '

# ---------------------------------------------------------------- exit 0: clean input
check "clean file" 0 "tlr clean.txt" '!.' 'err:!.'
check "clean standard input" 0 "tlr <clean.txt" '!.' 'err:!.'
check "clean '-'" 0 "tlr - <clean.txt" '!.'
check "clean file, json" 0 "tlr --format json clean.txt" 'json:^summary files=1 findings=0 '
check "'-' among files" 1 "tlr clean.txt - <rude.txt" '^<stdin>:2:19: error: \[TL9001 insult-direct\]'

# ---------------------------------------------------------------- exit 1: findings
check "finding, text" 1 "tlr rude.txt" \
  '^rude\.txt:2:19: error: \[TL9001 insult-direct\] Insultar al cliente\.$' \
  '^  2 \| Mire, usted es un idiota si no leyó las condiciones\.$' \
  '^    \|                   \^{6}$' \
  '^    = suggestion: "entendemos su molestia"$' \
  '^rude\.txt:3:5: warning: \[TL9002 dismissive-not-our-problem\]' \
  '^rude\.txt:3:27: info: \[TL9003 shouting-exclamations\]' \
  'err:^1 error, 1 warning, 1 info in 1 file$'
check "finding, json" 1 "tlr --format json rude.txt" \
  '^\{"version": 1,' \
  'json:^rude\.txt:2:19:2:25:TL9001:error:es:idiota$' \
  'json:^rude\.txt:3:5:3:27:TL9002:warning:es:no es nuestro problema$' \
  'json:^rude\.txt:3:27:3:30:TL9003:info:es:!!!$' \
  'json:^summary files=1 findings=3 errors=1 warnings=1 infos=1$'
check "finding on standard input" 1 "tlr <rude.txt" '^<stdin>:2:19: error:'

# ---------------------------------------------------------------- exit 2: unreadable input
check "missing file: exit 2, the other file still reported" 2 "tlr no-such-file.txt rude.txt" \
  '^rude\.txt:2:19: error:' 'err:no-such-file\.txt'
check "missing file, json still valid" 2 "tlr --format json no-such-file.txt rude.txt" \
  'json:^rude\.txt:2:19:' 'json:^summary files=1 findings=3'
cp rude.txt "$TMP/unreadable.txt"
chmod 000 "$TMP/unreadable.txt"
if [[ $(id -u) -eq 0 ]]; then
  skip "unreadable file: exit 2" "running as root, which can read it"
else
  check "unreadable file: exit 2, the other file still reported" 2 \
    "tlr '$TMP/unreadable.txt' rude.txt" '^rude\.txt:2:19: error:' 'err:unreadable\.txt'
fi
check "missing --context file" 2 "tlr --context no-such-file.txt clean.txt" 'err:no-such-file\.txt'

# ---------------------------------------------------------------- exit 3: bad command line
check "unknown option" 3 "tl --no-such-option clean.txt" 'err:no-such-option' 'err:--help'
check "bad --format value" 3 "tl --format xml clean.txt" 'err:xml'
check "bad --fail-on value" 3 "tl --fail-on sometimes clean.txt" 'err:sometimes'
check "--enable nosuchrule" 3 "tlr --enable nosuchrule clean.txt" "err:unknown .*'nosuchrule'"
check "--disable with a typo suggests the name" 3 "tlr --disable insult-dirrect clean.txt" \
  "err:did you mean 'insult-direct'"
check "--explain NOPE" 3 "tlr --explain NOPE" "err:unknown rule 'NOPE'" '!.'

# ---------------------------------------------------------------- exit 4: invalid rule files
check "rule file: unknown key" 4 "tl --no-default-rules --rules unknown-key.rules clean.txt" \
  "err:^unknown-key\.rules:8:1: unknown key 'colour'"
check "rule file: duplicate id" 4 "tl --no-default-rules --rules duplicate-id.rules clean.txt" \
  'err:^duplicate-id\.rules:8:1: duplicate rule id TL9101'
check "rule file: unknown signal in when" 4 \
  "tl --no-default-rules --rules unknown-signal.rules clean.txt" \
  "err:^unknown-signal\.rules:7:[0-9]+: unknown signal 'nosuchsignal'"
check "rule file: pattern (a|b does not compile" 4 \
  "tl --no-default-rules --rules bad-pattern.rules clean.txt" 'err:^bad-pattern\.rules:6:11: .*\('
check "rule file: missing" 4 "tl --no-default-rules --rules no-such.rules clean.txt" \
  'err:no-such\.rules'
check "rule file errors also fail --list-rules" 4 "tl --rules bad-pattern.rules --list-rules" \
  'err:^bad-pattern\.rules:6:11:'
check "--test-rules: a bad example that does not fire" 4 \
  "tl --no-default-rules --test-rules bad-example.rules" \
  'err:^bad-example\.rules:9:[0-9]+: bad example does not fire TL9104' '1 failed'

# ---------------------------------------------------------------- severities
check "--fail-on none" 0 "tlr --fail-on none rude.txt" '^rude\.txt:2:19: error:'
check "--fail-on error, with only a warning" 0 "tlr --fail-on error --disable insult rude.txt" \
  '^rude\.txt:3:5: warning:' '!error:'
check "--fail-on error, with an error" 1 "tlr --fail-on error rude.txt" '^rude\.txt:2:19: error:'
check "--fail-on info, with only an info" 1 "tlr --fail-on info --disable insult,dismissive rude.txt" \
  '^rude\.txt:3:27: info:'
check "--min-severity warning hides infos" 1 "tlr --min-severity warning rude.txt" \
  ': error:' ': warning:' '!: info:' 'err:^1 error, 1 warning in 1 file$'
check "--min-severity error" 1 "tlr --min-severity error --format json rude.txt" \
  'json:^summary files=1 findings=1 errors=1 warnings=0 infos=0$'

# ---------------------------------------------------------------- rule selection
check "--disable by id" 1 "tlr --disable TL9001 rude.txt" '!TL9001' 'TL9002'
check "--disable by name" 1 "tlr --disable insult-direct rude.txt" '!TL9001' 'TL9002'
check "--disable by category" 1 "tlr --disable dismissive rude.txt" 'TL9001' '!TL9002'
check "--disable a list" 0 "tlr --disable insult,dismissive,shouting rude.txt" '!.'
check "--disable repeated" 0 "tlr --disable insult --disable dismissive --disable TL9003 rude.txt" '!.'
check "--disable a category, --enable one of its rules" 1 \
  "printf 'Es usted un idiota y un tonto.\n' | tlr --disable insult --enable TL9005" \
  'TL9005 insult-stupid' '!TL9001'

# ---------------------------------------------------------------- languages
check "mixed reply: each sentence by its language's rules" 1 "tlr --format json mixed.txt" \
  'json:^mixed\.txt:2:11:2:16:TL9001:error:en:moron$' \
  'json:^mixed\.txt:2:22:2:44:TL9002:warning:es:no es nuestro problema$'
check "--lang en applies only English rules" 1 "tlr --lang en mixed.txt" 'TL9001' '!TL9002'
check "--lang es applies only Spanish rules" 1 "tlr --lang es mixed.txt" '!TL9001' 'TL9002'
check "bad --lang value" 3 "tlr --lang fr mixed.txt" 'err:fr'

# ---------------------------------------------------------------- --each-line
check "--each-line: line numbers of each reply" 1 "tlr --each-line --format json templates.txt" \
  'json:^templates\.txt:2:25:2:30:TL9005:error:es:tonto$' \
  'json:^templates\.txt:5:21:5:27:TL9005:error:en:stupid$' \
  'json:^summary files=1 findings=2 '
check "--each-line with --context: document findings on each reply's line" 1 \
  "tlr --each-line --context complaint.txt --format json templates.txt" \
  'json:^templates\.txt:1:1:1:1:TL9004:warning:es:$' \
  'json:^templates\.txt:4:1:4:1:TL9004:warning:en:$' \
  'json:!^templates\.txt:3:' 'json:^summary files=1 findings=6 '

# ---------------------------------------------------------------- --context
check "document rule: silent without --context" 0 "tlr reply-no-apology.txt" '!.'
check "document rule: fires with a complaint --context" 1 \
  "tlr --context complaint.txt --format json reply-no-apology.txt" \
  'json:^reply-no-apology\.txt:1:1:1:1:TL9004:warning:es:$'
check "document rule: text output" 1 "tlr --context complaint.txt reply-no-apology.txt" \
  '^reply-no-apology\.txt:1:1: warning: \[TL9004 missing-apology\]'
check "document rule: satisfied by an apology" 0 "tlr --context complaint.txt clean.txt" '!.'
check "customer's words (3+) repeated by the reply are not reported" 0 \
  "tlr --context complaint.txt reply-quotes-customer.txt" '!.'
check "...but without --context they are" 1 "tlr reply-quotes-customer.txt" 'TL9001'
check "...and two repeated words are" 1 "tlr --context complaint.txt reply-short-quote.txt" \
  '^reply-short-quote\.txt:1:29: error: \[TL9001'

# ---------------------------------------------------------------- bad input
printf 'Hola \xff usted es un idiota.\n' >"$TMP/invalid-utf8.txt"
check "invalid UTF-8: columns right after a \\xff byte, note on stderr" 1 \
  "tlr --format json '$TMP/invalid-utf8.txt'" 'json::1:20:1:26:TL9001:error:es:idiota$' \
  'err:invalid UTF-8'
printf '\xef\xbb\xbfIdiota, eso es usted.\n' >"$TMP/bom.txt"
check "UTF-8 BOM: column 1 is the first character" 1 "tlr --format json '$TMP/bom.txt'" \
  'json::1:1:1:7:TL9001:error:es:Idiota$'
printf 'Hola.\r\nUsted es un idiota.\r\nNo es mi problema\r\n' >"$TMP/crlf.txt"
check "CRLF line ends: no \\r in the JSON" 1 "tlr --format json '$TMP/crlf.txt'" \
  'json::2:13:2:19:TL9001:error:es:idiota$' 'json::3:1:3:18:TL9002:warning:es:No es mi problema$' \
  '!\\r' "json:!"$'\r'
check "CRLF line ends: text" 1 "tlr '$TMP/crlf.txt'" '^  2 \| Usted es un idiota\.$' $'!\r'
: >"$TMP/empty.txt"
check "empty file" 0 "tlr '$TMP/empty.txt'" '!.' 'err:!.'
check "empty standard input" 0 "tlr" '!.' 'err:!.'
printf 'Usted es un idiota.\0\n' >"$TMP/nul.txt"
check "NUL bytes: skipped with a note, other files linted" 0 "tlr '$TMP/nul.txt' clean.txt" \
  '!.' 'err:nul\.txt.*(binary|NUL)'
check "NUL bytes: the next file's findings still count" 1 "tlr '$TMP/nul.txt' rude.txt" \
  '^rude\.txt:2:19:' '!nul\.txt'

# A long single line with a few insults: completes, finds them, points at the right columns.
big_mb=5
[[ ${TONELINT_BIG_TESTS:-0} == 1 ]] && big_mb=100
filler_len=$(python3 - "$TMP/big.txt" "$big_mb" <<'EOF'
import sys
path, mb = sys.argv[1], int(sys.argv[2])
chunk = "Gracias por escribirnos, lo revisamos hoy. "
filler = chunk * (mb * 1024 * 1024 // len(chunk) // 4)
with open(path, "w") as f:
    f.write(filler + "Usted es un idiota. " + filler + "You are a moron. " + filler
            + "Usted es un i.d.i.o.t.a. " + filler + "\n")
print(len(filler))
EOF
)
n=$filler_len
check "$big_mb MB single line" 1 "tlr --format json '$TMP/big.txt'" \
  "json::1:$((n + 13)):1:$((n + 19)):TL9001:error:es:idiota$" \
  "json::1:$((2 * n + 31)):1:$((2 * n + 36)):TL9001:error:en:moron$" \
  "json::1:$((3 * n + 50)):1:$((3 * n + 61)):TL9001:error:es:i\.d\.i\.o\.t\.a$" \
  'json:^summary files=1 findings=3 errors=3 '
check "$big_mb MB single line, text output is cut around the finding" 1 \
  "tlr '$TMP/big.txt' | awk '{ if (length(\$0) > 400) print \"long line\" }'" '!long line'

# ---------------------------------------------------------------- templates and suppressions
check "a placeholder inside a phrase: the phrase is still checked, columns right" 1 \
  "printf 'Hola {{nombre}}, no es nuestro problema.\nHola {{ nombre }} eres un idiota.\n' | tlr --format json" \
  'json:^<stdin>:1:18:1:40:TL9002:warning:es:no es nuestro problema$' \
  'json:^<stdin>:2:27:2:33:TL9001:error:es:idiota$'
cat >"$TMP/suppressed.txt" <<'EOF'
<!-- tonelint-disable-next-line TL9001 -- the customer's own words -->
Usted es un idiota.
Usted es un idiota.
{# tonelint-disable dismissive -- a quoted policy #}
No es nuestro problema.
{{!-- tonelint-enable dismissive --}}
No es nuestro problema.
{{! tonelint-disable-next-line shouting }}
Listo!!!
# tonelint-disable-next-line insult-direct -- nothing to suppress here, idiota
Hola.
EOF
check "suppressions: next-line, disable/enable, in HTML, Jinja, Handlebars, # comments" 1 \
  "tlr --format json '$TMP/suppressed.txt'" \
  'json:suppressed\.txt:3:13:3:19:TL9001:' 'json:!suppressed\.txt:2:' 'json:!suppressed\.txt:5:' \
  'json:suppressed\.txt:7:1:7:23:TL9002:' 'json:!suppressed\.txt:9:' \
  'json:suppressed\.txt:8:5:8:[0-9]+:TL0001:info::tonelint-disable-next-line shouting$' \
  'json:suppressed\.txt:10:3:10:[0-9]+:TL0002:info:' 'json:!suppressed\.txt:10:[0-9]+:10:[0-9]+:TL9001' \
  'json:^summary files=1 findings=4 errors=1 warnings=1 infos=2$'
check "suppressions: text output names the built-in rules" 1 "tlr '$TMP/suppressed.txt'" \
  '^.*suppressed\.txt:8:5: info: \[TL0001 suppression-without-reason\]' \
  '^.*suppressed\.txt:10:3: info: \[TL0002 unused-suppression\]'
check "suppressions: --disable unused-suppression" 1 "tlr --disable unused-suppression --format json '$TMP/suppressed.txt'" \
  'json:!TL0002' 'json:TL0001'
printf '[tonelint]\ndisable = suppression\n' >"$TMP/nosupp.tonelint"
check "suppressions: a config may disable their category" 1 \
  "tlr --config '$TMP/nosupp.tonelint' --format json '$TMP/suppressed.txt'" 'json:!TL000'
check "suppressions: --min-severity warning hides the info about them" 1 \
  "tlr --min-severity warning '$TMP/suppressed.txt'" '!TL000'

# ---------------------------------------------------------------- config (.tonelint)
# A repository in $TMP: discovery stops at the directory holding .git.
CFG=$TMP/cfgrepo
mkdir -p "$CFG/.git" "$CFG/team/drafts" "$CFG/other"
cp rude.txt "$CFG/team/rude.txt"
cp rude.txt "$CFG/team/drafts/rude.txt"
cp rude.txt "$CFG/other/rude.txt"
printf '[tonelint]\nfail-on = error\n' >"$TMP/.tonelint"  # above the repository: never read
printf '[tonelint]\ndisable = dismissive\nignore = drafts/**\n[severity]\ninsult-direct = warning\n' \
  >"$CFG/team/.tonelint"
check "config: found upward, disable and [severity] applied" 1 "tlr --format json '$CFG/team/rude.txt'" \
  'json::2:19:2:25:TL9001:warning:es:idiota$' 'json:!TL9002' 'json:^summary files=1 findings=2 '
check "config: another directory has none (search stops at .git)" 1 \
  "tlr --format json '$CFG/other/rude.txt'" 'json::2:19:2:25:TL9001:error:es:idiota$' 'json:TL9002'
check "config: ignore globs skip matching files" 0 "tlr '$CFG/team/drafts/rude.txt'" '!.'
check "config: each file gets its own config" 1 "tlr --format json '$CFG/team/rude.txt' '$CFG/other/rude.txt'" \
  'json:team/rude\.txt:2:19:2:25:TL9001:warning' 'json:other/rude\.txt:2:19:2:25:TL9001:error' \
  'json:^summary files=2 findings=5 '
check "config: --no-config" 1 "tlr --no-config --format json '$CFG/team/rude.txt'" 'json:TL9002'
check "config: the command line wins (--enable over config disable)" 1 \
  "tlr --enable dismissive --format json '$CFG/team/rude.txt'" 'json:TL9002'
check "config: standard input searches from the current directory" 1 \
  "cd '$CFG/team' && tlr --format json <rude.txt" 'json:<stdin>:2:19:2:25:TL9001:warning' 'json:!TL9002'
printf '[tonelint]\nfail-on = error\nmin-severity = error\n' >"$TMP/strict.tonelint"
check "config: --config FILE, fail-on and min-severity" 1 "tlr --config '$TMP/strict.tonelint' rude.txt" \
  ': error:' '!: warning:' '!: info:'
check "config: --fail-on on the command line beats the config" 0 \
  "tlr --config '$TMP/strict.tonelint' --fail-on none rude.txt" ': error:'
printf '[tonelint]\nrules = extra.rules\n' >"$TMP/rules.tonelint"
printf 'rule TL9900 extra-rule\nlang es\ncategory dismissive\nseverity warning\nmessage Extra.\nmatch condiciones\n' \
  >"$TMP/extra.rules"
check "config: rules = is relative to the config file" 1 "tlr --config '$TMP/rules.tonelint' rude.txt" \
  'TL9900 extra-rule'
printf '[tonelint]\nlang = es\nfail-onn = error\n[severity]\nTL9001 = loud\n' >"$TMP/bad.tonelint"
check "config: unknown key and bad value: file:line, exit 3" 3 "tlr --config '$TMP/bad.tonelint' rude.txt" \
  "err:bad\.tonelint:3: unknown key 'fail-onn' in \[tonelint\]; did you mean 'fail-on'\?" \
  "err:bad\.tonelint:5: bad severity 'loud'" '!.'
printf '[tonelint]\ndisable = insult-dirct\n' >"$TMP/badname.tonelint"
check "config: unknown rule name: file:line with did-you-mean, exit 3" 3 \
  "tlr --config '$TMP/badname.tonelint' rude.txt" \
  "err:badname\.tonelint:2: unknown rule, name or category 'insult-dirct'; did you mean 'insult-direct'\?"
check "config: a bad discovered config is exit 3" 3 \
  "printf '[tonelint]\nlang = fr\n' >'$CFG/other/.tonelint' && tlr '$CFG/other/rude.txt'; s=\$?; rm '$CFG/other/.tonelint'; exit \$s" \
  "err:other/\.tonelint:2: bad lang 'fr'"
check "--print-config shows the effective config" 0 "tlr --print-config '$CFG/team/drafts/rude.txt' --fail-on info" \
  "^# from .*team/\.tonelint" '^# this file matches an ignore glob' '^fail-on = info$' \
  '^disable = dismissive$' '^insult-direct = warning$'
printf '[tonelint]\nplaceholders = [[ ]], <%% %%>\n' >"$TMP/placeholders.tonelint"
check "config: placeholders = masks extra template styles, columns stay right" 1 \
  "printf 'Hola [[ idiota ]], <%% idiota %%> usted es un idiota.\n' | tlr --config '$TMP/placeholders.tonelint' --format json" \
  'json:^<stdin>:1:45:1:51:TL9001:error:es:idiota$' 'json:^summary files=1 findings=1 '
rm "$TMP/.tonelint"  # the tests below run on files in $TMP with no config

# ---------------------------------------------------------------- --fix and --diff
tlf() { "$BIN" --no-default-rules --rules "$FIX/fixable.rules" --rules "$FIX/test.rules" "$@"; }
check "fixable rules pass their own examples" 0 "tl --no-default-rules --test-rules fixable.rules" 'all passed'
FX=$TMP/fix
mkdir -p "$FX"
# A BOM, CRLF line ends, non-ASCII text, a tab, trailing blanks, no final newline.
printf '\xef\xbb\xbfListo!!!\r\nAño\tñandú  \r\nUsted es un idiota!!!! Y ya!!!\r\n\r\nctx 1\r\nctx 2\r\nctx 3\r\nctx 4\r\nctx 5\r\nctx 6\r\nctx 7\r\nFin!!!' >"$FX/r.txt"
chmod 640 "$FX/r.txt"
cp "$FX/r.txt" "$FX/orig.txt"
check "--diff: unified diff of the safe rewrites, file untouched, exit 1" 1 "tlf --diff '$FX/r.txt' && false; s=\$?; cmp -s '$FX/r.txt' '$FX/orig.txt' || exit 9; exit \$s" \
  '^--- a/.*fix/r\.txt$' '^\+\+\+ b/.*fix/r\.txt$' '!^--- a//' '^@@ -1,6 \+1,6 @@$' $'^-Listo!!!\r$' $'^\\+Listo!\r$' \
  $'^ A.o\tñandú  \r$' $'^\\+Usted es un idiota! Y ya!\r$' '^@@ -9,4 \+9,4 @@$' '^-Fin!!!$' '^\+Fin!$' \
  '^\\ No newline at end of file$' '!error:'
check "--fix: rewrites in place, reports what is left" 1 "tlf --fix '$FX/r.txt'" \
  '^.*r\.txt:3:13: error: \[TL9001' '!TL9801'
check "--fix: no loss: only the rewritten spans changed (BOM, CRLF, bytes kept)" 0 \
  "python3 -c '
import sys
old = open(sys.argv[1], \"rb\").read(); new = open(sys.argv[2], \"rb\").read()
expected = old.replace(b\"!!!!\", b\"!\").replace(b\"!!!\", b\"!\")
sys.exit(0 if new == expected and new.startswith(b\"\\xef\\xbb\\xbf\") else 1)' '$FX/orig.txt' '$FX/r.txt'"
check "--fix: permissions kept, no temporary file left" 0 \
  "stat -c %a '$FX/r.txt'; ls -A '$FX' | wc -l" '^640$' '^2$'
cp "$FX/r.txt" "$FX/fixed-once.txt"
check "--fix twice: the second changes nothing" 1 "tlf --fix '$FX/r.txt'; s=\$?; cmp '$FX/r.txt' '$FX/fixed-once.txt' && exit \$s" \
  '^.*r\.txt:3:13: error: \[TL9001'
check "--diff after --fix: nothing to show, exit 0" 0 "tlf --diff '$FX/r.txt'" '!.'
printf 'Hola \xff Listo!!!\n' >"$FX/bad-utf8.txt"
cp "$FX/bad-utf8.txt" "$FX/bad-utf8.orig"
check "--fix never touches a file with invalid UTF-8" 1 "tlf --fix '$FX/bad-utf8.txt'; s=\$?; cmp -s '$FX/bad-utf8.txt' '$FX/bad-utf8.orig' && exit \$s" \
  'err:bad-utf8\.txt: not fixed: it has invalid UTF-8' 'TL9801'
check "--fix on standard input: the fixed text on stdout" 0 "printf 'Listo!!!\nGracias.\n' | tlf --fix" \
  '^Listo!$' '^Gracias\.$' '!!!' 'err:!.'
check "--fix on standard input with nothing to fix echoes it" 0 "printf 'Gracias.\n' | tlf --fix" '^Gracias\.$'
printf '<!-- tonelint-disable-next-line shouting -- brand slogan -->\nListo!!!\nYa!!!\n' >"$FX/supp.txt"
check "--fix leaves suppressed findings alone" 0 "tlf --fix '$FX/supp.txt' && cat '$FX/supp.txt'" \
  '^Listo!!!$' '^Ya!$'

# ---------------------------------------------------------------- --baseline
BL=$TMP/baseline
mkdir -p "$BL"
cp rude.txt "$BL/r.txt"
check "--write-baseline records the findings, prints none, exit 0" 0 \
  "tlr --write-baseline '$BL/base.txt' '$BL/r.txt'" '!.' 'err:wrote 3 finding'
check "--write-baseline file format" 0 "cat '$BL/base.txt'" '^# tonelint baseline 1$' \
  $'^[0-9a-f]{16}\tr\\.txt\tTL9001\tidiota$'
check "--baseline: nothing new" 0 "tlr --baseline '$BL/base.txt' '$BL/r.txt'" '!.'
{ printf 'Línea nueva.\nOtra más.\n\n'; cat rude.txt; } >"$BL/r2.txt" && mv "$BL/r2.txt" "$BL/r.txt"
check "--baseline: lines added above a finding: still baselined" 0 "cd '$BL' && tlr --baseline base.txt r.txt" '!.'
printf 'Y además es usted un imbécil.\n' >>"$BL/r.txt"
check "--baseline: a new rude line is reported" 1 "tlr --format json --baseline '$BL/base.txt' '$BL/r.txt'" \
  'json:r\.txt:[0-9]+:[0-9]+:[0-9]+:[0-9]+:TL9001:error:es:imbécil$' 'json:!:idiota$' \
  'json:^summary files=1 findings=1 '
printf 'not a baseline\n' >"$BL/bad.txt"
check "--baseline: a bad file is exit 3 with file:line" 3 "tlr --baseline '$BL/bad.txt' '$BL/r.txt'" \
  'err:bad\.txt:1: not a baseline line'
check "--baseline: a missing file is exit 3" 3 "tlr --baseline '$BL/missing.txt' '$BL/r.txt'" 'err:missing\.txt'

echo "# $passed passed, $failed failed"
[[ $failed -eq 0 ]]

#!/usr/bin/env bash
# Hostile input and hostile rules (issue 7, docs/reliability.md): the inputs a commit hook or a
# clipboard pipe may see, and rule files written to hurt. Each check asserts the exit status
# (never a crash: below 128) and, where it means something, the findings.
# Usage: run_hostile_tests.sh BINARY
# TONELINT_BIG_TESTS=1 makes the long line 100 MB (instead of 5 MB) and the many-lines file
# 1,000,000 lines (instead of 200,000).
set -u

if [[ $# -ne 1 ]]; then
  echo "usage: $0 BINARY" >&2
  exit 2
fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TMP=$(mktemp -d)
trap 'umount "$TMP/full" 2>/dev/null; chmod -R u+rwX "$TMP"; rm -rf "$TMP"' EXIT
cd "$TMP" || exit 2
BIG=${TONELINT_BIG_TESTS:-0}
LIMIT=120  # seconds: a hang fails the check instead of hanging CI

# Only the test rules unless a check says otherwise, so that the checks do not depend on the
# bundled rules' wording.
cat >test.rules <<'EOF'
rule TL9001 insult-direct
lang      es
category  insult
severity  error
obfuscated yes
message   Insulto.
match     (idiota|tonto)
suggest   Entendemos su molestia.

rule TL9001 insult-direct
lang      en
category  insult
severity  error
obfuscated yes
message   Insult.
match     (idiot|moron)
EOF
tl() { timeout "$LIMIT" "$BIN" "$@"; }
tlr() { timeout "$LIMIT" "$BIN" --no-default-rules --rules "$TMP/test.rules" "$@"; }

passed=0
failed=0

# check NAME EXPECTED_EXIT COMMAND [PATTERN...]
# COMMAND is evaluated (with pipefail) in $TMP with standard input /dev/null unless it
# redirects it. PATTERN: an extended regex a line of stdout must match; !PAT none may;
# err:PAT / err:!PAT the same for stderr; count:N:PAT exactly N lines of stdout match PAT.
check() {
  local name=$1 expected=$2 command=$3
  shift 3
  local out=$TMP/stdout err=$TMP/stderr problems=() status pattern file negate n
  (set -o pipefail; eval "$command") <"/dev/null" >"$out" 2>"$err"
  status=$?
  [[ $status -eq $expected ]] || problems+=("exit status: expected $expected, got $status")
  for pattern in "$@"; do
    file=$out
    if [[ $pattern == count:* ]]; then
      pattern=${pattern#count:}
      n=${pattern%%:*}
      pattern=${pattern#*:}
      local got
      got=$(grep -cE -- "$pattern" "$out")
      [[ $got -eq $n ]] || problems+=("expected $n lines of stdout matching /$pattern/, got $got")
      continue
    fi
    [[ $pattern == err:* ]] && file=$err pattern=${pattern#err:}
    negate=0
    [[ $pattern == !* ]] && negate=1 pattern=${pattern#!}
    if grep -qE -- "$pattern" "$file"; then
      [[ $negate -eq 1 ]] && problems+=("unexpected match of /$pattern/ in $(basename "$file")")
    else
      [[ $negate -eq 0 ]] && problems+=("no match of /$pattern/ in $(basename "$file")")
    fi
  done
  if [[ ${#problems[@]} -eq 0 ]]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name"
    echo "  command: $command"
    printf '  %s\n' "${problems[@]}"
    echo "  stdout (first lines):"; head -n 5 "$out" | cut -c1-200 | sed 's/^/    /'
    echo "  stderr (first lines):"; head -n 5 "$err" | cut -c1-200 | sed 's/^/    /'
  fi
}

# ------------------------------------------------------------------------------------------
# Hostile input.

# Invalid UTF-8: a stray continuation byte, a truncated sequence, overlong encodings of '/' and
# NUL, bytes that never occur. Each bad run is one U+FFFD (one column).
printf 'a\x80b \xc3 \xc0\xaf \xe0\x80\xaf \xc0\x80 \xf8\x88\x80\x80\x80 \xfe\xff eres idiota\n' >invalid.txt
check "invalid and overlong UTF-8: read as U+FFFD, column counted after them" 1 \
  "tlr --format json invalid.txt" '"column": 31' '"text": "idiota"' \
  'err:invalid\.txt: 16 invalid UTF-8 sequence'
# CESU-style surrogates: a lone high, a lone low, and a pair encoded separately.
printf '\xed\xa0\x80 \xed\xbf\xbf \xed\xa0\xbd\xed\xb8\x80 idiota\n' >surrogates.txt
check "lone surrogates encoded in UTF-8 are invalid, not letters" 1 \
  "tlr surrogates.txt" '^surrogates\.txt:1:[0-9]+: error: \[TL9001' 'err:invalid UTF-8'
printf 'idiota\0idiota\n' >nul.txt
printf 'eres un idiota\n' >rude.txt
printf 'hola, gracias por escribir\n' >clean.txt
check "NUL bytes: skipped as binary with a note, the next file still linted" 1 \
  "tlr nul.txt rude.txt" 'err:nul\.txt: binary file' '^rude\.txt:1:9:' '!^nul\.txt'

# A single long line with a finding at its very end (5 MB, or 100 MB with the big flag).
if [[ $BIG == 1 ]]; then line_mb=100; else line_mb=5; fi
python3 -c "
import sys
sys.stdout.write('palabra ' * ($line_mb * 1024 * 1024 // 8) + 'idiota\n')" >long-line.txt
check "$line_mb MB single line: the finding at its end, right column" 1 \
  "tlr --format json long-line.txt" "\"column\": $((line_mb * 1024 * 1024 + 1))" '"findings": 1,'

# A 20 MB single line with a finding every 256 bytes, in the text format: each excerpt is a
# window of the line found from the finding's offset, not by counting the line from its start
# (which took minutes: 10 MB of it did not finish in 120 s).
python3 -c "
import sys
sys.stdout.write(('palabra ' * 30 + 'eres un idiota. ') * 81920)" >many-findings.txt
check "20 MB single line, 81,920 findings shown as windows of it" 1 \
  "tlr many-findings.txt" 'err:^81920 errors in 1 file' \
  "^many-findings\.txt:1:$((81919 * 256 + 249)): error:" "count:81920:^  1 \| \.\.\."

# The same shape with sentences that start with a capital: the line is read and linted in
# pieces cut inside it (chunker.h), with the columns carried across the cuts.
python3 -c "
import sys
sys.stdout.write(('Gracias por escribir. ' * 10 + 'Eres un idiota. ') * 22000)" >sentences-line.txt
check "5 MB single line of sentences, cut inside: 22,000 findings, columns carried" 1 \
  "tlr sentences-line.txt" 'err:^22000 errors in 1 file' \
  "^sentences-line\.txt:1:$((21999 * 236 + 229)): error:" "count:22000:^  1 \| \.\.\."

# Many short lines, one reply each; every 1000th is rude.
if [[ $BIG == 1 ]]; then lines=1000000; else lines=200000; fi
python3 -c "
import sys
for i in range($lines):
    sys.stdout.write('eres un idiota\n' if i % 1000 == 999 else 'gracias por escribir %d\n' % i)" >many-lines.txt
check "$lines short lines with --each-line: every rude one found" 1 \
  "tlr --each-line many-lines.txt" "count:$((lines / 1000)):^many-lines\.txt:[0-9]+000:9: error:" \
  "err:^$((lines / 1000)) errors in 1 file"

# 10,000 combining marks on one letter, next to a rude word and on it.
python3 -c "
import sys
sys.stdout.write('a' + '\u0301' * 10000 + ' eres idiota' + '\u0301' * 10000 + ' ya\n')" >marks.txt
# The span takes the marks along, up to where the sentence splitter cuts a 16 KB sentence.
check "10,000 combining marks on one letter" 1 "tlr --format json marks.txt" \
  '"column": 10008' '"end_column": [0-9]{5}' '"findings": 1,'
printf 'eres idiota\xcc\x81\xcc\x81 ya\n' >marks-short.txt
check "a span takes the combining marks of its last letter along (found by fuzz_lint)" 1 \
  "tlr --format json marks-short.txt" $'"text": "idiota\xcc\x81\xcc\x81"' '"end_column": 14'

# Every Unicode white space character between the words, and every zero-width or
# bidi-control character inside the word: each line is still an insult.
python3 - <<'EOF'
spaces = [0x9, 0xB, 0xC, 0x20, 0x85, 0xA0, 0x1680] + list(range(0x2000, 0x200B)) + \
         [0x2028, 0x2029, 0x202F, 0x205F, 0x3000]
invisible = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD, 0x180E, 0x2061, 0x2062, 0x2063,
             0x2064, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067,
             0x2068, 0x2069, 0x34F, 0xFE0F]
with open('spaces.txt', 'w', encoding='utf-8') as f:
    for c in spaces:
        f.write('eres' + chr(c) + 'un' + chr(c) + 'idiota' + chr(c) + 'ya\n')
with open('invisible.txt', 'w', encoding='utf-8') as f:
    for c in invisible:
        f.write('eres un idi' + chr(c) + 'ota\n')

EOF
check "every Unicode white space separates words (23 lines, 23 findings)" 1 \
  "tlr --each-line spaces.txt" 'count:23:^spaces\.txt:[0-9]+:[0-9]+: error: \[TL9001'
check "zero-width and bidi controls inside a word are seen through (24 lines)" 1 \
  "tlr --each-line invisible.txt" 'count:24:^invisible\.txt:[0-9]+:9: error: \[TL9001'

# Right-to-left text around the insult, with RLM/RLO marks.
printf '\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xe2\x80\x8fidiota\xe2\x80\x8f \xd8\xa3\xd9\x86\xd8\xaa \xe2\x80\xaeidiot\xe2\x80\xac\n' >rtl.txt
check "right-to-left text and bidi marks" 1 "tlr --format json rtl.txt" \
  '"text": "idiota"' '"text": "idiot"' '"findings": 2,'

# Emoji ZWJ sequences, skin tones and flags next to the words; the emoji alone are clean.
printf '\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 eres idiota\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd \xf0\x9f\x8f\xb3\xef\xb8\x8f\xe2\x80\x8d\xf0\x9f\x8c\x88\n' >emoji.txt
check "emoji ZWJ sequences and modifiers" 1 "tlr --format json emoji.txt" \
  '"column": 12' '"text": "idiota"'
printf '\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 \xf0\x9f\x8f\xb3\xef\xb8\x8f\xe2\x80\x8d\xf0\x9f\x8c\x88\n' >emoji-only.txt
check "emoji alone: clean" 0 "tlr emoji-only.txt" '!.'

# CR-only line ends (old Mac), with --each-line and without.
printf 'hola\reres idiota\rgracias\r' >cr.txt
check "CR-only line ends: line 2, column 6" 1 "tlr cr.txt" '^cr\.txt:2:6: error:' $'!\r'
check "CR-only line ends with --each-line" 1 "tlr --each-line cr.txt" '^cr\.txt:2:6: error:'

# A file deleted, and one replaced by a directory, after tonelint started and before it reached
# them: standard input is read first and only reaches end of file once both are done. Whether
# becomes-dir.txt is then read as a directory ("is a directory") or walked as an empty one
# depends on when the paths are expanded, so only the vanished file is asserted.
printf 'eres un idiota\n' >vanish.txt
printf 'eres un idiota\n' >becomes-dir.txt
check "a file that vanishes mid-run: exit 2, the others still linted" 2 \
  "{ printf 'hola\n'; rm vanish.txt; rm becomes-dir.txt; mkdir becomes-dir.txt; } | tlr - vanish.txt becomes-dir.txt rude.txt" \
  'err:vanish\.txt: No such file or directory' \
  '^rude\.txt:1:9: error:'

# Unreadable mid-run (root reads anything, so only as another user).
if [[ $(id -u) -ne 0 ]]; then
  printf 'eres un idiota\n' >locked.txt
  check "a file made unreadable mid-run: exit 2, the others still linted" 2 \
    "{ printf 'hola\n'; chmod 000 locked.txt; } | tlr - locked.txt rude.txt" \
    'err:locked\.txt: Permission denied' '^rude\.txt:1:9: error:'
fi

# A FIFO on standard input, and a FIFO given as a path, each written and then closed.
mkfifo fifo-stdin fifo-path
check "a FIFO on standard input, written then closed" 1 \
  "{ printf 'eres un idiota\n' >fifo-stdin & } ; tlr <fifo-stdin" '^<stdin>:1:9: error:'
check "a FIFO given as a path, written then closed" 1 \
  "{ printf 'eres un idiota\n' >fifo-path & } ; tlr fifo-path" '^fifo-path:1:9: error:'

# Output to a closed pipe: with the default SIGPIPE disposition tonelint dies of SIGPIPE like
# grep (141 from the shell), silently; with SIGPIPE ignored, the write fails with EPIPE and it
# exits 2 (src/main.cpp checks the stream), and stderr has only the usual summary line.
# Either way, no error message and no crash.
python3 -c "
import sys
sys.stdout.write('eres un idiota\n' * 200000)" >rude-many.txt
if [[ $(bash -c 'kill -PIPE $$; echo alive' 2>/dev/null) != alive ]]; then  # SIGPIPE not ignored
  check "| head -1: quiet death by SIGPIPE" 0 \
    "tlr rude-many.txt 2>pipe-err.txt | head -n 1; s=\${PIPESTATUS[0]}; [[ \$s -eq 141 || \$s -eq 2 ]] && [[ ! -s pipe-err.txt ]]" \
    '^rude-many\.txt:1:9: error:'
fi
check "| head -1 with SIGPIPE ignored: exit 2, only the summary on stderr" 0 \
  "(trap '' PIPE; tlr rude-many.txt 2>pipe-err.txt | head -n 1; [[ \${PIPESTATUS[0]} -eq 2 ]]) && ! grep -v '^200000 errors in 1 file$' pipe-err.txt" \
  '^rude-many\.txt:1:9: error:'
if [[ -w /dev/full ]]; then
  check "output to a full disk: exit 2 with a message, not success" 2 "tlr rude.txt >/dev/full" \
    'err:cannot write the output: No space left on device'
  check "clean output to a full disk still fails if anything was written" 2 \
    "tlr --format json clean.txt >/dev/full" 'err:cannot write the output'
fi

# ------------------------------------------------------------------------------------------
# Hostile rules.

rule_head() {  # ID NAME [LANG]
  printf 'rule %s %s\nlang %s\ncategory insult\nseverity error\nmessage m\n' "$1" "$2" "${3:-es}"
}

# 10,000 rules (every id TL0000-TL9999), each with its own word; loads and lints in seconds.
python3 -c "
for i in range(10000):
    print('rule TL%04d generated-%d\nlang es\ncategory insult\nseverity error\nmessage m\nmatch palabra%dx\n' % (i, i, i))" >many.rules
printf 'hola palabra9999x y palabra0x\n' >many-words.txt
check "10,000 rules: both words found" 1 \
  "tl --no-default-rules --rules many.rules many-words.txt" '^many-words\.txt:1:6: error: \[TL9999' \
  '^many-words\.txt:1:21: error: \[TL0000'
check "10,000 rules: --list-rules lists all" 0 "tl --no-default-rules --rules many.rules --list-rules" \
  'count:10000:^TL[0-9]{4} '

# Nested groups: 100 levels work; 30,000 crashed the parser (stack overflow) before the fix.
nested() { python3 -c "print('$1' * $2 + 'hola' + '$3' * $2 + '$4')"; }
{ rule_head TL9101 nested-ok; echo "match $(nested '(' 100 ')' '')"; } >nested-ok.rules
{ rule_head TL9102 nested-deep; echo "match $(nested '(' 30000 ')' '')"; } >nested-deep.rules
{ rule_head TL9103 nested-optional; echo "match $(nested '[' 30000 ']' ' x')"; } >nested-optional.rules
{ rule_head TL9104 nested-regex; echo "regex $(nested '(' 20000 ')' '')"; } >nested-regex.rules
printf 'hola amigo\n' >hola.txt
check "100 nested groups work" 1 "tl --no-default-rules --rules nested-ok.rules hola.txt" '^hola\.txt:1:1: error:'
check "30,000 nested groups: a precise error, exit 4" 4 \
  "tl --no-default-rules --rules nested-deep.rules hola.txt" \
  'err:^.*nested-deep\.rules:6:107: bad pattern: groups nested more than 100 deep$'
check "30,000 nested optional groups: a precise error, exit 4" 4 \
  "tl --no-default-rules --rules nested-optional.rules hola.txt" 'err:nested-optional\.rules:6:107: bad pattern: groups nested'
check "a regex with 20,000 nested groups: refused fast (RE2 took 34 s and 6 GB)" 4 \
  "tl --no-default-rules --rules nested-regex.rules hola.txt" \
  'err:nested-regex\.rules:6:107: bad regex: parentheses nested more than 100 deep'

# Enormous alternations: 120,000 random words fit the RE2::Set but not RE2's default 8 MB, and
# the rule silently never fired before the fix; 400,000 fit the 128 MB budget given to each.
alternation() {  # N FILE TEXT_FILE
  python3 -c "
import random
random.seed(7)
words = [''.join(random.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(10)) for _ in range($1)]
open('$3', 'w').write('hola ' + words[-1] + ' ya\n')
print('rule TL9201 alternation\nlang es\ncategory insult\nseverity error\nmessage m\nmatch (' + '|'.join(words) + ')')" >"$2"
}
alternation 120000 alternation.rules alternation.txt
check "an alternation of 120,000 words: its last word is found" 1 \
  "tl --no-default-rules --rules alternation.rules alternation.txt" '^alternation\.txt:1:6: error: \[TL9201'
alternation 400000 huge-alternation.rules huge-alternation.txt
check "an alternation of 400,000 words: within the 128 MB budget, its last word is found" 1 \
  "tl --no-default-rules --rules huge-alternation.rules huge-alternation.txt" '^huge-alternation\.txt:1:6: error: \[TL9201'
# A program beyond RE2's memory budget: reported with its place, exit 4, never a silent no-op.
python3 -c "print('rule TL9202 too-large\nlang es\ncategory insult\nseverity error\nmessage m\nregex ' + '\\\\pL{1000}' * 20)" >too-large.rules
check "a regex beyond RE2's memory budget: reported, exit 4" 4 \
  "tl --no-default-rules --rules too-large.rules hola.txt" \
  'err:too-large\.rules:6:7: pattern does not compile: pattern too large'

# Regexes RE2 rejects: look-ahead, back-references, a repeat over 1000, a bad name.
{ rule_head TL9301 lookahead; echo 'regex hola(?=x)'; echo; rule_head TL9302 backref; echo 'regex (a)\1';
  echo; rule_head TL9303 repeat; echo 'regex a{1001}'; echo; rule_head TL9304 named; echo 'regex (?<x>a)'; } >re2-rejects.rules
check "regexes RE2 rejects: each a precise error, exit 4" 4 \
  "tl --no-default-rules --rules re2-rejects.rules hola.txt" \
  'err:re2-rejects\.rules:6:7: pattern does not compile: invalid perl operator: \(\?=' \
  'err:re2-rejects\.rules:13:7: pattern does not compile: invalid escape sequence: \\1' \
  'err:re2-rejects\.rules:20:7: pattern does not compile: invalid repetition size: \{1001\}' \
  'err:re2-rejects\.rules:27:7: pattern does not compile: invalid perl operator: \(\?<'

# A suggestion naming a group the pattern does not have: expands to empty (documented).
{ rule_head TL9401 missing-group; echo 'match eres (tonto|bobo)'; echo 'suggest [$1|$2|$9]'; } >missing-group.rules
printf 'eres tonto\n' >tonto.txt
check "suggest with \$2 and \$9 but one group: they expand to empty" 1 \
  "tl --no-default-rules --rules missing-group.rules tonto.txt" '= suggestion: "\[tonto\|\|\]"'

# The same id for the same language in two files; the first place is named.
{ rule_head TL9501 dup-one; echo 'match hola'; } >dup-a.rules
{ printf '# second file\n'; rule_head TL9501 dup-one; echo 'match adios'; } >dup-b.rules
check "duplicate ids across files: exit 4, both places named" 4 \
  "tl --no-default-rules --rules dup-a.rules --rules dup-b.rules hola.txt" \
  'err:dup-b\.rules:2:[0-9]+: duplicate rule id TL9501 for language es \(first at .*dup-a\.rules:1\)'

# A `when` naming a signal that does not exist. (Signals cannot refer to signals, so there is
# no cycle to make.)
{ printf 'signal complaint\nlang es\nmatch no funciona\n\n'; rule_head TL9601 missing-apology;
  echo 'require lo siento'; echo 'when context:complain'; } >missing-signal.rules
check "missing signal: exit 4, with did-you-mean" 4 \
  "tl --no-default-rules --rules missing-signal.rules hola.txt" \
  "err:missing-signal\.rules:11:[0-9]+: unknown signal 'complain'.*complaint"

# ---------------------------------------------------------------- no data loss with --fix
# --fix writes a temporary file `.NAME.tonelint-XXXXXX` next to the file, fsyncs it and renames
# it over the file (src/fix.cpp): the file is always either the original or the whole new text.
cat >fix.rules <<'EOF'
rule TL9801 shouting-fixable
lang      es
category  shouting
severity  warning
message   Demasiados signos de exclamación.
regex     !{3,}
suggest   !
fix       safe
EOF
# The same fix, with a suggestion longer than the span, so that the fixed file grows.
sed 's/^suggest.*/suggest   ! (un texto mucho más largo que los tres signos que reemplaza, para que crezca)/' \
  fix.rules >grow.rules
tlf() { timeout "$LIMIT" "$BIN" --no-default-rules --rules "$TMP/fix.rules" "$@"; }
stray() { find "$1" -maxdepth 1 -name '.*.tonelint-*' | wc -l; }  # temporary files left in DIR

# A read-only file (chmod 444): rewritten like `sed -i` does, since the rename needs only a
# writable directory; its mode stays 444. (ESLint and ruff open the file for writing and so
# refuse it with EACCES; tonelint documents the difference in docs/reliability.md.)
printf 'Listo!!!\nGracias.\n' >readonly.txt && chmod 444 readonly.txt
check "--fix on a read-only file: the whole fixed text, mode 444 kept, no temporary file" 0 \
  "tlf --fix readonly.txt; s=\$?; printf 'Listo!\nGracias.\n' | cmp - readonly.txt && [[ \$(stat -c %a readonly.txt) == 444 && \$(stray .) == 0 ]] && exit \$s"

# A read-only directory: the temporary file cannot be created. Root ignores permissions, so as
# root the check runs tonelint as `nobody` (setpriv), else it is skipped.
mkdir rodir && printf 'Listo!!!\nGracias.\n' >rodir/a.txt && cp rodir/a.txt rodir-a.orig
as_user=()
if [[ $(id -u) -eq 0 ]] && command -v setpriv >/dev/null; then
  chmod 755 "$TMP" && chown -R 65534:65534 rodir
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
chmod 555 rodir
if [[ $(id -u) -ne 0 || ${#as_user[@]} -gt 0 ]]; then
  check "--fix in a read-only directory: exit 2, a message, the original intact" 2 \
    "timeout $LIMIT ${as_user[*]} $BIN --no-default-rules --rules $TMP/fix.rules --fix rodir/a.txt; s=\$?; cmp rodir/a.txt rodir-a.orig && [[ \$(stray rodir) == 0 ]] && exit \$s" \
    'err:rodir/a\.txt: not fixed: cannot create a temporary file: Permission denied'
else
  echo "ok - --fix in a read-only directory # SKIP running as root without setpriv: root ignores permissions"
fi
chmod 755 rodir

# A symlink: the link stays a link, its target gets the fixed text (the temporary file is made
# in the target's directory).
mkdir linkdir && printf 'Listo!!!\n' >linkdir/target.txt && ln -s linkdir/target.txt link.txt
check "--fix on a symlink: still a link, the target fixed, no temporary file" 0 \
  "tlf --fix link.txt; s=\$?; [[ -L link.txt && \$(readlink link.txt) == linkdir/target.txt ]] && printf 'Listo!\n' | cmp - linkdir/target.txt && [[ \$(stray .) == 0 && \$(stray linkdir) == 0 ]] && exit \$s"

# A full disk: a 64 KB tmpfs, filled up, and a fix that makes the file grow.
mkdir full
if mount -t tmpfs -o size=64k tmpfs full 2>/dev/null; then
  python3 -c "open('full/f.txt','w').write('Listo!!! gracias.\n' * 1000)" && cp full/f.txt full-f.orig
  head -c 1000000 /dev/zero >full/fill 2>/dev/null
  check "--fix on a full disk: exit 2, a message, the original intact, no temporary file" 2 \
    "timeout $LIMIT $BIN --no-default-rules --rules grow.rules --fix full/f.txt >/dev/null; s=\$?; cmp full/f.txt full-f.orig && [[ \$(stray full) == 0 ]] && exit \$s" \
    'err:full/f\.txt: not fixed: write failed: No space left on device'
  umount full
else
  echo "ok - --fix on a full disk # SKIP cannot mount a tmpfs here (not root, or not allowed)"
fi

# Interrupted: SIGKILL at a random moment of a --fix of 5 MB with 150,000 fixes, 20 times. The
# file must be the original or the fully fixed text, byte for byte. A temporary file may be left
# (SIGKILL cannot be caught: mkstemp ran, the rename did not); at most one, named
# `.big.txt.tonelint-XXXXXX` (six characters of mkstemp). It is removed before the next round.
python3 -c "open('big-fix.orig','w').write(''.join('Listo!!! gracias por %d esperar.\n' % i for i in range(150000)))"
# The kill comes at a random moment within 1.2 times what one whole run takes here (about 1 s
# in a Release build, more under ASan or load), so that rounds land before, during and after.
started=$(date +%s%N)
cp big-fix.orig big.txt && tlf --fix big.txt >/dev/null 2>&1; mv big.txt big-fix.fixed
fix_ms=$(( ($(date +%s%N) - started) / 1000000 * 12 / 10 + 1 ))
kill_fix() {
  local i bad=0 delay ms left original=0 fixed=0 temps=0
  for i in $(seq 20); do
    cp big-fix.orig big.txt
    delay=$(printf '%d.%03d' $((ms = RANDOM * 32768 + RANDOM, ms %= fix_ms, ms / 1000)) $((ms % 1000)))
    "$BIN" --no-default-rules --rules "$TMP/fix.rules" --fix big.txt >/dev/null 2>&1 &
    sleep "$delay"; kill -KILL $! 2>/dev/null; wait $! 2>/dev/null
    if cmp -s big.txt big-fix.orig; then ((original++)); elif cmp -s big.txt big-fix.fixed; then ((fixed++))
    else echo "round $i (killed after ${delay}s): big.txt is neither the original nor the fixed text"; bad=1; fi
    left=$(find . -maxdepth 1 -name '.*.tonelint-*')
    if [[ -n $left ]]; then
      if [[ $(wc -l <<<"$left") -ne 1 || ! $left =~ ^\./\.big\.txt\.tonelint-[A-Za-z0-9]{6}$ ]]; then
        echo "round $i: unexpected temporary files: $left"; bad=1
      fi
      rm -f $left
      ((temps++))
    fi
  done
  echo "original $original, fixed $fixed, a temporary file left $temps times"
  return $bad
}
check "--fix killed at random moments (20 rounds): the file is the original or the fixed text" 0 \
  "kill_fix" '^original [0-9]+, fixed [0-9]+, a temporary file left [0-9]+ times$'
echo "--fix killed 20 times at random moments: $(cat "$TMP/stdout")"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]

#!/usr/bin/env bash
# -j scaling: lints a generated directory of FILES replies (default 2000, ~4 KB each, made from
# examples/replies) with -j 1, 2 and 4 and prints the best wall time of RUNS runs (default 5)
# and the speed-up over -j 1. Also checks that every -j gives the same output.
# Usage: bench/jobs.sh [BINARY] [FILES] [RUNS] [REPEAT]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build/tonelint}
FILES=${2:-2000}
RUNS=${3:-5}
REPEAT=${4:-8}  # copies of an example reply per file (8: ~4 KB)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 - "$TMP/corpus" "$FILES" "$REPEAT" <<'PY'
import os, sys
out, n, REPEAT = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
src = "examples/replies"
texts = [open(os.path.join(src, f), encoding="utf-8").read() for f in sorted(os.listdir(src))]
for i in range(n):
    d = os.path.join(out, f"g{i % 20:02}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"r{i:05}.txt"), "w", encoding="utf-8") as f:
        f.write((texts[i % len(texts)] + "\n") * REPEAT)
PY
echo "corpus: $FILES files, $(du -sh "$TMP/corpus" | cut -f1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
"$BIN" -j 1 --format json "$TMP/corpus" >"$TMP/j1.json" 2>/dev/null || true
base=
for jobs in 1 2 4; do
  best=
  for ((run = 0; run < RUNS; run++)); do
    start=$(date +%s%N)
    "$BIN" -j "$jobs" --format json "$TMP/corpus" >"$TMP/out.json" 2>/dev/null || true
    elapsed=$((($(date +%s%N) - start) / 1000000))
    [[ -z $best || $elapsed -lt $best ]] && best=$elapsed
  done
  cmp -s "$TMP/j1.json" "$TMP/out.json" || { echo "-j $jobs: output differs from -j 1" >&2; exit 1; }
  [[ -z $base ]] && base=$best
  printf -- '-j %s: %5d ms  x%s\n' "$jobs" "$best" "$(awk -v a="$base" -v b="$best" 'BEGIN { printf "%.2f", a / b }')"
done

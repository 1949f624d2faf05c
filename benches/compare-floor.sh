#!/usr/bin/env bash
# compare-floor.sh [UN2AKN_BIN] — what ../shared/bench/compare.sh reports for a converter that
# does no work at all: a stand-in that copies the outputs un2akn made beforehand into the output
# folder. Its "speed-up" is the most compare.sh can show on this machine for any converter that
# writes one file per input, since compare.sh's own overheads (a python3 start-up, the rm -rf of
# the previous outputs, the file system creating 1,000 files) are inside its measurement.
# Prints compare.sh's lines for the stand-in, then for un2akn, alternately, RUNS times.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BIN=$(realpath "${1:-target/release/un2akn}")
W=${BENCH_DIR:-/tmp/un2akn-bench}
COMPARE=${COMPARE:-$HERE/../../shared/bench/compare.sh}
RUNS=${RUNS:-3}
# First run: compare.sh builds the document sets and bluebell's venv.
[ -d "$W/k1000" ] || "$COMPARE" "$BIN" >/dev/null
STANDIN=$W/standin
mkdir -p "$STANDIN"
for set in k1000 big1mb; do
  rm -rf "$STANDIN/$set"
  "$BIN" convert "$W/$set" -o "$STANDIN/$set" -q
done
cat > "$STANDIN/un2akn" <<SH
#!/bin/sh
# Called as: un2akn convert DIR -o OUT
exec cp -r "$STANDIN/\$(basename "\$2")/." "\$4/"
SH
chmod +x "$STANDIN/un2akn"
for run in $(seq "$RUNS"); do
  echo "run $run, no-work stand-in: $("$COMPARE" "$STANDIN/un2akn" | grep '^k1000')"
  echo "run $run, un2akn:           $("$COMPARE" "$BIN" | grep '^k1000')"
done

#!/usr/bin/env bash
# compare.sh [UN2AKN_BIN] — un2akn against bluebell-akn 5 (+ its Rust parser), the fastest public
# text-to-Akoma-Ntoso converter, on the same generated documents, in one run.
#
# Inputs (made under $BENCH_DIR, default /tmp/un2akn-bench): k1000/ = 500 copies of each example
# resolution (1,000 files, ~20 MB); big1mb/ = one ~1 MB resolution (examples' paragraphs repeated).
# bluebell needs UN-specific pre-processing it does not have; bluebell_convert.py (beside this
# file) does that, and its time is counted with bluebell's, as un2akn's own stages are counted.
# Prints docs/s and MB/s for each, and the ratio un2akn/bluebell. Needs python3.12 (pyenv has it)
# and bash 5 ($EPOCHREALTIME).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BIN=${1:-target/release/un2akn}
W=${BENCH_DIR:-/tmp/un2akn-bench}
EX=${EXAMPLES:-$HERE/../../examples}
mkdir -p "$W"
if [ ! -x "$W/venv/bin/python" ]; then
  PY312=$(ls "$(pyenv root 2>/dev/null)"/versions/3.12*/bin/python3.12 2>/dev/null | tail -1); PY312=${PY312:-python3.12}
  "$PY312" -m venv "$W/venv"
  "$W/venv/bin/pip" install -q bluebell-akn==5.0.0 bluebell-akn-rs==5.0.0
fi
if [ ! -d "$W/k1000" ]; then
  mkdir -p "$W/k1000" "$W/big1mb"
  i=0
  for n in $(seq 1 500); do for f in "$EX"/*.md; do i=$((i+1)); cp "$f" "$W/k1000/doc$(printf %04d $i).md"; done; done
  python3 - "$EX" "$W/big1mb/big.md" <<'PY'
import sys, glob, re
src = open(sorted(glob.glob(sys.argv[1] + '/A_HRC_RES_49_34.md'))[0]).read()
head, rest = src.split('\n1. *', 1)
body, tail = ('1. *' + rest).rsplit('\n*58th meeting', 1)
paras = [p for p in re.split(r'\n\s*\n', body) if re.match(r'^\d+\. ', p)]
out, n = [], 0
while sum(len(p) for p in out) < 1_000_000:
    for p in paras:
        n += 1
        out.append(re.sub(r'^\d+\.', f'{n}.', p))
open(sys.argv[2], 'w').write(head + '\n' + '\n\n'.join(out) + '\n\n*58th meeting' + tail)
PY
fi
[ -x "$BIN" ] || echo "note: $BIN not found or not executable; build with cargo build --release" >&2
# Both sides are timed the same way: a whole process (start-up included) that converts every input
# of the folder and writes one output per input into an emptied folder. The clock is bash's own
# ($EPOCHREALTIME: no helper process inside the interval). Each side runs $REPS times, alternating;
# the best run of each is kept.
REPS=${REPS:-3}
run_un2akn() {  # one process for the whole directory when batch mode exists, else one per file
  local dir=$1 out=$2
  if "$BIN" convert "$dir" -o "$out" >/dev/null 2>&1; then return 0; fi
  for f in "$dir"/*.md; do "$BIN" convert "$f" -o "$out/$(basename "$f" .md).akn.xml" >/dev/null 2>&1 || true; done
}
run_bluebell() { OUTDIR="$2" "$W/venv/bin/python" "$HERE/bench_bluebell.py" "$1" >/dev/null 2>&1 || true; }
timed() {  # timed NAME SET: prints the seconds one run takes
  local out="$W/out-$1-$2"
  rm -rf "$out"; mkdir -p "$out"; sync
  local t0=$EPOCHREALTIME
  "run_$1" "$W/$2" "$out"
  local t1=$EPOCHREALTIME
  echo "$t0 $t1" | awk '{printf "%.4f\n", $2-$1}'
}
for set in k1000 big1mb; do
  mb=$(du -sb "$W/$set" | awk '{print $1/1e6}'); n=$(ls "$W/$set" | wc -l)
  us=""; bs=""
  for r in $(seq 1 "$REPS"); do
    [ -x "$BIN" ] && us="$us $(timed un2akn "$set")"
    bs="$bs $(timed bluebell "$set")"
  done
  u=$(echo $us | tr ' ' '\n' | sort -g | head -1); bb=$(echo $bs | tr ' ' '\n' | sort -g | head -1)
  ok=$(find "$W/out-un2akn-$set" -name '*.xml' 2>/dev/null | wc -l || true)
  bok=$(find "$W/out-bluebell-$set" -name '*.xml' 2>/dev/null | wc -l || true)
  python3 - "$set" "$n" "$mb" "${u:-0}" "$bb" "$ok" "$bok" <<'PY'
import sys
s, n, mb, u, bb, ok, bok = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
if ok == 0:
    print(f"{s}: {n} docs, {mb:.1f} MB | un2akn produced no outputs | bluebell-rs {bb:.3f} s ({n/bb:.0f} docs/s, {mb/bb:.1f} MB/s)")
    sys.exit(0)
print(f"{s}: {n} docs, {mb:.1f} MB | un2akn {u:.3f} s ({n/u:.0f} docs/s, {mb/u:.1f} MB/s, {ok} outputs) | "
      f"bluebell-rs {bb:.3f} s ({n/bb:.0f} docs/s, {mb/bb:.1f} MB/s, {bok} outputs) | speedup {bb/u:.1f}x")
PY
done

#!/bin/sh
# A held-out estimate for the language lexicons: src/lang/lexicon/*.txt are
# made (tools/lexicon.py) from the same 30 UN files a language that measure
# them, so their figures flatter. This makes the lexicons from one half of
# each language's files, converts the other half, and measures it with
# eval/agree.py; then the other way round. The lexicons are restored at the
# end (and on interruption), and the binary rebuilt.
#
#   tools/lexicon_folds.sh [--corpus ../shared/corpus]
set -eu
corpus=../shared/corpus
[ "${1:-}" = "--corpus" ] && corpus=$2
corpus=$(cd "$corpus" && pwd)
saved=$(mktemp -d)
work=$(mktemp -d)
cp src/lang/lexicon/*.txt "$saved"/
restore() {
    cp "$saved"/*.txt src/lang/lexicon/
    cargo build --release < /dev/null > /dev/null 2>&1 || true
    rm -rf "$saved" "$work"
}
trap restore EXIT INT TERM
for fold in 0 1; do
    rm -rf "$work/train" "$work/test"
    for lang in fr es ru ar zh; do
        mkdir -p "$work/train/$lang" "$work/test/$lang"
        i=0
        for akn in $(ls "$corpus/languages/$lang"/*.akn.xml | sort); do
            stem=$(basename "$akn" .akn.xml)
            if [ $((i % 2)) -eq $fold ]; then
                ln -s "$akn" "$work/train/$lang/"
            else
                ln -s "$akn" "$work/test/$lang/"
                ln -s "$corpus/languages/$lang/$stem.txt" "$work/test/$lang/"
            fi
            i=$((i + 1))
        done
    done
    python3 tools/lexicon.py "$work/train" > /dev/null
    cargo build --release < /dev/null > /dev/null 2>&1
    for lang in fr es ru ar zh; do
        printf 'fold %s %s: ' "$fold" "$lang"
        python3 "$corpus/../eval/agree.py" \
            --cmd "target/release/un2akn convert {in} -o {out} --report {rep}" \
            --show 0 --jobs 2 --json "$work/agree.json" "$work/test/$lang" 2>&1 \
            | grep 'all agree' | tr -d '\n'
        # Noise: documents whose structure agrees yet drew a warning.
        python3 -c 'import json, sys
parts = ("preamble", "operative", "footnotes")
docs = [d for d in json.load(open(sys.argv[1])) if all((d.get("agree") or {}).get(p) for p in parts)]
print("; warned although agreeing: %d/%d" % (sum(1 for d in docs if d["warned"]), len(docs)))' \
            "$work/agree.json"
    done
done

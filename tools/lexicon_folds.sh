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
            --show 0 --jobs 2 "$work/test/$lang" 2>&1 | grep 'all agree'
    done
done

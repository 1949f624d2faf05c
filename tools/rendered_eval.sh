#!/bin/sh
# The UN's own English Akoma Ntoso files, rendered to plain text the way the
# language sets' inputs are made, converted and compared with the files they
# came from: a second view of structure recognition, on English texts laid out
# as the held-out language texts are (tabs between a number and its text, a
# part's label and heading on one line, no page furniture, no italics).
#
#   tools/rendered_eval.sh [--bin target/release/un2akn] [--corpus ../shared/corpus] [--show N]
#
# Renders pairs/, dev-pairs/ and languages/en/ (390 files) with the corpus's
# tools/render_akn.py into a temporary folder and runs eval/agree.py on it.
# Known renderer artefacts: a listIntroduction holding italics keeps only its
# first words (79/218, 80/151, 80/228), so the points after it read as
# recitals of their own.
set -eu
bin=target/release/un2akn
corpus=../shared/corpus
show=0
while [ $# -gt 0 ]; do
    case "$1" in
        --bin) bin=$2; shift 2 ;;
        --corpus) corpus=$2; shift 2 ;;
        --show) show=$2; shift 2 ;;
        *) echo "usage: $0 [--bin BIN] [--corpus DIR] [--show N]" >&2; exit 2 ;;
    esac
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for akn in "$corpus"/pairs/*.akn.xml "$corpus"/dev-pairs/*.akn.xml "$corpus"/languages/en/*.akn.xml; do
    stem=$(basename "$akn" .akn.xml)
    [ -e "$out/$stem.akn.xml" ] && continue
    python3 "$corpus/tools/render_akn.py" "$akn" > "$out/$stem.txt"
    cp "$akn" "$out/$stem.akn.xml"
done
python3 "$corpus/../eval/agree.py" --cmd "$bin convert {in} -o {out} --report {rep}" \
    --show "$show" --jobs 2 ${json:+--json "$json"} "$out"

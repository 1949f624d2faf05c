#!/bin/sh
# The same documents in other layouts than the corpus gives them, converted
# and compared with the UN's files by eval/agree.py: how much of the
# structure rests on the layout rather than on the text.
#
#   tools/layout_eval.sh [--bin target/release/un2akn] [--corpus ../shared/corpus]
#                        [--seeds "1 2"] [LAYOUT ...]
#
# Layouts (all by default):
#   noblank    the English PDF-text pairs (pairs/, dev-pairs/) with every blank line removed
#   crlf       the same pairs with CR LF line ends
#   formfeed   the same pairs with a form feed before each page counter ("2/7")
#   indent     the same pairs with paragraph numbers, point labels and participles indented
#              and spaced as a layout-preserving extraction prints them
#   languages  the French, Spanish, Russian, Arabic and Chinese texts with every blank
#              line removed (one paragraph per line, nothing between)
#   pdf        the UN's own files of the English pairs and of the five language sets,
#              laid out as the text of their PDFs by tools/pdf_layout.py (lines wrapped,
#              pages broken anywhere, notes at each page's foot, running headers): page
#              breaks at places the corpus's texts do not have them (seeds 1 and 2, or
#              those given: the README's figures use --seeds "$(seq 1 12)")
# Each prints agree.py's summary; compare with the pairs as they are (README, Fidelity).
set -eu
bin=target/release/un2akn
corpus=../shared/corpus
layouts=""
seeds="1 2"
while [ $# -gt 0 ]; do
    case "$1" in
        --bin) bin=$2; shift 2 ;;
        --corpus) corpus=$2; shift 2 ;;
        --seeds) seeds=$2; shift 2 ;;
        noblank|crlf|formfeed|indent|languages|pdf) layouts="$layouts $1"; shift ;;
        *) echo "usage: $0 [--bin BIN] [--corpus DIR] [--seeds \"1 2\"] [noblank|crlf|formfeed|indent|languages|pdf ...]" >&2; exit 2 ;;
    esac
done
[ -n "$layouts" ] || layouts="noblank crlf formfeed indent languages pdf"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# relayout LAYOUT SOURCE_DIR... : writes each SOURCE/*.txt as LAYOUT gives it,
# beside a copy of its UN file, into $out/LAYOUT/.
relayout() {
    layout=$1; shift
    mkdir -p "$out/$layout"
    for dir in "$@"; do
        for text in "$dir"/*.txt; do
            stem=$(basename "$text" .txt)
            python3 - "$layout" "$text" "$out/$layout/$stem.txt" <<'EOF'
import re, sys
layout, source, target = sys.argv[1:]
text = open(source, encoding='utf-8').read()
if layout in ('noblank', 'languages'):
    text = ''.join(line + '\n' for line in text.split('\n') if line.strip())
elif layout == 'crlf':
    text = text.replace('\n', '\r\n')
elif layout == 'formfeed':
    lines = text.split('\n')
    text = '\n'.join('\f' + l if i > 5 and re.fullmatch(r'\s*\d+/\d+\s*', l) else l
                     for i, l in enumerate(lines))
elif layout == 'indent':
    text = re.sub(r'(?m)^(\d{1,3})\. ', lambda m: ' ' * 10 + m.group(1) + '.     ', text)
    text = re.sub(r'(?m)^\((\w{1,4})\) ', lambda m: ' ' * 16 + '(' + m.group(1) + ')    ', text)
    text = re.sub(r'(?m)^([A-Z][a-z]+ing) ', lambda m: ' ' * 10 + m.group(1) + ' ', text)
open(target, 'w', encoding='utf-8').write(text)
EOF
            cp "$dir/$stem.akn.xml" "$out/$layout/"
        done
    done
}

agree() {
    python3 "$corpus/../eval/agree.py" --cmd "$bin convert {in} -o {out} --report {rep}" \
        --show 0 --jobs 2 "$1" | tail -3
}

# printed SEED NAME SOURCE_DIR... : lays out each SOURCE/*.akn.xml as PDF
# text with tools/pdf_layout.py, beside a copy of it, into $out/NAME/.
printed() {
    seed=$1; name=$2; shift 2
    rm -rf "${out:?}/$name"
    mkdir -p "$out/$name"
    for dir in "$@"; do
        for akn in "$dir"/*.akn.xml; do
            stem=$(basename "$akn" .akn.xml)
            python3 "$(dirname "$0")/pdf_layout.py" --seed "$seed" --corpus "$corpus" "$akn" \
                > "$out/$name/$stem.txt"
            cp "$akn" "$out/$name/"
        done
    done
}

for layout in $layouts; do
    if [ "$layout" = pdf ]; then
        for seed in $seeds; do
            printed "$seed" pdf "$corpus/pairs" "$corpus/dev-pairs"
            echo "== pdf, seed $seed: the English pairs' UN files laid out as PDF text"
            agree "$out/pdf"
            for lang in fr es ru ar zh; do
                printed "$seed" pdf "$corpus/languages/$lang"
                echo "== pdf, seed $seed: $lang"
                agree "$out/pdf"
            done
        done
    elif [ "$layout" = languages ]; then
        for lang in fr es ru ar zh; do
            rm -rf "$out/languages"
            relayout languages "$corpus/languages/$lang"
            echo "== languages without blank lines: $lang"
            agree "$out/languages"
        done
    else
        relayout "$layout" "$corpus/pairs" "$corpus/dev-pairs"
        echo "== $layout (the PDF-text pairs)"
        agree "$out/$layout"
    fi
done

#!/bin/sh
# Seeds the corpus of every fuzz target with real documents: the examples, the
# documents vendored in tests/fixtures (corpus, pairs, kinds, languages, layouts) and,
# when it is there, the shared UN corpus (../shared/corpus next to the
# repository, or $UN2AKN_CORPUS; not part of this repository).
# The corpus folders are not committed (the lossless target's grown corpus is,
# as corpus-lossless.tar.xz, unpacked here); run this once before fuzzing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
shared=${UN2AKN_CORPUS:-$(dirname "$root")/shared/corpus}
for target in clean grammar convert lossless; do
    dir="$here/corpus/$target"
    mkdir -p "$dir"
    cp "$root"/examples/*.md "$dir"/
    for file in "$root"/tests/fixtures/corpus/* "$root"/tests/fixtures/pairs/*.txt \
        "$root"/tests/fixtures/pairs/*.md "$root"/tests/fixtures/kinds/*.txt \
        "$root"/tests/fixtures/languages/*/*.txt "$root"/tests/fixtures/layouts/*/*.txt; do
        [ -f "$file" ] && cp "$file" "$dir"/
    done
    if [ -d "$shared" ]; then
        for file in "$shared"/documents/* "$shared"/pairs/*.txt; do
            [ -f "$file" ] && cp "$file" "$dir"/
        done
    else
        echo "seed.sh: $shared not found; seeded from examples/ only" >&2
    fi
    # Past findings are good seeds too.
    if [ -d "$root/tests/fixtures/hostile" ]; then
        cp "$root"/tests/fixtures/hostile/* "$dir"/ 2>/dev/null || true
    fi
    if [ -d "$here/crashers/$target" ]; then
        cp "$here/crashers/$target"/* "$dir"/
    fi
    # The corpus a past run grew (minimised, compressed, committed).
    if [ "$target" = lossless ] && [ -f "$here/corpus-lossless.tar.xz" ]; then
        tar -xJf "$here/corpus-lossless.tar.xz" -C "$here/corpus"
    fi
    chmod -R u+w "$dir"
    echo "$target: $(ls "$dir" | wc -l) files"
done
# The validate target reads XML: the skeleton, the UN's own AKN files, and
# un2akn's outputs of the examples (when the release binary is built).
dir="$here/corpus/validate"
mkdir -p "$dir"
cp "$root"/tests/fixtures/resolution-skeleton.akn.xml "$dir"/
if [ -d "$shared" ]; then
    cp "$shared"/pairs/*.akn.xml "$dir"/
fi
if [ -x "$root/target/release/un2akn" ]; then
    for file in "$root"/examples/*.md; do
        "$root/target/release/un2akn" convert "$file" -o "$dir/$(basename "$file" .md).akn.xml"
    done
fi
chmod -R u+w "$dir"
echo "validate: $(ls "$dir" | wc -l) files"

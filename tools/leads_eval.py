#!/usr/bin/env python3
"""How often un2akn's italic lead phrases are the UN's own.

  python3 tools/leads_eval.py [--bin target/release/un2akn] [FOLDER ...]

FOLDER (default: ../shared/corpus/pairs and ../shared/corpus/dev-pairs) holds text or markdown
inputs beside the UN's Akoma Ntoso of the same resolution (<STEM>.akn.xml). Each input is
converted; the lead phrase of every preambular container and operative paragraph (the italic
text its first <p> opens with: `<i>` in ours, `<span class="italic">` in the UN's) is taken from
both files, and the UN's phrases are matched with ours per document (as multisets). Prints the
share of the UN's phrases found, then, for documents with as many paragraphs on both sides, the
most frequent differences in order (ours, theirs). Standard library only.
"""
import argparse
import collections
import glob
import html
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BLOCK = re.compile(r'<(container|paragraph)\b[^>]*>(.*?)</p>', re.S)
OPENING = re.compile(
    r'^\s*(<num>[^<]*</num>)?\s*(<content[^>]*>|<list[^>]*>\s*<intro[^>]*>)?\s*<p[^>]*>')
EMPHASIS = {
    'italic': 'italic',
    # The UN's files of the other languages mark leads italic (French, Spanish,
    # Russian), bold italic (Arabic) or bold (Chinese).
    'any': '(?:italic|bold|bold italic)',
}


def leads(xml, emphasis='italic'):
    """The lead phrase of each container and paragraph, in order (None: no italic lead)."""
    span = EMPHASIS[emphasis]
    other_tags = re.compile(r'<(?!/?i\b|span class="' + span + r'"|/span)[^>]+>')
    lead = re.compile(r'\s*(?:<i>|<span class="' + span + r'">)(.*?)</(?:i|span)>')
    xml = re.sub(r'<authorialNote.*?</authorialNote>', '', xml, flags=re.S)
    out = []
    for match in BLOCK.finditer(xml):
        body = other_tags.sub('', OPENING.sub('', match.group(2)))
        italic = lead.match(body)
        out.append(html.unescape(' '.join(italic.group(1).split())) if italic else None)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--bin', default=os.path.join(HERE, '..', 'target', 'release', 'un2akn'))
    parser.add_argument('--show', type=int, default=30)
    parser.add_argument('--emphasis', choices=sorted(EMPHASIS), default='italic',
                        help="the UN's emphasis of a lead: italic (English), any (other languages)")
    parser.add_argument('folders', nargs='*', default=[
        os.path.join(HERE, '..', '..', 'shared', 'corpus', 'pairs'),
        os.path.join(HERE, '..', '..', 'shared', 'corpus', 'dev-pairs')])
    args = parser.parse_args()
    found = total = 0
    differences = collections.Counter()
    with tempfile.TemporaryDirectory() as scratch:
        for folder in args.folders:
            for reference in sorted(glob.glob(os.path.join(folder, '*.akn.xml'))):
                stem = reference[:-len('.akn.xml')]
                inputs = [stem + ext for ext in ('.txt', '.md') if os.path.exists(stem + ext)]
                if not inputs:
                    continue
                out = os.path.join(scratch, 'out.xml')
                run = subprocess.run([args.bin, 'convert', inputs[0], '-o', out, '--force'],
                                     capture_output=True)
                if run.returncode != 0:
                    continue
                with open(out, encoding='utf-8') as f:
                    ours = leads(f.read())
                with open(reference, encoding='utf-8') as f:
                    theirs = leads(f.read(), args.emphasis)
                mine = collections.Counter(x for x in ours if x)
                for phrase, count in collections.Counter(x for x in theirs if x).items():
                    total += count
                    found += min(count, mine.get(phrase, 0))
                if len(ours) == len(theirs):
                    differences.update((a, b) for a, b in zip(ours, theirs) if a != b)
    if not total:
        sys.exit('no pairs found')
    print(f'lead phrases of the UN files found in ours: {found}/{total} ({100 * found / total:.1f} %)')
    for (ours, theirs), count in differences.most_common(args.show):
        print(f'{count:5}  ours {ours!r:40} UN {theirs!r}')


if __name__ == '__main__':
    main()

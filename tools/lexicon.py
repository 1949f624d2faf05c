#!/usr/bin/env python3
"""Derives the per-language lexicons of lead phrases from the UN's own Akoma Ntoso files.

  python3 tools/lexicon.py [CORPUS]   (default: ../shared/corpus/languages)

For each language folder (fr, es, ru, ar, zh) it reads every <STEM>.akn.xml and takes the lead
phrase of each paragraph: the text of the emphasised span(s) (italic in fr/es/ru, bold italic in
ar, bold in zh) at the very start of the paragraph's first <p>, whitespace trimmed. Preambular
phrases come from preamble/container, operative ones from the top-level paragraphs of mainBody
(their content's or list intro's first <p>). It writes src/lang/lexicon/<code>.txt: one phrase a
line, `P<TAB>phrase` or `O<TAB>phrase`, sorted, each phrase once, with a header saying where it
came from. The output is deterministic: same corpus, same bytes. Standard library only.
"""
import collections
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

NS = '{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}'
CODES = {'fr': 'fra', 'es': 'spa', 'ru': 'rus', 'ar': 'ara', 'zh': 'zho'}
EMPHASIS = ('italic', 'bold', 'bold italic', 'italic bold')


# Words the UN's Chinese texts put before a lead phrase, outside its emphasis ("在这方面回顾",
# "in this regard, recalling"; "根据《联合国宪章》第七章采取行动", "acting under Chapter VII of the
# Charter"). Keep in step with PREFACES in src/lang/lexicon.rs.
PREFACES = ('在这方面，', '在这方面', '因此，', '因此', '为此，', '为此', '根据《联合国宪章》第七章')


def lead(p):
    """The emphasised text at the start of <p> (after a preface) and the word after it, or
    (None, None)."""
    if p is None or ((p.text or '').strip() and (p.text or '').strip() not in PREFACES):
        return None, None
    parts = []
    after = ''
    for child in p:
        if child.tag == NS + 'span' and child.get('class') in EMPHASIS:
            parts.append(''.join(child.itertext()))
            after = child.tail or ''
            if after.strip():
                break
        else:
            break
    phrase = re.sub(r'\s+', ' ', ''.join(parts)).strip().rstrip(',،，;؛；:')
    phrase = phrase.strip()
    # A phrase is a few words, not a whole emphasised paragraph or a title.
    if not phrase or len(phrase) > 60 or any(c.isdigit() for c in phrase):
        return None, None
    following = after.split()
    return phrase, (following[0] if following else None)


def modifiers(phrases, counts, followed):
    """Words that follow a lead inside the emphasis, after at least two different leads
    ("également", "en outre", "avec satisfaction" in French), and inside it more often than
    after it (not "إلى قرارها", "to its resolution", which one file keeps in the emphasis and
    others do not): a held-out text puts them after leads the lexicon knows without them
    ("Souligne en outre")."""
    texts = collections.Counter()
    for (part, phrase), count in counts.items():
        texts[phrase] += count
    heads = collections.defaultdict(set)
    inside = collections.Counter()
    outside = collections.Counter()
    for longer in texts:
        for shorter in texts:
            if longer.startswith(shorter + ' '):
                rest = longer[len(shorter) + 1:]
                heads[rest].add(shorter)
                inside[rest] += texts[longer]
    for (part, phrase, word), count in followed.items():
        for rest in heads:
            if phrase in heads[rest] and rest.split()[0] == word:
                outside[rest] += count
    return sorted(rest for rest, shorter in heads.items()
                  if len(shorter) >= 2 and inside[rest] > outside[rest])


def stray_extensions(counts, followed):
    """Phrases that are another phrase plus the word the UN usually leaves plain after it:
    one file's "ссылаясь на" where 27 print "ссылаясь" then "на". Such a phrase would win
    every longest match over the usual one."""
    stray = set()
    for (part, phrase), count in counts.items():
        if ' ' not in phrase:
            continue
        shorter, word = phrase.rsplit(' ', 1)
        if (part, shorter) in counts and followed[(part, shorter, word)] > count:
            stray.add((part, phrase))
    return stray


def first_p(el):
    for p in el.iter(NS + 'p'):
        return p
    return None


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else '../shared/corpus/languages'
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'lang', 'lexicon')
    for folder, code in CODES.items():
        counts = collections.Counter()
        followed = collections.Counter()

        def add(part, found):
            phrase, word = found
            if phrase:
                counts[(part, phrase)] += 1
                if word:
                    followed[(part, phrase, word)] += 1

        files = sorted(glob.glob(os.path.join(corpus, folder, '*.akn.xml')))
        for path in files:
            root = ET.parse(path).getroot()
            for preamble in root.iter(NS + 'preamble'):
                for container in preamble.findall(NS + 'container'):
                    add('P', lead(first_p(container)))
            for body in root.iter(NS + 'mainBody'):
                for paragraph in body.iter(NS + 'paragraph'):
                    # Top-level paragraphs only: their number has no letter.
                    num = paragraph.find(NS + 'num')
                    if num is None or not re.match(r'^\s*[0-9٠-٩]+', num.text or ''):
                        continue
                    add('O', lead(first_p(paragraph)))
        phrases = set(counts) - stray_extensions(counts, followed)
        lines = [f'# Lead phrases of {code}: derived by tools/lexicon.py from the UN\'s AKN files',
                 f'# ({len(files)} files of ../shared/corpus/languages/{folder}/); P = preambular, O = operative,',
                 '# M = a modifier that may follow either ("également"), learned from phrases that hold one.',
                 '# Regenerate with `python3 tools/lexicon.py`; do not edit by hand.']
        lines += [f'{part}\t{phrase}' for part, phrase in sorted(phrases)]
        if code != 'zho':
            lines += [f'M\t{modifier}' for modifier in modifiers(phrases, counts, followed)]
        with open(os.path.join(out_dir, code + '.txt'), 'w', encoding='utf-8') as f:
            f.write('\n'.join(lines) + '\n')
        print(code, len(phrases), 'phrases')


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Kind, body, number, date and vote of every text in the corpus folders of other kinds and eras.

  tools/kinds_eval.py [--bin target/debug/un2akn] [--metadata] [--show] [--json OUT]
                      [--corpus ../shared/corpus]

Converts every text of `kinds/` (paragraph lists joined as its README says; GA decisions from
`ED_DecisionText`), `sc-1946-1994/` and `documents/`, and compares what the output's <meta> says
with the ground truth:

  kind    statement/@name                 from SOURCES.tsv's kind / the symbol
  body    the FRBR actor                  from the symbol
  number  the FRBR work number            from the symbol (the printed number, `/` as `-`)
  date    FRBRdate name="adoption"        the UN's AKN where there is one; else the date the text
                                          itself states (found here by independent regexes)
  vote    outcome and counts              what the text states (found here by regexes)

An input the converter refuses (exit status 1) counts as "failed": right when the text does not
state the value (nothing invented), wrong otherwise. With --metadata, a metadata file giving each
input's symbol (what a library catalogue knows; no dates) is passed with --metadata, and the figures
show what an archive with a catalogue gets. Prints per kind: documents, converted, and the share
right of each fact; placeholders (0001-01-01, "unnumbered", "-draft") found in any output.
Standard library only.
"""
import argparse
import collections
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = '{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}'
MONTHS = {m: i + 1 for i, m in enumerate(
    'January February March April May June July August September October November December'.split())}
DATE = r'(\d{1,2})\s+(' + '|'.join(MONTHS) + r')\s+(\d{4})'


def iso(m):
    d, mo, y = m.group(1), m.group(2), m.group(3)
    return f'{int(y):04d}-{MONTHS[mo]:02d}-{int(d):02d}'


def numbered(item):
    text, prefix = item.get('text') or '', str(item.get('prefix') or '')
    if prefix in ('', 'None') or text.startswith(prefix):
        return text
    return f'{prefix} {text}'


def as_text(path):
    if not path.endswith('.json'):
        return open(path, encoding='utf-8').read()
    items = json.load(open(path, encoding='utf-8'))
    if isinstance(items, dict):
        return (items.get('ED_DecisionText') or '') + '\n'
    return '\n\n'.join(numbered(i) for i in items) + '\n'


def expected_identity(symbol):
    """(kind label, name, actor, work number) of a symbol."""
    s = symbol.strip()
    m = re.fullmatch(r'S/RES/(\d+) ?\((\d{4})\)', s)
    if m:
        return 'SC resolution', 'resolution', 'unsc', f'{m.group(1)}-{m.group(2)}'
    m = re.fullmatch(r'S/PRST/(\d{4})/(\d+)', s)
    if m:
        return 'SC presidential statement', 'presidentialStatement', 'unsc', f'{m.group(1)}-{m.group(2)}'
    m = re.fullmatch(r'A/HRC/PRST/(.+)', s)
    if m:
        return 'HRC presidential statement', 'presidentialStatement', 'unhrc', m.group(1).replace('/', '-')
    m = re.fullmatch(r'A/HRC/RES/(.+)', s)
    if m:
        return 'HRC resolution', 'resolution', 'unhrc', m.group(1).replace('/', '-')
    m = re.fullmatch(r'E/RES/(.+)', s)
    if m:
        return 'ECOSOC resolution', 'resolution', 'unecosoc', m.group(1).replace('/', '-')
    m = re.fullmatch(r'UNEP/EA\.(\d+)/Res\.(\d+)', s)
    if m:
        return 'UNEA resolution', 'resolution', 'unea', f'{m.group(1)}-{m.group(2)}'
    m = re.fullmatch(r'decision (\d+)/(\d+)', s)
    if m:
        return 'GA decision', 'decision', 'unga', f'{m.group(1)}-{m.group(2)}'
    m = re.fullmatch(r'A/RES/(\d+) ?\(([IVXL]+)\)', s)
    if m:
        return 'GA resolution (old)', 'resolution', 'unga', f'{m.group(1)}-{m.group(2)}'
    m = re.fullmatch(r'A/RES/(.+)', s)
    if m:
        return 'GA resolution', 'resolution', 'unga', m.group(1).replace('/', '-')
    if re.fullmatch(r'A/(C\.\d/)?\d+/L\.\d+', s):
        name = 'amendment' if s == 'A/80/L.19' else 'resolutionDraft'
        return 'GA draft', name, 'unga', s.replace('/', '-')
    return 'other', None, None, None


def text_date(text, kind):
    """The adoption date the text states, found independently of the converter, or None."""
    head = text[:1500]
    for pat in (r'Resolution adopted by the [A-Z][\w ]+?\s+on\s+' + DATE,
                r'Adopted by the Security Council at its \d+\w* meeting,\s+on\s*\n?\s*' + DATE,
                r'^\s*\d+ \(\d{4}\)\.?\s+Resolution of\s+' + DATE,
                r'^\s*Resolution \d+ \(\d{4}\)\s*\n\s*of\s+' + DATE,
                r'At its [\w ]*?meeting, on\s+' + DATE,
                r'^\s*On\s+' + DATE + r',',
                r'held on\s+' + DATE + r', the President',
                r'^[^\n]*[A-Z]{3,}, ' + DATE + r'\s*$'):
        m = re.search(pat, head, re.M)
        if m:
            return iso(m)
    # A meeting line followed by a date at the end (HRC, ECOSOC, UNEA).
    m = re.search(r'meeting\s*\n\s*' + DATE + r'\s*(\n|$)', text[-3000:])
    if m:
        return iso(m)
    m = re.search(r'(?:^|\n)\s*' + DATE + r'\s*$', text.rstrip())
    if m and kind in ('ECOSOC resolution',):
        return iso(m)
    return None


WORDS = {'none': 0, 'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5}


def num(s):
    return WORDS[s] if s in WORDS else int(s)


def text_vote(text):
    """The vote the text states: ('recorded', f, a, ab) / ('withoutVote',) / ('unanimous',) / None."""
    flat = re.sub(r'\s+', ' ', text)
    m = re.search(r'recorded vote of (\d+) to (\d+)(?:, with (\d+) abstentions?)?', flat)
    if m:
        return ('recorded', int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))
    m = re.search(r'Adopted (?:at the \d+\w* meeting )?by (\d+|none) votes? to (\d+|none|one)'
                  r'(?: \([^)]*\))?,?(?: with (\d+|one) abstentions?)?', flat)
    if m:
        return ('recorded', num(m.group(1)), num(m.group(2)), num(m.group(3) or '0'))
    if re.search(r'[Aa]dopted unanimously|unanimously adopted', flat):
        return ('unanimous',)
    if re.search(r'without (a )?vote', flat[-3000:]):
        return ('withoutVote',)
    return None


def facts(xml):
    try:
        root = ET.parse(xml).getroot()
    except Exception:
        return None
    stmt = root[0]
    f = {'name': stmt.get('name')}
    work = stmt.find(f'.//{NS}FRBRWork')
    uri = work.find(f'{NS}FRBRuri').get('value')
    parts = uri.strip('/').split('/')
    f['actor'], f['date'], f['number'] = parts[4], parts[5], parts[6]
    adoption = work.find(f'{NS}FRBRdate')
    f['adoption'] = adoption.get('date') if adoption.get('name') == 'adoption' else None
    voting = stmt.find(f'.//{NS}voting')
    if voting is None:
        f['vote'] = None
    else:
        outcome = voting.get('outcome', '#').lstrip('#')
        counts = {c.get('refersTo', '#').lstrip('#'): int(c.get('value')) for c in voting.findall(f'{NS}count')}
        if counts:
            f['vote'] = ('recorded', counts.get('inFavour', 0), counts.get('against', 0), counts.get('abstaining', 0))
        else:
            f['vote'] = ({'adoptedWithoutVote': 'withoutVote', 'adoptedUnanimously': 'unanimous'}
                         .get(outcome, outcome),)
    return f


def inputs(corpus):
    """(path, symbol, kind label, UN AKN or None)."""
    out = []
    kinds = os.path.join(corpus, 'kinds')
    for row in csv.DictReader(open(os.path.join(kinds, 'SOURCES.tsv'), encoding='utf-8'), delimiter='\t'):
        stem = row['stem']
        akn = os.path.join(kinds, stem + '.akn.xml')
        out.append((os.path.join(kinds, stem + '.json'), row['symbol'], None, akn if os.path.exists(akn) else None))
    sc = os.path.join(corpus, 'sc-1946-1994')
    for name in sorted(os.listdir(sc)):
        m = re.fullmatch(r'S_RES_(\d+)\((\d{4})\)\.txt', name)
        if m:
            out.append((os.path.join(sc, name), f'S/RES/{m.group(1)} ({m.group(2)})', 'SC resolution 1946-1994', None))
    docs = os.path.join(corpus, 'documents')
    for row in csv.DictReader(open(os.path.join(corpus, 'SOURCES.tsv'), encoding='utf-8'), delimiter='\t'):
        label = None
        if row['symbol'].startswith('S/RES/'):
            label = 'SC resolution (documents)'
        out.append((os.path.join(docs, row['filename']), row['symbol'], label, None))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--bin', default='target/debug/un2akn')
    ap.add_argument('--corpus', default='../shared/corpus')
    ap.add_argument('--metadata', action='store_true', help='pass each symbol in a metadata file')
    ap.add_argument('--show', action='store_true')
    ap.add_argument('--json')
    a = ap.parse_args()
    rows = []
    by_kind = collections.defaultdict(list)
    placeholders = []
    with tempfile.TemporaryDirectory() as tmp:
        meta_path = os.path.join(tmp, 'meta.csv')
        items = inputs(a.corpus)
        texts = {}
        with open(meta_path, 'w', encoding='utf-8', newline='') as mf:
            w = csv.writer(mf)
            w.writerow(['path', 'symbol'])
            for path, symbol, _, _ in items:
                src = os.path.join(tmp, os.path.basename(path).rsplit('.', 1)[0] + '.txt')
                if path.endswith('.md'):
                    src = src[:-4] + '.md'
                texts[path] = as_text(path)
                open(src, 'w', encoding='utf-8').write(texts[path])
                if not symbol.startswith('decision '):
                    w.writerow([os.path.basename(src), symbol])
                else:
                    session, number = symbol.split(' ')[1].split('/')
                    w.writerow([os.path.basename(src), f'A/DEC/{session}/{number}'])
        for path, symbol, label, akn in items:
            src = os.path.join(tmp, os.path.basename(path).rsplit('.', 1)[0] + ('.md' if path.endswith('.md') else '.txt'))
            out = src + '.akn.xml'
            cmd = [a.bin, 'convert', src, '-o', out]
            if a.metadata:
                cmd += ['--metadata', meta_path]
            p = subprocess.run(cmd, capture_output=True, text=True)
            kind, name, actor, number = expected_identity(symbol)
            label = label or kind
            text = texts[path]
            exp_date = None
            if akn:
                exp_date = facts(akn)['adoption']
            else:
                exp_date = text_date(text, kind)
            exp_vote = text_vote(text)
            got = facts(out) if p.returncode == 0 and os.path.exists(out) else None
            r = {'input': os.path.basename(path), 'kind': label, 'exit': p.returncode,
                 'stderr': p.stderr[-600:], 'expected': {'name': name, 'actor': actor, 'number': number,
                                                         'date': exp_date, 'vote': exp_vote}}
            if got:
                raw = open(out, encoding='utf-8').read()
                for ph in ('0001-01-01', 'unnumbered', '-draft'):
                    if ph in raw:
                        placeholders.append((r['input'], ph))
                r['got'] = got
                r['right'] = {
                    'kind': name is None or got['name'] == name,
                    'body': got['actor'] == actor,
                    'number': number is None or got['number'] == number,
                    'date': got['adoption'] == exp_date,
                    'vote': got['vote'] == exp_vote,
                }
            else:
                # Refused: right where the text does not state the value.
                r['right'] = {'kind': False, 'body': False, 'number': False,
                              'date': exp_date is None and not a.metadata, 'vote': False}
            rows.append(r)
            by_kind[label].append(r)
    print(f'{"kind":32} {"docs":>4} {"conv":>4} {"kind":>6} {"body":>6} {"number":>6} {"date":>6} {"vote":>9}')
    total = collections.Counter()
    for label, rs in by_kind.items():
        conv = sum(r['exit'] == 0 for r in rs)
        voted = [r for r in rs if r['expected']['vote']]
        cells = [f'{100 * sum(r["right"][k] for r in rs) / len(rs):5.0f}%' for k in ('kind', 'body', 'number', 'date')]
        vote = f'{sum(r["right"]["vote"] for r in voted)}/{len(voted)}' if voted else '-'
        print(f'{label:32} {len(rs):4} {conv:4} {" ".join(cells)} {vote:>9}')
        total['docs'] += len(rs)
        total['conv'] += conv
        for k in ('kind', 'body', 'number', 'date'):
            total[k] += sum(r['right'][k] for r in rs)
        total['voted'] += len(voted)
        total['vote'] += sum(r['right']['vote'] for r in voted)
    n = total['docs']
    print(f'{"all":32} {n:4} {total["conv"]:4} ' + ' '.join(f'{100 * total[k] / n:5.0f}%' for k in ('kind', 'body', 'number', 'date'))
          + f' {total["vote"]}/{total["voted"]:>3}')
    print(f'placeholders in outputs: {len(placeholders)}' + (f' {placeholders[:8]}' if placeholders else ''))
    if a.show:
        for r in rows:
            bad = [k for k, v in r['right'].items() if not v and not (k == 'vote' and not r['expected']['vote'])]
            if bad:
                got = r.get('got')
                print(f"  {r['input']}: {bad} expected {r['expected']} got "
                      f"{ {k: got[k] for k in ('name', 'actor', 'number', 'adoption', 'vote')} if got else r['stderr'].strip()[-300:]}")
    if a.json:
        json.dump(rows, open(a.json, 'w'), indent=1, default=str)


if __name__ == '__main__':
    main()

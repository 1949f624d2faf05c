#!/usr/bin/env python3
"""Lay one UN Akoma Ntoso file out as the text of its official PDF.

The corpus's render_akn.py gives the UN's own words, one block per paragraph,
without page furniture. This tool pours the same blocks into printed pages the
way the text extracted from the UN's PDFs reads (see corpus/pairs/*.txt):

  * lines wrapped at a printed width (CJK text anywhere, other scripts at
    spaces, a long compound after its hyphen), each with a trailing space;
  * the masthead's job number and barcode after the date of issuance;
  * a paragraph's number alone on its line or before its text, at random;
  * footnote calls glued to the word before them ("Nations,1", "19498"), or
    set apart by a space now and then ("Rights, 1");
  * pages of a fixed height broken anywhere, even inside a paragraph or a
    word's compound, each page's notes under a rule at its foot, and each
    later page headed by the symbol, the running title, the job number and
    the page counter ("2/14"), as the extraction reads them;
  * now and then a long note run on at the foot of the next page, above
    that page's notes and with no marker.

Every word stays: the output is the input's words and its furniture, so
agree.py on the output against the UN's file measures how the converter
copes with page breaks at new places, not with lost text.

usage: pdf_layout.py [--seed N] [--width W] [--height H] [--corpus DIR] IN.akn.xml > OUT.txt
"""
import argparse
import random
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

render_akn = None  # the corpus's own renderer (tools/render_akn.py), loaded in main

NOTE = '\x01'  # a note call: NOTE + index + NOTE2 stands for the marker
NOTE2 = '\x02'
JOB_LETTER = {'eng': 'E', 'fra': 'F', 'spa': 'S', 'rus': 'R', 'ara': 'A', 'zho': 'C'}


def is_cjk(ch):
    return '\u3000' <= ch <= '\u9fff' or '\uff00' <= ch <= '\uffef'


def blocks_class():
    """The corpus renderer, keeping each note call's place in its block."""
    class Blocks(render_akn.Renderer):
        def __init__(self):
            super().__init__()
            self.all_notes = []  # (marker, text)

        inline = inline

        def walk(self, el, prefix):
            # A list's introduction or wrap-up is one line of text: the
            # corpus renderer walks into its lead's <span> and loses the
            # words after it ("Reaffirming that the Global Plan …:").
            if render_akn.local(el.tag) in ('listIntroduction', 'listWrapUp'):
                self.emit(self.inline(el), prefix)
                return
            super().walk(el, prefix)

        def flush_notes(self):
            self.notes = []
    return Blocks


def inline(self, el):
    """The renderer's inline text, each note call kept as NOTE index NOTE2."""
    out = [el.text or '']
    for ch in el:
        t = render_akn.local(ch.tag)
        if t == 'authorialNote':
            marker = ch.get('marker') or str(len(self.all_notes) + 1)
            text = ' '.join(self.clean(self.inline(p)) for p in ch
                            if render_akn.local(p.tag) == 'p')
            self.all_notes.append((marker, text))
            out[-1] = out[-1].rstrip()
            out.append(f'{NOTE}{len(self.all_notes) - 1}{NOTE2}')
        elif t in ('eol', 'br'):
            out.append('\x00')
        elif t in render_akn.SKIP:
            pass
        else:
            out.append(self.inline(ch))
        out.append(ch.tail or '')
    return ''.join(out)


def wrap(text, width):
    """Greedy lines of at most `width` characters (a call counts as its marker)."""
    lines = []
    for para in text.split('\n'):
        if any(is_cjk(c) for c in para):
            lines.extend(wrap_cjk(para, width))
            continue
        line = ''
        for word in para.split(' '):
            if not word:
                continue
            candidate = f'{line} {word}' if line else word
            if shown_len(candidate) <= width or not line:
                line = candidate
                continue
            # Word breaks a long compound after one of its hyphens.
            head, sep, tail = word.rpartition('-')
            if sep and head and tail and shown_len(f'{line} {head}-') <= width \
                    and not head.endswith('-') and random.random() < 0.7:
                lines.append(f'{line} {head}-')
                line = tail
            else:
                lines.append(line)
                line = word
        if line:
            lines.append(line)
    return lines or ['']


def wrap_cjk(para, width):
    """Lines of at most `width` columns: a Chinese character (and a quotation
    mark) takes two, a Latin letter or figure one, as the PDF prints them."""
    lines, line = [], ''
    i = 0
    while i < len(para):
        if para[i] == NOTE:
            j = para.index(NOTE2, i) + 1
        elif para[i].isascii() and para[i] != ' ':
            # Word keeps a run of Latin letters and figures ("2628(2022)",
            # "41 851 700") on one line.
            m = re.match(r'[!-~]+(?: \d{3}(?!\d))*', para[i:])
            j = i + len(m.group(0))
        else:
            j = i + 1
        token = para[i:j]
        # A call stays with the character it follows, as closing marks do.
        if shown_columns(line + token) > width and line and token not in '，。；：、）」』》' \
                and not token.startswith(NOTE):
            lines.append(line)
            line = ''
        line += token
        i = j
    if line:
        lines.append(line)
    return lines


def shown_columns(s):
    s = re.sub(f'{NOTE}\\d+{NOTE2}', 'nn', s)
    return sum(2 if is_cjk(c) or c in '“”‘’' else 1 for c in s)


def shown_len(s):
    return len(re.sub(f'{NOTE}\\d+{NOTE2}', 'nn', s))


def calls(line):
    return [int(m) for m in re.findall(f'{NOTE}(\\d+){NOTE2}', line)]


def show(line, notes, rng):
    """The printed line: its calls' markers, and plain spaces where the XML
    has no-break ones (which kept "12 August" on one line)."""
    def marker(m):
        mark = notes[int(m.group(1))][0]
        return (' ' if rng.random() < 0.08 else '') + mark
    return re.sub(f'{NOTE}(\\d+){NOTE2}', marker, line).replace('\u00a0', ' ')


def layout(path, seed, width=None, height=None):
    rng = random.Random(seed)
    random.seed(seed)
    root = ET.parse(path).getroot()
    doc = next(iter(root))
    lang_el = root.find('.//{*}FRBRExpression/{*}FRBRlanguage')
    lang = lang_el.get('language') if lang_el is not None else 'eng'
    r = blocks_class()()
    r.document(doc)
    blocks = r.blocks
    notes = r.all_notes
    # Drawn even when given, so that the seed's other choices stay the same.
    drawn_width = rng.choice([82, 86, 88, 92])
    drawn_height = rng.choice([44, 46, 48])
    width = width or drawn_width
    height = height or drawn_height
    symbol = next(b for b in blocks[:6] if re.match(r'^[A-Z]+(/[A-Z.0-9]+)+', b))
    # GA resolutions repeat their title at the tops of pages; SC ones only
    # their symbol.
    title = next((b for b in blocks if re.match(r'^\d+/\d+\.\s', b)), '')
    title = re.sub(r'^\d+/\d+\.\s*', '', title)
    title = re.sub(f'{NOTE}\\d+{NOTE2}', '', title)
    job_no = f'{rng.randint(23, 25)}-{rng.randint(10000, 29999)}'
    job = f'{job_no} ({JOB_LETTER.get(lang, "E")})    {rng.randint(100000, 311299)}'

    # Body lines, each a (text, is_blank) with the notes it calls.
    body = []
    date_seen = False
    in_masthead = True
    for index, block in enumerate(blocks):
        num, sep, text = block.partition('\t')
        if not sep:
            num, text = '', block
        if in_masthead and (block.endswith(',') or block.endswith('،') or block.endswith('，')):
            in_masthead = False
        narrow = in_masthead and (re.match(r'^\d+/\d+\.\s', block) or
                                  (index and re.search(r'\d', blocks[index - 1])
                                   and not re.search(r'\d', block)))
        w = 70 if narrow else width
        lines = []
        if num and (rng.random() < 0.6 or not text):
            lines.append(num)
            lines.extend(wrap(text, w) if text else [])
        elif num:
            lines.extend(wrap(f'{num} {text}', w))
        else:
            lines.extend(wrap(text, w))
        body.extend(lines)
        body.append('')
        if in_masthead and not date_seen and re.search(r'\b(19|20)\d\d\b', block) and index < 8:
            date_seen = True
            body.append(job)
            body.append('*' + job_no.replace('-', '') + '*')
            body.append('')

    # Pages: body lines plus the notes they call, under a rule.
    pages = []
    page, page_notes = [], []
    for line in body:
        new = calls(line)
        note_lines = sum(len(wrap(notes[n][1], width + 8)) + 1 for n in page_notes + new)
        need = len(page) + 1 + (note_lines + 2 if page_notes or new else 0)
        if need > height and page:
            pages.append((page, page_notes))
            page, page_notes = [], []
            if not line:
                continue
        page.append(line)
        page_notes.extend(new)
    pages.append((page, page_notes))

    # Each page's note lines. A long note at a page's foot runs on now and
    # then at the foot of the next, above that page's own notes and with no
    # marker, as Word sets notes that do not fit.
    note_pages = []
    for lines, called in pages:
        entries = []
        for n in called:
            mark, text = notes[n]
            note = wrap(text, width + 8)
            note[0] = f'{mark}  {note[0]}'
            entries.append(note)
        note_pages.append(entries)
    for number in range(len(note_pages) - 1):
        entries = note_pages[number]
        if entries and len(entries[-1]) >= 3 and rng.random() < 0.3:
            cut = len(entries[-1]) // 2
            entries[-1], rest = entries[-1][:cut], entries[-1][cut:]
            note_pages[number + 1].insert(0, rest)

    out = []
    count = len(pages)
    title_lines = wrap(title, 65) if title else []
    for number, (lines, _) in enumerate(pages, start=1):
        if number > 1:
            out.append('')
            if number % 2 == 0:
                out.extend([symbol] + title_lines + [' ', job_no, f'{number}/{count}'])
            else:
                out.extend(title_lines + [symbol, ' ', f'{number}/{count}'])
            out.extend([' ', ' '])
        for line in lines:
            out.append(show(line, notes, rng) + ' ')
        if note_pages[number - 1]:
            out.append('__________________ ')
            out.append(' ')
            for note in note_pages[number - 1]:
                out.extend(show(l, notes, rng) + ' ' for l in note)
                out.append(' ')
    return '\n'.join(out).rstrip().replace('\u00a0', ' ') + '\n'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--corpus', default='../shared/corpus',
                        help='the corpus, whose tools/render_akn.py gives the blocks')
    parser.add_argument('--width', type=int, help='characters a line (default: drawn, 82-92)')
    parser.add_argument('--height', type=int, help='lines a page (default: drawn, 44-48)')
    parser.add_argument('akn')
    args = parser.parse_args()
    global render_akn
    sys.path.insert(0, str(Path(args.corpus) / 'tools'))
    import render_akn
    sys.stdout.write(layout(args.akn, args.seed, args.width, args.height))


if __name__ == '__main__':
    main()

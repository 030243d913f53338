#!/usr/bin/python3
"""Cuts whole entries, unchanged, out of the IRIDIA CC0 bib files into small fixtures:
    /usr/bin/python3 cut_entries.py"""
import re
B = '/work/shared/corpus/formats/bibtex/iridia_references_cc0/'
def entries(path):
    text = open(path, encoding='utf-8').read()
    starts = [m.start() for m in re.finditer(r'(?m)^@', text)]
    for i, s in enumerate(starts):
        chunk = text[s:starts[i + 1] if i + 1 < len(starts) else len(text)].rstrip() + '\n'
        key = re.match(r'@\w+\s*[{(]\s*([^,\s]+)', chunk)
        if key:
            yield key.group(1), chunk
def cut(src, keys, dst):
    got = {k: c for k, c in entries(B + src) if k in keys}
    with open(dst, 'w', encoding='utf-8') as f:
        f.write('% entries cut unchanged from iridia-ulb/references (CC0) ' + src + '\n\n')
        for k in keys:
            f.write(got[k] + '\n')
cut('articles.bib', ['AbrAmoDan1999', 'Abramson1991', 'StuHoo2000:fgcs'], 'iridia-articles-3.bib')
cut('biblio.bib', ['AarKorMic2005', 'Abb2002selfpde', 'LimPoz2017automopso'], 'iridia-biblio-crossref-3.bib')
cut('crossref.bib', ['CEC2002', 'SearchMethod2005'], 'iridia-crossref-2.bib')
# BibLaTeX (JabRef export): the first five entries of JackKelly/reference-library library.bib
L = '/work/shared/corpus/formats/bibtex/jackkelly_biblatex_library/library.bib'
with open('jackkelly-biblatex-5.bib', 'w', encoding='utf-8') as f:
    f.write('% Encoding: UTF-8\n\n')
    for i, (k, c) in enumerate(entries(L)):
        if i == 5:
            break
        f.write(c + '\n')

#!/usr/bin/python3
"""Records and titled records per tagged export, by splitting on the record tags (stdlib only):
    /usr/bin/python3 tagged_reference_counts.py"""
import glob, re, os
R = '/work/shared/corpus/formats/ris_medline_wos_exports'
for f in sorted(glob.glob(R + '/*/*')):
    name = os.path.basename(f)
    if name.startswith('LICENSE') or name.endswith('.csv'):
        continue
    text = open(f, encoding='utf-8-sig', errors='replace').read().replace('\ufeff', '')
    if re.search(r'(?m)^\s*TY  -', text):
        recs = re.split(r'(?m)^\s*TY  -', text)[1:]
        titled = sum(1 for r in recs if re.search(r'(?m)^(TI|T1|CT|BT|ST)  - \S', r))
    elif re.search(r'(?m)^PMID- ', text):
        recs = re.split(r'(?m)^PMID- ', text)[1:]
        titled = sum(1 for r in recs if re.search(r'(?m)^TI  - \S', r))
    else:
        recs = re.split(r'(?m)^PT ', text)[1:]
        titled = sum(1 for r in recs if re.search(r'(?m)^TI \S', r))
    print('%s\t%d\t%d' % (name, len(recs), titled))

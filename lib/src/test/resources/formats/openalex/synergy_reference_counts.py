#!/usr/bin/python3
"""Reference counts for OpenAlexReaderTest, computed independently of papergraph with the standard
library from the SYNERGY zips in /work/shared/corpus/openalex-synergy. Run:
    /usr/bin/python3 synergy_reference_counts.py > synergy_reference_counts.tsv
Works without a title are rejected by papergraph; the other counts are over works with a title."""
import json, zipfile

SETS = ['Jeyaraman_2020', 'Oud_2018', 'Chou_2004', 'Donners_2021', 'Nelson_2002']
print('set\tread\twith_title\twith_abstract\treferences\tinternal_edges')
for s in SETS:
    z = zipfile.ZipFile('/work/shared/corpus/openalex-synergy/%s/works_1.zip' % s)
    works = []
    for name in sorted(z.namelist()):
        works += json.loads(z.read(name))
    titled = [w for w in works if (w.get('title') or w.get('display_name') or '').strip()]
    ids = set(w['id'] for w in titled)
    with_abs = sum(1 for w in titled if w.get('abstract_inverted_index'))
    refs = sum(len(set(w.get('referenced_works') or [])) for w in titled)
    internal = sum(1 for w in titled for r in set(w.get('referenced_works') or []) if r in ids)
    print('%s\t%d\t%d\t%d\t%d\t%d' % (s, len(works), len(titled), with_abs, refs, internal))

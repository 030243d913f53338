#!/usr/bin/python3
"""Reference counts for CrossrefReaderTest over every decoded Crossref body (stdlib only):
    /usr/bin/python3 crossref_reference_counts.py"""
import glob, json
D = '/work/shared/corpus/formats/crossref_api_habanero_cassettes/decoded_bodies'
works = []
for f in sorted(glob.glob(D + '/*.json')):
    d = json.load(open(f))
    m = d.get('message', d)
    works += m.get('items', [m])
def title(w):
    t = w.get('title')
    t = ([x for x in t if x.strip()] or [None])[0] if isinstance(t, list) else t
    return (t or '').strip()
titled = [w for w in works if title(w)]
dois = set(w['DOI'].lower() for w in titled)
refs = {}
for w in titled:
    refs.setdefault(w['DOI'].lower(), set()).update(r['DOI'].lower() for r in w.get('reference', []) if r.get('DOI'))
print('read', len(works), 'titled', len(titled), 'distinct_dois', len(dois),
      'with_abstract', len(set(w['DOI'].lower() for w in titled if w.get('abstract'))),
      'distinct_doi_references', sum(len(v) for v in refs.values()))

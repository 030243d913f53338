#!/usr/bin/python3
"""Reference counts for PubMedXmlReaderTest/JatsReaderTest with xml.etree (stdlib):
    /usr/bin/python3 pubmed_reference_counts.py"""
import glob, gzip, xml.etree.ElementTree as ET
S = '/work/shared/corpus/formats/pubmed_pmc_xml'
def text(e):
    return ' '.join(''.join(e.itertext()).split()) if e is not None else ''
def medline(path):
    root = ET.parse(gzip.open(path) if path.endswith('.gz') else open(path, 'rb')).getroot()
    cits = root.findall('.//MedlineCitation')
    titled = [c for c in cits if text(c.find('Article/ArticleTitle'))]
    with_abs = sum(1 for c in titled if c.find('Article/Abstract/AbstractText') is not None)
    mesh = sum(len(c.findall('MeshHeadingList/MeshHeading')) for c in titled)
    refs = 0
    for a in root.findall('.//PubmedArticle'):
        keys = set()
        for r in a.findall('PubmedData/ReferenceList/Reference'):
            ids = {i.get('IdType'): text(i) for i in r.findall('.//ArticleId')}
            if ids.get('pubmed', '').isdigit(): keys.add('pmid:' + ids['pubmed'])
            elif ids.get('doi'): keys.add('doi:' + ids['doi'].lower())
        refs += len(keys)
    print(path.split('/')[-1], 'records', len(cits), 'titled', len(titled), 'with_abstract', with_abs,
          'mesh', mesh, 'references', refs, 'distinct_pmids', len(set(text(c.find('PMID')) for c in titled)))
for f in ['asreview_pubmed_efetch.xml', 'pubmed-29768149.xml', 'test_current_medline.xml.gz', 'medline16n0902.xml.gz']:
    medline(S + '/' + f)
for f in sorted(glob.glob(S + '/pmc_jats/*.nxml')):
    root = ET.parse(f).getroot()
    keys = []
    for r in root.findall('back//ref'):
        ids = {p.get('pub-id-type'): text(p) for p in r.iter('pub-id')}
        if ids.get('pmid', '').isdigit(): keys.append('pmid:' + ids['pmid'])
        elif ids.get('doi'): keys.append('doi:' + ids['doi'].lower())
    print(f.split('/')[-1], 'refs', len(root.findall('back//ref')), 'ref_keys', len(set(keys)),
          'title', text(root.find('front/article-meta/title-group/article-title'))[:60])

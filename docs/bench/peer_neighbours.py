#!/usr/bin/python3
"""Dump the Python peer's exact top-k lists (peer_baseline.py's own TF-IDF and topk_exact) as
'id<TAB>neighbour<TAB>score' lines, to compare with `papergraph bench graph --dump` (profile peer).

  /usr/bin/python3 peer_neighbours.py PEER_INPUT.jsonl OUT.tsv [-k 10] [--peer-dir /work/shared/bench]
"""
import argparse, json, sys

ap = argparse.ArgumentParser()
ap.add_argument('input')
ap.add_argument('out')
ap.add_argument('-k', type=int, default=10)
ap.add_argument('--peer-dir', default='/work/shared/bench')
a = ap.parse_args()
sys.path.insert(0, a.peer_dir)
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from peer_baseline import topk_exact

ids, texts = [], []
for line in open(a.input, encoding='utf-8'):
    if line.strip():
        r = json.loads(line)
        ids.append(str(r['id']))
        texts.append((r.get('title') or '') + '. ' + (r.get('abstract') or ''))
# exactly the peer's model (peer_baseline.py main(), --min-df 2)
X = TfidfVectorizer(stop_words='english', sublinear_tf=True, norm='l2', min_df=2,
                    dtype=np.float32).fit_transform(texts).tocsr()
X.sort_indices()
nbr, sim, _, _ = topk_exact(X, a.k)
with open(a.out, 'w', encoding='utf-8') as f:
    for i, pid in enumerate(ids):
        for j, s in zip(nbr[i], sim[i]):
            if j >= 0:
                f.write(f'{pid}\t{ids[j]}\t{s:.7f}\n')

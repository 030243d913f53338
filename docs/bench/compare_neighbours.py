#!/usr/bin/python3
"""Compare two top-k dumps ('id<TAB>neighbour<TAB>score', best first per id): how many lists are
identical, and whether every difference is a near-tie (the two sides order papers whose scores
differ by less than TOL, e.g. float32 rounding in the peer, or ties broken differently).

  /usr/bin/python3 compare_neighbours.py OURS.tsv PEER.tsv [--tol 1e-6]
"""
import argparse
from collections import defaultdict

ap = argparse.ArgumentParser()
ap.add_argument('ours')
ap.add_argument('peer')
ap.add_argument('--tol', type=float, default=1e-6)
a = ap.parse_args()

def load(path):
    rows = defaultdict(list)
    for line in open(path, encoding='utf-8'):
        x, y, s = line.rstrip('\n').split('\t')[:3]
        rows[x].append((y, float(s)))
    return rows

ours, peer = load(a.ours), load(a.peer)
ids = sorted(set(ours) | set(peer))
same = near = other = 0
examples = []
for i in ids:
    o, p = ours.get(i, []), peer.get(i, [])
    if [y for y, _ in o] == [y for y, _ in p]:
        same += 1
        continue
    # a difference is a near-tie when the lists agree on every paper scoring clearly above the
    # smaller list's last score, and the scores of the differing papers are within tol of it
    so, sp = dict(o), dict(p)
    cut = min(o[-1][1] if o else 0, p[-1][1] if p else 0)
    clear_o = {y for y, s in o if s > cut + a.tol}
    clear_p = {y for y, s in p if s > cut + a.tol}
    diff = set(so) ^ set(sp)
    if clear_o == clear_p and all(abs(s - cut) <= a.tol for y, s in o + p if y in diff):
        near += 1
    else:
        other += 1
        if len(examples) < 5:
            examples.append((i, o, p))
print(f'lists={len(ids)} identical={same} near-tie differences={near} other differences={other}')
for i, o, p in examples:
    print('  ', i, '\n     ours:', o, '\n     peer:', p)

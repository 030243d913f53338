#!/usr/bin/python3
"""Reference values for papergraph's analysis tests, computed with networkx (Debian python3-networkx 2.8.8).

Run from this folder with Debian's python3 (not a pyenv one):
    /usr/bin/python3 make_reference.py

Conventions (the same as dev.papergraph.analysis.Centralities):
  * the graph is undirected; edge attribute `weight` is the similarity (1 for the classic graphs);
  * path measures use the edge length distance = 1/weight (networkx treats its `weight`/`distance`
    argument as a length), stored as edge attribute `distance`;
  * pagerank: nx.pagerank(alpha=0.85, weight='weight'), tight tolerance;
  * betweenness: nx.betweenness_centrality(weight='distance', normalized=True);
  * closeness: nx.closeness_centrality(distance='distance', wf_improved=True) (Wasserman-Faust);
  * harmonic: nx.harmonic_centrality(distance='distance') (sum of 1/d, not normalised);
  * degree: number of neighbours; strength: sum of weights (G.degree(weight='weight'));
  * eigenvector: nx.eigenvector_centrality(weight='weight', tol=1e-13) (power iteration on A+I from the
    uniform vector, unit Euclidean norm); for a connected graph this is the principal eigenvector,
    which papergraph computes by ARPACK's Lanczos method (as igraph and nx.eigenvector_centrality_numpy
    do): the tests compare the two within 1e-6.
Output: TSV `vertex  pagerank  betweenness  closeness  harmonic  degree  strength  eigenvector`, repr floats.
"""
import sys
import networkx as nx

MEASURES = ["pagerank", "betweenness", "closeness", "harmonic", "degree", "strength", "eigenvector"]


def read_edge_list(path):
    """Tab-separated `a b weight`; a line `# vertex ID` declares a (possibly isolated) vertex."""
    g = nx.Graph()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# vertex "):
                g.add_node(line[len("# vertex "):].strip())
            elif line and not line.startswith("#"):
                a, b, w = line.split("\t")
                g.add_edge(a, b, weight=float(w))
    return g


def centralities(g):
    for a, b, d in g.edges(data=True):
        d.setdefault("weight", 1.0)
        d["distance"] = 1.0 / d["weight"]
    out = {}
    if g.number_of_nodes() == 0:
        return out
    out["pagerank"] = nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000)
    out["betweenness"] = nx.betweenness_centrality(g, weight="distance", normalized=True)
    out["closeness"] = nx.closeness_centrality(g, distance="distance", wf_improved=True)
    out["harmonic"] = nx.harmonic_centrality(g, distance="distance")
    out["degree"] = dict(g.degree())
    out["strength"] = dict(g.degree(weight="weight"))
    out["eigenvector"] = nx.eigenvector_centrality(g, weight="weight", tol=1e-13, max_iter=100000)
    return out


def write(path, g, values, order):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# vertex\t" + "\t".join(MEASURES) + "\n")
        for v in order:
            f.write(str(v) + "\t" + "\t".join(repr(float(values[m][v])) for m in MEASURES) + "\n")


def main():
    karate = nx.read_gml("karate.gml", label="id")
    karate = nx.relabel_nodes(karate, {v: str(v) for v in karate})
    order = sorted(karate, key=int)
    write("karate_reference.tsv", karate, centralities(karate.copy()), order)

    # a fixed split: modularity, and centralities within each part (the "within community" values)
    low = {v for v in karate if int(v) <= 17}
    high = set(karate) - low
    with open("karate_split_modularity.txt", "w") as f:
        f.write(repr(nx.algorithms.community.modularity(karate, [low, high], weight="weight")) + "\n")
    within = {m: {} for m in MEASURES}
    for part in (low, high):
        sub = karate.subgraph(part).copy()
        vals = centralities(sub)
        for m in MEASURES:
            within[m].update(vals[m])
    write("karate_split_within_reference.tsv", karate, within, order)

    # the seed similarity graph, exported from the engine's default graph (see SeedGraphExport)
    import os
    if os.path.exists("seed_edges.tsv"):
        seed = read_edge_list("seed_edges.tsv")
        write("seed_reference.tsv", seed, centralities(seed.copy()), sorted(seed))
        parts = {}
        if os.path.exists("seed_partition.tsv"):
            with open("seed_partition.tsv", encoding="utf-8") as f:
                for line in f:
                    if line.strip() and not line.startswith("#"):
                        v, c = line.rstrip("\n").split("\t")
                        parts.setdefault(c, set()).add(v)
            with open("seed_partition_modularity.txt", "w") as f:
                f.write(repr(nx.algorithms.community.modularity(seed, list(parts.values()), weight="weight")) + "\n")


if __name__ == "__main__":
    sys.exit(main())

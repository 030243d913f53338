#!/usr/bin/python3
"""Reads papergraph exports with independent tools and prints what they see as JSON.

Usage: check_exports.py GRAPHML NODE_LINK_JSON CSV_NODES CSV_EDGES GEXF

Run by dev.papergraph.write.PythonReadersTest with Debian's python3-networkx (2.8.8) and
python3-igraph (0.10.2). Exit code 3 when a module is missing, so the test can skip with a message.
"""
import csv
import json
import sys

try:
    import networkx as nx
    from networkx.readwrite import json_graph
    import igraph
except ImportError as e:  # the Java test turns this into a skip with the message
    print("missing python module: %s" % e, file=sys.stderr)
    sys.exit(3)


def type_name(v):
    return {bool: "bool", int: "int", float: "float", str: "str"}.get(type(v), type(v).__name__)


def attr_types(dicts):
    types = {}
    for d in dicts:
        for k, v in d.items():
            types.setdefault(k, set()).add(type_name(v))
    return {k: sorted(v) for k, v in sorted(types.items())}


graphml, node_link, csv_nodes, csv_edges, gexf = sys.argv[1:6]
out = {"versions": {"networkx": nx.__version__, "igraph": igraph.__version__}}

g = nx.read_graphml(graphml)
out["networkx"] = {
    "nodes": g.number_of_nodes(),
    "edges": g.number_of_edges(),
    "directed": g.is_directed(),
    "node_attrs": attr_types(d for _, d in g.nodes(data=True)),
    "edge_attrs": attr_types(d for _, _, d in g.edges(data=True)),
    # networkx adds node_default/edge_default (the keys' defaults) to g.graph itself
    "graph_attrs": attr_types([{k: v for k, v in g.graph.items() if k not in ("node_default", "edge_default")}]),
    "graph_data": json.loads(g.graph["papergraph"]),
    "weight_sum": round(sum(d["weight"] for _, _, d in g.edges(data=True)), 9),
    "labels": {d["paper_id"]: d["label"] for _, d in g.nodes(data=True) if d["paper_id"].startswith("doi:")},
    "abstracts": {d["paper_id"]: d.get("abstract") for _, d in g.nodes(data=True) if d["paper_id"].startswith("doi:")},
    "venues": {d["paper_id"]: d.get("venue") for _, d in g.nodes(data=True) if d["paper_id"].startswith("doi:")},
}

ig = igraph.Graph.Read_GraphML(graphml)
out["igraph"] = {
    "nodes": ig.vcount(),
    "edges": ig.ecount(),
    "directed": ig.is_directed(),
    "node_attrs": attr_types({a: ig.vs[i][a] for a in ig.vs.attributes() if ig.vs[i][a] is not None}
                             for i in range(ig.vcount())),
    "edge_attrs": sorted(ig.es.attributes()),
    "graph_attrs": sorted(ig.attributes()),
    "weight_sum": round(sum(ig.es["weight"]), 9),
}

with open(node_link, encoding="utf-8") as f:
    data = json.load(f)
nl = json_graph.node_link_graph(data)
out["node_link"] = {
    "nodes": nl.number_of_nodes(),
    "edges": nl.number_of_edges(),
    "communities": len(data["communities"]),
    "manifest_tool": data["manifest"]["tool"],
    "node_attrs": attr_types(d for _, d in nl.nodes(data=True)),
}

# the backslash is the escape character of Gephi's CSV dialect (see CsvWriter)
with open(csv_nodes, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f, escapechar="\\"))
with open(csv_edges, newline="", encoding="utf-8") as f:
    edge_rows = list(csv.DictReader(f, escapechar="\\"))
out["csv"] = {
    "nodes": len(rows),
    "edges": len(edge_rows),
    "node_columns": list(rows[0].keys()),
    "edge_columns": list(edge_rows[0].keys()),
    "labels": {r["Id"]: r["Label"] for r in rows if r["Id"].startswith("doi:")},
    "abstracts": {r["Id"]: r["abstract"] for r in rows if r["Id"].startswith("doi:")},
    "venues": {r["Id"]: r["venue"] for r in rows if r["Id"].startswith("doi:")},
    "types": sorted({r["Type"] for r in edge_rows}),
    "weight_sum": round(sum(float(r["Weight"]) for r in edge_rows), 9),
}

gx = nx.read_gexf(gexf)
out["gexf"] = {
    "nodes": gx.number_of_nodes(),
    "edges": gx.number_of_edges(),
    "directed": gx.is_directed(),
    "node_attrs": attr_types({k: v for k, v in d.items() if k != "viz"} for _, d in gx.nodes(data=True)),
    "weight_sum": round(sum(d["weight"] for _, _, d in gx.edges(data=True)), 9),
    "labels": {n: d["label"] for n, d in gx.nodes(data=True) if n.startswith("doi:")},
    "abstracts": {n: d.get("abstract") for n, d in gx.nodes(data=True) if n.startswith("doi:")},
    "venues": {n: d.get("venue") for n, d in gx.nodes(data=True) if n.startswith("doi:")},
    "with_viz": sum(1 for _, d in gx.nodes(data=True) if "color" in d.get("viz", {}) and "position" in d.get("viz", {})),
}

json.dump(out, sys.stdout, ensure_ascii=True, sort_keys=True)

#!/usr/bin/env python3
"""CPU seconds by part of a papergraph build, from async-profiler's collapsed stacks.

    bench/scripts/profile_summary.py CPU.collapsed [INTERVAL]

CPU.collapsed: one line per distinct stack, "frame;frame;...;frame COUNT" (async-profiler's
`collapsed` output, as bench/scripts/profile.sh writes it); INTERVAL the sampling interval (5ms by
default; "10ms", "2ms" and plain milliseconds are read too). Each stack goes to the first part
below that one of its frames names, so the parts add up to the whole; then the 15 frames where the
most samples stopped (self time), over the whole build.
"""
import collections
import sys

# (part, frame substrings), most specific first: a stack counts for the first part it matches
PARTS = [
    ("compilers (C1, C2)", ["CompileBroker::"]),
    ("garbage collector, VM operations", ["GangWorker::", "VMThread::"]),
    ("exact top-k search", ["TopKSearch.search"]),
    ("approximate top-k search", ["ApproximateSearch"]),
    ("fused lexical + semantic search", ["FusedSimilarity"]),
    ("embedding", ["embed/", "OrtSession"]),
    ("paper index (Lucene)", ["PaperIndex"]),
    ("display forms of terms", ["TermVectors.lambda$displayForms", "TermVectors.surfaces"]),
    (
        "text analysis (term vectors)",
        ["TermVectors.count", "TermVectors.build", "TermVectors.lambda$build", "AnalysedTokens"],
    ),
    ("links, shared terms", ["SimilarityEngine.links", "explainPairs", "sharedTerms"]),
    ("stage files (edges.tsv, ...)", ["StageFiles", "TermVectorFile", "WorkspaceBuilder$Saving"]),
    ("read, input hashes", ["WorkspaceBuilder.read", "Readers.read", "NativeCorpus", "CorpusBuilder",
                            "hashBeside"]),
    ("betweenness, closeness, harmonic", ["PathCentralities"]),
    ("other centralities", ["CentralityAnalysis", "EigenvectorScores"]),
    ("Leiden", ["LeidenCommunities"]),
    ("community labels", ["CommunityLabeller"]),
    ("layout (ForceAtlas2)", ["ForceAtlas2", "Layouts"]),
    ("graph, shared-neighbour graph", ["GraphStage", "SharedNeighbourGraph", "PaperGraph"]),
]


def interval_seconds(text):
    t = text.strip().lower()
    for unit, scale in (("ms", 1e-3), ("us", 1e-6), ("ns", 1e-9), ("s", 1.0)):
        if t.endswith(unit):
            return float(t[: -len(unit)]) * scale
    return float(t) * 1e-3


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    step = interval_seconds(sys.argv[2]) if len(sys.argv) > 2 else 5e-3
    parts = collections.Counter()
    own = collections.Counter()
    total = 0
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        for line in f:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            if not stack or not count.isdigit():
                continue
            c = int(count)
            total += c
            part = "other"
            for name, keys in PARTS:
                if any(k in stack for k in keys):
                    part = name
                    break
            parts[part] += c
            own[stack.rsplit(";", 1)[-1]] += c
    if total == 0:
        sys.exit(f"{sys.argv[1]}: no samples")
    print(f"{total * step:8.1f} CPU s in all ({total} samples of {step * 1e3:g} ms)")
    print(f"{'CPU s':>8} {'share':>6}  part")
    for name, c in parts.most_common():
        print(f"{c * step:8.1f} {100 * c / total:5.1f}%  {name}")
    print(f"{'CPU s':>8} {'share':>6}  frame where the samples stopped (self)")
    for frame, c in own.most_common(15):
        print(f"{c * step:8.1f} {100 * c / total:5.1f}%  {frame[:80]}")


if __name__ == "__main__":
    main()

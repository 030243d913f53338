#!/usr/bin/env python3
"""Two citation sets that no parameter of papergraph was chosen on, written as OpenAlex works so that
`bench recovery` and ../shared/bench/citation_recovery.py score them as they score the SYNERGY sets
(docs/BENCHMARKS.md section 3, "Held-out sets").

    bench/scripts/heldout_works.py citeseer OUT.zip [SHARED]   CiteSeer (LINQS, TAPE's texts): 3,186 papers
    bench/scripts/heldout_works.py acl OUT.zip [SHARED]        ACL Anthology Network: 18,041 titles, no abstracts

SHARED is the shared data folder (default ../shared, from the project root); the sets are read from
its corpus/ folder. `CitationRecoveryTest` runs it for CiteSeer. CiteSeer gives one line of text per paper, its
title and abstract run together: the title is cut where a capitalised word is followed by two
lower-case words, not both stop words (the first sentence of an abstract), at word 3 to 25, else after
8 words; the peer reads title + ". " + abstract, so the cut changes nothing for it. The ACL set has
titles only: the abstract is the title again (so that the peer's script, which skips works without
an abstract, scores every paper; a uniform repeat changes neither side's TF-IDF cosine).
A citation from a paper to itself or to a paper outside the set is dropped.
"""
import collections
import json
import re
import sys
import zipfile

SHARED = "../shared/corpus"  # main() sets it from its third argument
STOP = set("a an the of in on for and or to with by from at is are be as we this that it its".split())
WORD = re.compile(r"[a-z][a-z\-]*[,.;:]?")


def split_title(text):
    w = text.split()
    for j in range(3, min(len(w) - 2, 25)):
        a, b, c = w[j], w[j + 1], w[j + 2]
        if (a[:1].isupper() and WORD.fullmatch(b) and WORD.fullmatch(c)
                and (b.strip(",.;:") not in STOP or c.strip(",.;:") not in STOP)):
            return " ".join(w[:j]), " ".join(w[j:])
    return " ".join(w[:8]), " ".join(w[8:])


def citeseer():
    lines = open(f"{SHARED}/citeseer/citeseer_texts.txt", encoding="utf-8", errors="replace").read().split("\n")
    papers, i = [], 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        title, abstract = split_title(lines[i + 1].strip())
        papers.append((lines[i].strip(), title, abstract))
        i += 3
    cites = []
    for line in open(f"{SHARED}/citeseer/citeseer.cites", encoding="utf-8"):
        p = line.split()
        if len(p) == 2:
            cites.append((p[1], p[0]))  # "cited citing"
    return papers, cites


def acl():
    papers, rec = [], {}
    for line in open(f"{SHARED}/acl-anthology-network/acl-metadata.txt", encoding="utf-8", errors="replace"):
        m = re.match(r"(\w+) = \{(.*)\}\s*$", line)
        if m:
            rec[m.group(1)] = m.group(2)
        elif not line.strip() and rec:
            if rec.get("id") and rec.get("title"):
                papers.append((rec["id"], rec["title"], rec["title"]))
            rec = {}
    if rec.get("id") and rec.get("title"):
        papers.append((rec["id"], rec["title"], rec["title"]))
    cites = []
    for line in open(f"{SHARED}/acl-anthology-network/acl.txt", encoding="utf-8"):
        p = [x.strip() for x in line.split(",")]
        if len(p) == 2:
            cites.append((p[0], p[1]))  # "citing , cited"
    return papers, cites


def main():
    global SHARED
    which, out = sys.argv[1], sys.argv[2]
    if len(sys.argv) > 3:
        SHARED = sys.argv[3].rstrip("/") + "/corpus"
    papers, cites = {"citeseer": citeseer, "acl": acl}[which]()
    ids = {}
    for k, (pid, _, _) in enumerate(papers):
        ids.setdefault(pid, "https://openalex.org/W%d" % (1000000 + k))
    refs = collections.defaultdict(set)
    for citing, cited in cites:
        if citing != cited and citing in ids and cited in ids:
            refs[citing].add(ids[cited])
    works, seen = [], set()
    for pid, title, abstract in papers:
        if pid in seen:
            continue
        seen.add(pid)
        inv = collections.defaultdict(list)
        for n, word in enumerate(abstract.split()):
            inv[word].append(n)
        works.append({"id": ids[pid], "title": title, "display_name": title,
                      "abstract_inverted_index": dict(inv), "referenced_works": sorted(refs[pid])})
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("works_1.json", json.dumps(works))
    print(f"{out}: {len(works)} works, {sum(len(r) for r in refs.values())} citations inside the set", file=sys.stderr)


if __name__ == "__main__":
    main()

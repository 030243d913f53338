#!/usr/bin/env python3
"""Answers and the seeds' rebuild as process wall time (issue 15, goals 4 and 5).

    bench/scripts/answers.py [ROUNDS]

Builds the bundled seeds with ./papergraph in a fresh folder (its own XDG_CACHE_HOME, so that the
launcher records its class-data archive on the first run, as on a user's machine), then runs each
command once per round, in turn, and prints median (min-max) wall ms. The linked pair for `explain`
and the paper for `neighbors` are the first link of the workspace's edges.tsv. `rebuild` is the
same build again, which finds the workspace up to date and writes nothing; `rebuild --force` builds
it again whatever (the rebuild goal 5 measured until session 30). Run from anywhere
after `mvn -q -B package -DskipTests`.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
P = os.path.join(ROOT, "papergraph")


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    work = tempfile.mkdtemp(prefix="pg-answers-")
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"))
    subprocess.run([P, "build", "-q"], cwd=work, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ws = [d for d in os.listdir(work) if os.path.isfile(os.path.join(work, d, "edges.tsv"))]
    if not ws:
        sys.exit("answers: no workspace with edges.tsv in " + work)
    with open(os.path.join(work, ws[0], "edges.tsv"), encoding="utf-8") as f:
        f.readline()
        a, b = f.readline().split("\t")[:2]
    cmds = {
        "rank": [P, "rank"],
        "neighbors": [P, "neighbors", a],
        "communities": [P, "communities"],
        "explain": [P, "explain", a, b],
        "info": [P, "info"],
        "--version": [P, "--version"],
        "java -version": ["java", "-version"],
        "rebuild": [P, "build", "-q"],
        "rebuild --force": [P, "build", "-q", "--force"],
    }
    times = {k: [] for k in cmds}
    for _ in range(rounds):
        for k, c in cmds.items():
            t0 = time.perf_counter()
            p = subprocess.run(c, cwd=work, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[k].append((time.perf_counter() - t0) * 1000)
            if p.returncode != 0:
                sys.exit(f"answers: {' '.join(c)} exited {p.returncode}")
    for k, v in times.items():
        print(f"{k:16s} median {statistics.median(v):6.0f} ms  ({min(v):.0f}-{max(v):.0f})")


if __name__ == "__main__":
    main()

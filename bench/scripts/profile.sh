#!/usr/bin/env bash
# A build's CPU profile by part of the pipeline, from async-profiler (docs/BENCHMARKS.md, session 29).
#
#   bench/scripts/profile.sh DIR PAPERS [extra build-run options...]
#
# Runs the bench's build-run (the build's own JVM options: -Xmx3g or $HEAP, the launcher's compiler
# thresholds and collector) on PAPERS (a papergraph JSONL, e.g. the bench's papers-N.jsonl) with
# async-profiler 3.0 sampling every thread's CPU every $INTERVAL (default 5ms), then prints
# bench/scripts/profile_summary.py's table. DIR keeps the workspace, the build's figures (build.json)
# and the stacks (cpu.collapsed, one line per stack: frames;...;frames COUNT).
#
# Why not JFR: JFR's samples of the exact top-k put a quarter of the build in TopKHeap.down, where
# async-profiler's put 0.5 % (both on 74,728 papers); JFR attributes a sample to the nearest debug
# record of the compiled code, which skids into the next inlined call. async-profiler reads the
# frames from the interrupted instruction (AsyncGetCallTrace, itimer when perf events are closed, as
# in most VMs) and needs no rebuild. It comes from Maven Central (tools.profiler:async-profiler,
# classifier linux-x64), fetched once into the local repository and unpacked into DIR.
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR=${1:?usage: bench/scripts/profile.sh DIR PAPERS [extra build-run options...]}
PAPERS=${2:?usage: bench/scripts/profile.sh DIR PAPERS [extra build-run options...]}
shift 2
JAR=${JAR:-bench/target/papergraph-bench.jar}
HEAP=${HEAP:-3g}
INTERVAL=${INTERVAL:-5ms}
AP_VERSION=3.0
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
ap_jar="$HOME/.m2/repository/tools/profiler/async-profiler/$AP_VERSION/async-profiler-$AP_VERSION-linux-x64.jar"
[ -f "$ap_jar" ] || mvn -q -B dependency:get -Dartifact="tools.profiler:async-profiler:$AP_VERSION:jar:linux-x64"
rm -rf "$DIR/async-profiler"
mkdir -p "$DIR/async-profiler"
(cd "$DIR/async-profiler" && unzip -q -o "$ap_jar" 'linux-x64/*')
lib="$DIR/async-profiler/linux-x64/libasyncProfiler.so"
# the launcher's compiler thresholds and collector for a build, from the launcher itself
eval "$(grep '^BUILD_JIT=' papergraph)"
rm -rf "$DIR/ws"
java "-agentpath:$lib=start,event=cpu,interval=$INTERVAL,file=$DIR/cpu.collapsed,collapsed" \
  "-Xmx$HEAP" -XX:+UseTransparentHugePages "${BUILD_JIT[@]}" \
  -cp "$JAR" dev.papergraph.bench.Bench build-run "$PAPERS" --workspace "$DIR/ws" \
  --json-out "$DIR/build.json" "$@"
python3 bench/scripts/profile_summary.py "$DIR/cpu.collapsed" "$INTERVAL"

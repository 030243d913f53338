#!/usr/bin/env bash
# The million-paper build of docs/BENCHMARKS.md (issue 15, goal 2), as the figures there were taken:
# the page cache dropped, the build's JVM logging its collections, /usr/bin/time around the bench.
#
#   bench/scripts/million.sh DIR [extra bench options...]
#
# Needs the bench jar (mvn -q -B package -DskipTests), root (to drop the page cache), the generated
# corpus at $CORPUS (default /tmp/pggen/arxiv-1m.jsonl; written first if missing, ~50 s) and ~14 GB
# free in DIR (the papers' copy 1.7 GB, the peer's input 1.4 GB, the workspace 8.3 GB, the corpus
# 1.7 GB). Prints the bench's table; DIR keeps build-996844.{json,log}, the GC logs and time.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR=${1:?usage: bench/scripts/million.sh DIR [extra bench options...]}
shift
JAR=${JAR:-bench/target/papergraph-bench.jar}
CORPUS=${CORPUS:-/tmp/pggen/arxiv-1m.jsonl}
mkdir -p "$DIR" "$(dirname "$CORPUS")"
[ -s "$CORPUS" ] || java -jar "$JAR" generate -n 1000000 -o "$CORPUS"
DIR=$(cd "$DIR" && pwd)
sync
echo 3 > /proc/sys/vm/drop_caches
JAVA_TOOL_OPTIONS="-Xlog:gc*:file=$DIR/gc-%p.log" /usr/bin/time -v -o "$DIR/time.txt" \
  nice -n -15 java -jar "$JAR" build "$CORPUS" "$@" --sizes all --search approximate --no-semantic \
  --no-peer --heap 16g --work "$DIR"
grep -h "Pause Full" "$DIR"/gc-*.log | grep -v start || true
grep -E "Elapsed|Maximum resident|User time|System time" "$DIR/time.txt"

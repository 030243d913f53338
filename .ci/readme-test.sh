#!/usr/bin/env bash
# The README's set-up commands from a clean clone: the first (build and run the main job) must
# build the jar and print the import report of the bundled corpus; the second (the tests) must be
# the command .ci/run runs. The commands are read from README.md itself, so the README stays true.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# The indented command lines of the "Set-up" section, in order.
mapfile -t cmds < <(awk '/^## Set-up/{on=1; next} /^## /{on=0} on && /^    [^ ]/{sub(/^    /, ""); print}' "$repo/README.md")
if [[ ${#cmds[@]} -ne 2 ]]; then
  echo "readme-test: expected 2 commands in README's Set-up section, found ${#cmds[@]}" >&2
  exit 1
fi
main_job="${cmds[0]}"
test_cmd="${cmds[1]}"
grep -qxF "$test_cmd" "$repo/.ci/run" || { echo "readme-test: .ci/run does not run the README's test command: $test_cmd" >&2; exit 1; }

git clone -q "$repo" "$tmp/papergraph"
cd "$tmp/papergraph"
# the launcher keeps its class-data archive in the user's cache folder: a fresh one, checked below
export XDG_CACHE_HOME="$tmp/cache"
echo "readme-test: in a clean clone: $main_job" >&2
bash -c "$main_job" >"$tmp/out.txt" 2>"$tmp/err.txt" || { cat "$tmp/out.txt" "$tmp/err.txt" >&2; echo "readme-test: the main job failed" >&2; exit 1; }

check() {
  grep -qE "$1" "$tmp/out.txt" || { cat "$tmp/out.txt" >&2; echo "readme-test: main job output lacks: $1" >&2; exit 1; }
}
check 'Import: 487 records read: 415 papers imported, 72 merged into them, 0 rejected$'
check '415 papers'
[[ -f .papergraph/workspace.json ]] || { echo "readme-test: no workspace in .papergraph" >&2; exit 1; }
./papergraph info >/dev/null

# The launcher's class-data sharing, with no step by the user: the main job recorded an archive
# for this jar; later runs map it (picocli's classes included); PAPERGRAPH_CDS=off and an unusable
# cache folder run without it; a rebuilt jar gets a new archive and the old one goes.
fail() { echo "readme-test: launcher: $1" >&2; exit 1; }
archives() { find "$XDG_CACHE_HOME/papergraph" -maxdepth 1 -name 'papergraph-*.jsa' | sort; }
loaded() { # the source of each class a run of `papergraph info` loads, one "class source" a line
  rm -f "$tmp/classes.txt"
  PAPERGRAPH_JAVA_OPTS="-Xlog:class+load=info:file=$tmp/classes.txt" "$@" ./papergraph info >/dev/null 2>"$tmp/err.txt" \
    || { cat "$tmp/err.txt" >&2; fail "info failed"; }
}
first="$(archives)"
[[ -n "$first" && "$(wc -l <<<"$first")" -eq 1 ]] || fail "expected one archive after the main job, found: ${first:-none}"
loaded env
grep -q 'dev\.papergraph\.cli\.Main source: shared objects file' "$tmp/classes.txt" || fail "the archive is not used"
grep -q 'picocli\.CommandLine source: shared objects file' "$tmp/classes.txt" || fail "picocli is not in the archive"
# the recording run (the main job's build) also answered the queries: info loads no class from the jar
! grep 'source: file:' "$tmp/classes.txt" >&2 || fail "the answers' classes are not all in the archive"
# ... and looks nothing up on the class path (picocli's lookup of Groovy's closure class was the one
# search): with the launcher naming the main class (no `-jar`), an answer never opens the 150 MB jar
PAPERGRAPH_JAVA_OPTS=-Dsun.misc.URLClassPath.debug=true ./papergraph info >/dev/null 2>"$tmp/err.txt" \
  || { cat "$tmp/err.txt" >&2; fail "info failed"; }
! grep 'URLClassPath' "$tmp/err.txt" >&2 || fail "info looks classes or resources up in the jar"
loaded env PAPERGRAPH_CDS=off
grep -q 'dev\.papergraph\.cli\.Main source: file:' "$tmp/classes.txt" || fail "PAPERGRAPH_CDS=off still maps the archive"
loaded env XDG_CACHE_HOME=/dev/null/cache
grep -q 'dev\.papergraph\.cli\.Main source: file:' "$tmp/classes.txt" || fail "an unusable cache folder"
jar=cli/target/papergraph.jar
touch -d "@$(($(stat -c %Y "$jar") + 60))" "$jar"
./papergraph --version >/dev/null
[[ "$(archives)" == "$first" ]] || fail "--version recorded an archive"
./papergraph info >/dev/null 2>&1 || fail "info after the jar changed"
second="$(archives)"
[[ -n "$second" && "$(wc -l <<<"$second")" -eq 1 && "$second" != "$first" ]] \
  || fail "a rebuilt jar must replace the archive: before $first, after ${second:-none}"
loaded env
grep -q 'dev\.papergraph\.cli\.Main source: shared objects file' "$tmp/classes.txt" || fail "the new archive is not used"
echo "readme-test: ok" >&2

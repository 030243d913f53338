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
echo "readme-test: in a clean clone: $main_job" >&2
bash -c "$main_job" >"$tmp/out.txt" 2>"$tmp/err.txt" || { cat "$tmp/out.txt" "$tmp/err.txt" >&2; echo "readme-test: the main job failed" >&2; exit 1; }

check() {
  grep -qE "$1" "$tmp/out.txt" || { cat "$tmp/out.txt" >&2; echo "readme-test: main job output lacks: $1" >&2; exit 1; }
}
check 'Import: 487 records read: 415 papers imported, 72 merged into them, 0 rejected$'
check '415 papers'
[[ -f .papergraph/workspace.json ]] || { echo "readme-test: no workspace in .papergraph" >&2; exit 1; }
./papergraph info >/dev/null
echo "readme-test: ok" >&2

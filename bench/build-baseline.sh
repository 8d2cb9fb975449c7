#!/usr/bin/env bash
# Builds dist/paytool.js (and its sibling chunks) of an earlier commit into bench/.tmp/baseline-<ref>/,
# for `npm run bench -- --baseline bench/.tmp/baseline-<ref>`: the paired bench then loads that
# build in the same rounds as today's and Google's, so before and after come from one run.
# Usage: bash bench/build-baseline.sh <git ref>
set -euo pipefail
ref=${1:?usage: bash bench/build-baseline.sh <git ref>}
root=$(git rev-parse --show-toplevel)
name=$(git rev-parse --short "$ref")
out="$root/bench/.tmp/baseline-$name"
tree=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$tree" >/dev/null 2>&1 || true; rm -rf "$tree"' EXIT
git -C "$root" worktree add --detach "$tree" "$ref" >/dev/null
ln -s "$root/node_modules" "$tree/node_modules"
(cd "$tree" && node_modules/.bin/vite build --logLevel warn >/dev/null)
rm -rf "$out" && mkdir -p "$out"
# The script-tag build: paytool.js and whatever it loads from its own folder (never the npm modules).
(cd "$tree/dist" && find . -name '*.js' -not -path './npm/*' -not -path './examples/*' -exec cp --parents {} "$out/" \;)
echo "$out"

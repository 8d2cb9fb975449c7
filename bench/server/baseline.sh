#!/usr/bin/env bash
# Copies the src/ and tsconfig.json of an earlier commit into bench/.tmp/server-baseline-<ref>/, for
# `npm run bench -- --only server --server-baseline bench/.tmp/server-baseline-<ref>/src`: that
# commit's checkout handler then runs in the same rounds as today's, so before and after come
# from one run (it shares this tree's node_modules and today's sandbox). The bench builds both
# trees the same way (tsc, each with its own tsconfig.json) and runs the built JavaScript.
# Usage: bash bench/server/baseline.sh <git ref>
set -euo pipefail
ref=${1:?usage: bash bench/server/baseline.sh <git ref>}
root=$(git rev-parse --show-toplevel)
name=$(git rev-parse --short "$ref")
out="$root/bench/.tmp/server-baseline-$name"
rm -rf "$out" && mkdir -p "$out"
git -C "$root" archive "$ref" src tsconfig.json | tar -x -C "$out"
echo "$out/src"

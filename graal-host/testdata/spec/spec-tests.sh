#!/usr/bin/env bash
# Regenerates testdata/resources/spec/ from the component-model reference tests (.wast): the
# binaries and manifest.tsv read by SpecConformanceTest. Needs node, jco in $JCO_DIR (default
# /work/toolchain) and a checkout of github.com/WebAssembly/component-model in $CM_REPO (a git dir
# is fine: the files are read at $CM_REV, default HEAD).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out="$here/../resources/spec"
JCO_DIR=${JCO_DIR:-/work/toolchain}
CM_REPO=${CM_REPO:-/work/.mirror/WebAssembly+component-model/repo}
CM_REV=${CM_REV:-HEAD}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rev=$(git -C "$CM_REPO" rev-parse "$CM_REV")
# Preview-2 suites only: async/ (🔀) is past preview 2.
for f in $(git -C "$CM_REPO" ls-tree -r --name-only "$rev" test | grep '\.wast$' | grep -v '^test/async/'); do
  mkdir -p "$tmp/$(dirname "$f")"
  git -C "$CM_REPO" show "$rev:$f" > "$tmp/$f"
done
rm -rf "$out"
mkdir -p "$out"
cp "$here/wast-to-binary.mjs" "$JCO_DIR/.wast-to-binary.mjs"
(cd "$JCO_DIR" && node .wast-to-binary.mjs "$out" $(find "$tmp/test" -name '*.wast' | sort))
rm -f "$JCO_DIR/.wast-to-binary.mjs"
echo "$rev" > "$out/REVISION"

#!/usr/bin/env bash
# Rebuilds the DlAdapter's core modules (src/main/resources/dev/wasidl/dl/*.wasm) from their WAT,
# with jco's wasm-tools (graal-host/testdata/node: npm ci there first).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jco="node $here/../../../../testdata/node/node_modules/@bytecodealliance/jco/dist/jco.js"
out=$here/../resources/dev/wasidl/dl
for m in dl-state dl-memory; do
  $jco parse "$here/$m.wat" -o "$out/$m.wasm"
done

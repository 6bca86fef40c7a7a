#!/usr/bin/env bash
# Rebuilds the core test modules (testdata/resources/core/*.wasm) from their WAT sources here.
# Needs wat2wasm (Debian/Ubuntu: apt-get install wabt). The .wasm files are committed, so the build
# and CI never run this.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out="$here/../resources/core"
mkdir -p "$out"
for wat in "$here"/*.wat; do
  name=$(basename "$wat" .wat)
  wat2wasm "$wat" -o "$out/$name.wasm"
  echo "built $out/$name.wasm"
done

#!/usr/bin/env bash
# Rebuilds the benchmarks' core wasm modules (committed; needs wabt's wat2wasm).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
wat2wasm "$here/dispatch.wat" -o "$here/../resources/wasm/dispatch.wasm"

#!/usr/bin/env bash
# Rebuilds dl-host-c into ../../resources/guests/dl-host-c.wasm: freestanding C (no libc, no WASI),
# linked by the Rust toolchain's wasm-component-ld against graal-host's own wasi:dl WIT
# (src/main/wit/deps/dl). Needs clang-19, wasm-ld-19 and rustc (see ../../../../../shared docs).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$(cd "$here/../../resources/guests" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
W=$(rustc --print sysroot)/lib/rustlib/x86_64-unknown-linux-gnu/bin/wasm-component-ld
mkdir -p "$tmp/wit/deps/dl"
cp "$here/dl-host.wit" "$tmp/wit/"
cp "$here/../../../main/wit/deps/dl/"*.wit "$tmp/wit/deps/dl/"
clang-19 --target=wasm32 -O2 -Wall -Wextra -Werror -nostdlib -c "$here/dl-host.c" -o "$tmp/g.o"
"$W" --wasm-ld-path "$(command -v wasm-ld-19)" --component-type "$tmp/wit" --wasi-adapter none \
  --no-entry --export-memory --strip-debug -o "$out/dl-host-c.wasm" "$tmp/g.o"
ls -la "$out/dl-host-c.wasm"

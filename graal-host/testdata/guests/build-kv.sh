#!/usr/bin/env bash
# Rebuilds the wasi:keyvalue@0.2.0-draft2 plugin components (issue 9) into ../resources/guests/
# (build.sh runs this too; runs alone). Toolchain as in build.sh.
#
# kv-plugin-c: kv.c (the exports of store, atomics and batch, hand-written canonical ABI) on a
# storage backend (backend.h): backend_memory.c -> kv-memory-c.wasm (provider 2, imports nothing),
# backend_sqlite.c -> kv-sqlite-c.wasm (provider 3, libsqlite3 through wasi:dl).
# C with wasi-libc for malloc and the string functions, linked with no WASI adapter: the plugins
# import no WASI they do not call. Linked without -O (no wasm-opt), name section kept, DWARF stripped.
# Also writes the `jco wit` view of each next to it (<name>.wit.txt).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$(cd "$here/../resources/guests" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

JCO_DIR=${JCO_DIR:-/work/toolchain}
W=$(rustc --print sysroot)/lib/rustlib/x86_64-unknown-linux-gnu/bin/wasm-component-ld
printf '%s\n' "import { _setPreopens } from '@bytecodealliance/preview2-shim/filesystem';" \
  "_setPreopens({ '/': '/' });" > "$JCO_DIR/preopen.mjs"
jco() { (cd "$JCO_DIR" && node --import ./preopen.mjs node_modules/@bytecodealliance/jco/dist/jco.js "$@"); }

src="$here/kv-plugin-c"
kv_plugin() { # kv_plugin <name> <backend source> [extra deps folders...]: a WIT folder and the link
  local name=$1 backend=$2 w="$tmp/$1-wit"
  shift 2
  mkdir -p "$w/deps"
  cp "$src/$name.wit" "$w/"
  cp -r "$here/../wit/keyvalue-app/deps/keyvalue" "$w/deps/"
  for d in "$@"; do cp -r "$d" "$w/deps/"; done
  for f in kv.c "$backend"; do
    clang-19 --target=wasm32-wasi -O2 -Wall -Wextra -Werror -I"$here/dl-common" -c "$src/$f" \
      -o "$tmp/$name-${f%.c}.o"
  done
  clang-19 --target=wasm32-wasi -mexec-model=reactor "$tmp/$name-kv.o" "$tmp/$name-${backend%.c}.o" \
    -Wl,--strip-debug -fuse-ld="$W" -Wl,--component-type="$w" -Wl,--wasi-adapter=none \
    -o "$out/$name-c.wasm"
  jco wit "$out/$name-c.wasm" > "$out/$name-c.wit.txt"
  ls -la "$out/$name-c.wasm"
}

kv_plugin kv-memory backend_memory.c
kv_plugin kv-sqlite backend_sqlite.c "$here/../../main/wit/deps/dl" "$src/wit-cli"

# kv-bench-c: the app of the KeyValueProviders benchmark (imports store and atomics, loops of calls).
mkdir -p "$tmp/kv-bench-wit/deps"
cp "$here/kv-bench-c/bench.wit" "$tmp/kv-bench-wit/"
cp -r "$here/../wit/keyvalue-app/deps/keyvalue" "$tmp/kv-bench-wit/deps/"
clang-19 --target=wasm32-wasi -O2 -Wall -Wextra -Werror -c "$here/kv-bench-c/bench.c" -o "$tmp/kv-bench.o"
clang-19 --target=wasm32-wasi -mexec-model=reactor "$tmp/kv-bench.o" -Wl,--strip-debug -fuse-ld="$W" \
  -Wl,--component-type="$tmp/kv-bench-wit" -Wl,--wasi-adapter=none -o "$out/kv-bench-c.wasm"
jco wit "$out/kv-bench-c.wasm" > "$out/kv-bench-c.wit.txt"
ls -la "$out/kv-bench-c.wasm"

# kv-bench-memory-composed: kv-bench-c and kv-memory-c composed by hand in one component
# (node/compose-by-hand.mjs, which needs `npm ci --prefix graal-host/testdata/node`): the
# "composed" provider of the KeyValueProviders benchmark.
node "$here/../node/compose-by-hand.mjs" "$out/kv-memory-c.wasm" "$out/kv-bench-c.wasm" \
  "$out/kv-bench-memory-composed.wasm"
jco wit "$out/kv-bench-memory-composed.wasm" > "$out/kv-bench-memory-composed.wit.txt"
ls -la "$out/kv-bench-memory-composed.wasm"

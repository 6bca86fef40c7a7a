#!/usr/bin/env bash
# Rebuilds the wasi:dl guest components into ../resources/guests/ (build.sh runs this too; what a
# correct host must produce: dl-expected.md). Toolchain as in build.sh.
#
# C with wasi-libc for malloc and snprintf and a hand-written canonical ABI for wasi:dl
# (dl-common/wasi_dl.h). Each guest's world (<name>/*.wit) is linked against graal-host's own copy
# of wasi:dl (src/main/wit/deps/dl), so guests and host use one WIT. The reactors import nothing but
# wasi:dl (no adapter); dl-libs is a command (wasm-component-ld's built-in adapter, WASI @0.2.6),
# linked as a reactor with cli-run/run.c as its wasi:cli/run: it exports its own cabi_realloc, which a
# wasm-ld command would wrap in a command_export running __wasm_call_dtors (stdout flushed from
# inside realloc, which the canonical ABI forbids; see cli-run/run.c).
# Linked without -O (no wasm-opt), so the name section stays; DWARF stripped.
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

dl_wit() { # dl_wit <guest>: a WIT folder with the guest's world and deps/dl
  local w="$tmp/$1-wit"
  mkdir -p "$w/deps/dl"
  cp "$here/$1"/*.wit "$w/"
  cp "$here/../../main/wit/deps/dl/"*.wit "$w/deps/dl/"
  echo "$w"
}
dl_compile() { # dl_compile <guest> <source>
  clang-19 --target=wasm32-wasi -O2 -Wall -Wextra -Werror -c "$here/$1/$2" -o "$tmp/$1.o"
}
dl_reactor() { # dl_reactor <guest> <source>
  dl_compile "$1" "$2"
  clang-19 --target=wasm32-wasi -mexec-model=reactor "$tmp/$1.o" -Wl,--strip-debug -fuse-ld="$W" \
    -Wl,--component-type="$(dl_wit "$1")" -Wl,--wasi-adapter=none -o "$out/$1.wasm"
}
dl_command() { # dl_command <guest> <source>
  dl_compile "$1" "$2"
  clang-19 --target=wasm32-wasi -O2 -DWASI_CLI_RUN='"wasi:cli/run@0.2.6"' -c "$here/cli-run/run.c" \
    -o "$tmp/cli-run.o"
  clang-19 --target=wasm32-wasi -mexec-model=reactor "$tmp/$1.o" "$tmp/cli-run.o" -Wl,--strip-debug \
    -fuse-ld="$W" -Wl,--component-type="$(dl_wit "$1")" -Wl,--component-type="$here/cli-run/wit-0.2.6" \
    -Wl,--wasi-adapter=reactor -o "$out/$1.wasm"
}

# The RFC's example: opens ./{prefix}hello{suffix} (native-tests' libhello.so), reads "hello".
dl_reactor dl-hello-c hello.c
# The demo (README): a command calling libm, libc and zlib, printing each call and its result.
dl_command dl-libs libs.c

# Every wasi:dl item against native-tests' libraries: cases() and run(case, libdir).
dl_reactor dl-all-c all.c

# The benchmarks' guest (benchmarks' DlComponentCall): add(int, int) through wasi:dl in a loop.
dl_reactor dl-bench-c bench.c

# Attack primitives for the security tests (issue 14; DlHostile*Test): reads and writes at any
# address, data symbols through a granted library, huge struct types.
dl_reactor dl-hostile-c hostile.c

for g in dl-hello-c dl-libs dl-all-c dl-bench-c dl-hostile-c; do
  jco wit "$out/$g.wasm" > "$out/$g.wit.txt"
  ls -la "$out/$g.wasm"
done

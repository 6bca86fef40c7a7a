#!/usr/bin/env bash
# Rebuilds every test guest component into ../resources/guests/ (the built .wasm files are committed;
# CI does not run this). Needs the toolchain of /work/shared/guest-toolchain.md:
#   apt-get install -y --no-install-recommends clang-19 lld-19 libclang-rt-19-dev-wasm32 wasi-libc wabt binaryen
#   rustup's wasm-component-ld, and in $JCO_DIR (default /work/toolchain):
#   npm install @bytecodealliance/jco@1.35.0 @bytecodealliance/componentize-js @bytecodealliance/preview2-shim
# Also writes the `jco wit` view of each guest next to it (<name>.wit.txt), for the tests to compare.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$(cd "$here/../resources/guests" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

JCO_DIR=${JCO_DIR:-/work/toolchain}
W=$(rustc --print sysroot)/lib/rustlib/x86_64-unknown-linux-gnu/bin/wasm-component-ld
WASM_LD=$(command -v wasm-ld-19)
# jco 1.35 needs a preopen to read WIT files (see guest-toolchain.md).
printf '%s\n' "import { _setPreopens } from '@bytecodealliance/preview2-shim/filesystem';" \
  "_setPreopens({ '/': '/' });" > "$JCO_DIR/preopen.mjs"
jco() { (cd "$JCO_DIR" && node --import ./preopen.mjs node_modules/@bytecodealliance/jco/dist/jco.js "$@"); }

# (1) freestanding C, hand-written canonical ABI, many WIT types and resources.
clang-19 --target=wasm32 -O2 -nostdlib -c "$here/types-c/types.c" -o "$tmp/types.o"
"$W" --wasm-ld-path "$WASM_LD" --component-type "$here/types-c/types.wit" --wasi-adapter none \
  --no-entry --export-memory -o "$out/types-c.wasm" "$tmp/types.o"

# (1b) echo: every value type both ways (exports pass their flat arguments to the host's imports).
clang-19 --target=wasm32 -O2 -nostdlib -c "$here/echo-c/echo.c" -o "$tmp/echo.o"
"$W" --wasm-ld-path "$WASM_LD" --component-type "$here/echo-c/echo.wit" --wasi-adapter none \
  --no-entry --export-memory -o "$out/echo-c.wasm" "$tmp/echo.o"

# (2) wasi-libc command, wasm-component-ld's built-in WASI preview1 -> 0.2 command adapter.
clang-19 --target=wasm32-wasi -O2 -c "$here/wasi-command-c/main.c" -o "$tmp/cmd.o"
clang-19 --target=wasm32-wasi "$tmp/cmd.o" -fuse-ld="$W" -Wl,--wasi-adapter=command \
  -o "$out/wasi-command-c.wasm"

# (3) the same kind of program as a core module, made a component by jco's command adapter.
clang-19 --target=wasm32-wasi -O2 "$here/jco-command-c/main.c" -o "$tmp/jco-core.wasm"
jco new "$tmp/jco-core.wasm" --wasi-command -o "$out/jco-command-c.wasm"

# (3b) the WASI 0.2 test guests (expected outputs under node + jco: wasi-expected.md), each built both
# ways: wasm-component-ld's built-in adapter (<name>.wasm, imports WASI @0.2.6) and jco's adapter
# (<name>-jco.wasm, @0.2.12). Linked without -O (no wasm-opt, which would drop the name section) and
# with --strip-debug (Debian's wasi-libc.a carries DWARF): the name section stays, for backtraces.
# wasi-cli-c: a command with one subcommand per WASI feature.
clang-19 --target=wasm32-wasi -O2 -c "$here/wasi-cli-c/main.c" -o "$tmp/wasi-cli.o"
clang-19 --target=wasm32-wasi "$tmp/wasi-cli.o" -Wl,--strip-debug -fuse-ld="$W" -Wl,--wasi-adapter=command \
  -o "$out/wasi-cli-c.wasm"
clang-19 --target=wasm32-wasi "$tmp/wasi-cli.o" -Wl,--strip-debug -o "$tmp/wasi-cli-core.wasm"
jco new "$tmp/wasi-cli-core.wasm" --wasi-command -o "$out/wasi-cli-c-jco.wasm"
# wasi-reactor-c: a reactor exporting test:wasi-reactor/run (hand-written canonical ABI); jco's
# adapter needs the component type embedded first.
clang-19 --target=wasm32-wasi -O2 -c "$here/wasi-reactor-c/reactor.c" -o "$tmp/wasi-reactor.o"
clang-19 --target=wasm32-wasi -mexec-model=reactor "$tmp/wasi-reactor.o" -Wl,--strip-debug -fuse-ld="$W" \
  -Wl,--component-type="$here/wasi-reactor-c/reactor.wit" -Wl,--wasi-adapter=reactor \
  -o "$out/wasi-reactor-c.wasm"
clang-19 --target=wasm32-wasi -mexec-model=reactor "$tmp/wasi-reactor.o" -Wl,--strip-debug \
  -o "$tmp/wasi-reactor-core.wasm"
jco embed --wit "$here/wasi-reactor-c/reactor.wit" -n reactor "$tmp/wasi-reactor-core.wasm" \
  -o "$tmp/wasi-reactor-embedded.wasm"
jco new "$tmp/wasi-reactor-embedded.wasm" --wasi-reactor -o "$out/wasi-reactor-c-jco.wasm"
# wasi-tcp-c: a command calling wasi:sockets@0.2.12 itself (its imports: wasi-tcp-c/wit, with deps/).
# It exports its own cabi_realloc, so it is linked as a reactor with cli-run/run.c as its
# wasi:cli/run (a wasm-ld command would wrap cabi_realloc in a command_export that runs
# __wasm_call_dtors, flushing stdout from inside realloc: see cli-run/run.c), and made a component by
# the reactor adapters, with the run export of each adapter's WASI version (0.2.6 / 0.2.12).
cli_run() { # cli_run <version>: cli-run/run.c compiled for wasi:cli/run@<version>
  clang-19 --target=wasm32-wasi -O2 -DWASI_CLI_RUN="\"wasi:cli/run@$1\"" -c "$here/cli-run/run.c" \
    -o "$tmp/cli-run-$1.o"
}
cli_run 0.2.6
cli_run 0.2.12
clang-19 --target=wasm32-wasi -O2 -c "$here/wasi-tcp-c/main.c" -o "$tmp/wasi-tcp.o"
clang-19 --target=wasm32-wasi -mexec-model=reactor "$tmp/wasi-tcp.o" "$tmp/cli-run-0.2.6.o" -Wl,--strip-debug \
  -fuse-ld="$W" -Wl,--component-type="$here/wasi-tcp-c/wit" -Wl,--component-type="$here/cli-run/wit-0.2.6" \
  -Wl,--wasi-adapter=reactor -o "$out/wasi-tcp-c.wasm"
clang-19 --target=wasm32-wasi -mexec-model=reactor "$tmp/wasi-tcp.o" "$tmp/cli-run-0.2.12.o" -Wl,--strip-debug \
  -o "$tmp/wasi-tcp-core.wasm"
jco embed --wit "$here/wasi-tcp-c/wit" -n tcp-client "$tmp/wasi-tcp-core.wasm" -o "$tmp/wasi-tcp-embedded1.wasm"
jco embed --wit "$here/cli-run/wit-0.2.12" -n command "$tmp/wasi-tcp-embedded1.wasm" \
  -o "$tmp/wasi-tcp-embedded.wasm"
jco new "$tmp/wasi-tcp-embedded.wasm" --wasi-reactor -o "$out/wasi-tcp-c-jco.wasm"

# (3c) the wasi:dl guests: build-dl.sh (runs alone too).
"$here/build-dl.sh"

# (3d) the wasi:keyvalue plugins: build-kv.sh (runs alone too).
"$here/build-kv.sh"

# (4) nested components composed by hand in component WAT.
jco parse "$here/nested-wat/nested.wat" -o "$out/nested-wat.wasm"

# (4b) resource rules and reentrance, in hand-written component WAT.
jco parse "$here/resources-wat/resources.wat" -o "$out/resources-wat.wasm"
jco parse "$here/leave-wat/leave.wat" -o "$out/leave-wat.wasm"
jco parse "$here/leave-wat/leave-import.wat" -o "$out/leave-import-wat.wasm"
# (4b') results breaking the ABI, post-return and reentrance, for the typed (Val-free) export path.
jco parse "$here/typed-wat/typed.wat" -o "$out/typed-wat.wasm"
# (4c) traps with named frames and a WASI-free wasi:cli/run export, for the command line's tests.
jco parse "$here/trap-wat/trap.wat" -o "$out/trap-wat.wasm"
# (4c') guests that never stop (a loop in an export, in wasi:cli/run, in a start function), for the
# time limit.
jco parse "$here/spin-wat/spin.wat" -o "$out/spin-wat.wasm"
jco parse "$here/start-loop-wat/start-loop.wat" -o "$out/start-loop-wat.wasm"
# (4c'') guests that take memory (a grow past the limit, a page at a time, a memory that starts
# large), for the memory limit.
jco parse "$here/memory-bomb-wat/memory-bomb.wat" -o "$out/memory-bomb-wat.wasm"
jco parse "$here/memory-bomb-wat/big-memory.wat" -o "$out/big-memory-wat.wasm"
# (4c''') results aliasing one another in guest memory, for the limit on bytes lifted per call.
jco parse "$here/alias-lists-wat/alias-lists.wat" -o "$out/alias-lists-wat.wasm"
# (4c'''') a recursion without end, a component of 64 core instances, a table that grows: the
# wasm stack, the instance limit and the table limit.
jco parse "$here/bombs-wat/recursion.wat" -o "$out/recursion-wat.wasm"
jco parse "$here/bombs-wat/many-instances.wat" -o "$out/many-instances-wat.wasm"
jco parse "$here/bombs-wat/table-bomb.wat" -o "$out/table-bomb-wat.wasm"
# (4d) runtime plugging (Linker.plug): a provider exporting functions and a resource, a consumer
# importing them.
jco parse "$here/plug-wat/provider.wat" -o "$out/plug-provider-wat.wasm"
jco parse "$here/plug-wat/consumer.wat" -o "$out/plug-consumer-wat.wasm"
jco parse "$here/plug-wat/wrong-type.wat" -o "$out/plug-wrong-type-wat.wasm"
jco parse "$here/plug-wat/wrong-name.wat" -o "$out/plug-wrong-name-wat.wasm"
# (4e) wasidl compose's plugin/app pair (and a plugin whose export does not match the app's import).
jco parse "$here/compose-wat/provider.wat" -o "$out/compose-provider.wasm"
jco parse "$here/compose-wat/app.wat" -o "$out/compose-app.wasm"
jco parse "$here/compose-wat/provider-mismatch.wat" -o "$out/compose-provider-mismatch.wasm"
# the same plugin exporting test:compose/counter@0.1.1 (a compatible version of the app's import), and
# one importing wasi:cli/stdout@0.2.9 with a get-stdout of another type (it cannot merge with @0.2.6).
sed 's|test:compose/counter@0.1.0|test:compose/counter@0.1.1|' "$here/compose-wat/provider.wat" \
  > "$tmp/provider-0.1.1.wat"
jco parse "$tmp/provider-0.1.1.wat" -o "$out/compose-provider-0.1.1.wasm"
sed 's|wasi:cli/stdout@0.2.0|wasi:cli/stdout@0.2.9|; s|(func (result (own $os2)))|(func (result u32))|' \
  "$here/compose-wat/provider.wat" > "$tmp/provider-stdout-u32.wat"
jco parse "$tmp/provider-stdout-u32.wat" -o "$out/compose-provider-stdout-u32.wasm"
# (4f) not a test guest: the component a wasi:dl worker serves (graal-host/plugins, dev.wasidl.isolate),
# wasi:dl imported and exported as it is.
jco parse "$here/../../plugins/src/main/wat/dl-reexport.wat" \
  -o "$here/../../plugins/src/main/resources/dev/wasidl/isolate/dl-reexport.wasm"

# (5) a JavaScript component (StarlingMonkey, ~12.5 MB), with its default WASI features. (`--disable all`
# saves only ~40 KB, so one real build is kept.)
jco componentize "$here/hello-js/hello.js" --wit "$here/hello-js/hello.wit" -n hello \
  -o "$out/hello-js.wasm"

# (5b) the wasi:keyvalue@0.2.0-draft2 app (issue 9): uses store, atomics and batch, returns a report.
jco componentize "$here/keyvalue-js/app.js" --wit "$here/../wit/keyvalue-app" -n kv-app \
  -o "$out/keyvalue-js.wasm"

for f in "$out"/*.wasm; do
  jco wit "$f" > "${f%.wasm}.wit.txt"
done
ls -la "$out"

#!/usr/bin/env bash
# Builds the native test libraries, layouts.properties and index.txt into <outdir>, which must end in
# native/<os>-<arch> (Maven passes target/classes/native/linux-x86_64), then runs a self-check of the
# dlopen behaviour that the open-flag tests rely on. Needs gcc; Linux x86-64 only.
set -Eeuo pipefail
trap 'echo "native-tests/build.sh: failed (exit $?) at line $LINENO: $BASH_COMMAND" >&2' ERR

[ $# -eq 1 ] || { echo "usage: build.sh <outdir>" >&2; exit 2; }
out=$1
os=$(uname -s)
arch=$(uname -m)
if [ "$os" != Linux ] || [ "$arch" != x86_64 ]; then
  echo "native-tests: only Linux x86-64 is supported, this is $os $arch (the libraries' expected" \
       "results and layouts assume the x86-64 System V ABI and glibc's dlopen)" >&2
  exit 1
fi
platform=linux-x86_64
[ "$(basename "$out")" = "$platform" ] || { echo "native-tests: outdir must end in /$platform: $out" >&2; exit 2; }
command -v gcc >/dev/null || { echo "native-tests: gcc not found on PATH (apt-get install gcc)" >&2; exit 1; }

src=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -rf "$out"
mkdir -p "$out"

cflags=(-std=gnu17 -O2 -Wall -Wextra -Werror)
lib() { # lib <name> <gcc args...>: builds <out>/lib<name>.so
  local name=$1
  shift
  gcc "${cflags[@]}" -fPIC -shared -o "$out/lib$name.so" "$@"
}
lib wasidl_prims "$src/prims.c"
lib wasidl_structs "$src/structs.c"
lib wasidl_pointers "$src/pointers.c"
lib wasidl_provider "$src/provider.c"
# Memory a hostile guest points the host at: PROT_NONE, read-only, unterminated, unmapped.
lib wasidl_hostile "$src/hostile.c"
# Native code that crashes the process: what the launcher reports of a native fault.
lib wasidl_faults "$src/faults.c"
# The wasi:dl RFC example's library, named {prefix}hello{suffix} as the example opens it.
lib hello "$src/hello.c"
# The dependent is linked against the base (DT_NEEDED), found next to it through $ORIGIN.
lib wasidl_base "$src/base.c"
lib wasidl_dependent "$src/dependent.c" -L"$out" -lwasidl_base -Wl,-rpath,'$ORIGIN'
# The consumers leave provided_value undefined (no -z defs, provider not linked) and bind lazily.
lib wasidl_consumer "$src/consumer.c" -Wl,-z,lazy
lib wasidl_consumer_lazy "$src/consumer.c" -Wl,-z,lazy

gcc "${cflags[@]}" -o "$tmp/layouts" "$src/layouts.c"
"$tmp/layouts" >"$out/layouts.properties"

gcc "${cflags[@]}" -o "$tmp/selfcheck" "$src/selfcheck.c" -ldl
"$tmp/selfcheck" "$out"

(cd "$out" && ls -1 | grep -vx index.txt >index.txt)

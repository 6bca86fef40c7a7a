// The wasi:cli/run export of a wasi-libc program linked as a *reactor* (-mexec-model=reactor), for
// commands that export their own cabi_realloc (a hand-written canonical ABI for their own imports).
//
// Why not a plain wasm-ld command: when a command (crt1-command.o's _start) is linked, wasm-ld
// wraps every export in a `<name>.command_export` function that runs the constructors before and
// __wasm_call_dtors after the call. For cabi_realloc that means every allocation the host asks for
// ends in __stdio_exit, which flushes stdout through wasi:io/streams from inside realloc, and the
// canonical ABI forbids calling an import there (may_leave is false: wasmtime and wasidl trap). A
// reactor's exports are not wrapped (its _initialize runs the constructors, once, at instantiation:
// both wasm-component-ld's and jco's reactor adapters call it), so this file gives it the command's
// entry point itself, doing what Debian's wasi-libc (0.0~git20220510) crt1-command _start and its
// command_export wrapper did: main(argc, argv); a non-zero status goes to exit() (atexit handlers,
// stdio flushed, proc_exit(status): the adapter calls wasi:cli/exit.exit(err)); zero runs the
// destructors (stdio flushed) and returns ok.
//
// Compile with -DWASI_CLI_RUN='"wasi:cli/run@0.2.6"' (wasm-component-ld's adapter) or @0.2.12
// (jco's), and link with the matching component type, cli-run/wit-<version> (world `command`).
#include <stdint.h>
#include <stdlib.h>

#ifndef WASI_CLI_RUN
#error "define WASI_CLI_RUN, e.g. -DWASI_CLI_RUN='\"wasi:cli/run@0.2.6\"'"
#endif

extern int __main_void(void);         // wasi-libc: gets argv (args_get), calls main(argc, argv)
extern void __wasm_call_dtors(void);  // wasi-libc: atexit handlers and __stdio_exit

__attribute__((export_name(WASI_CLI_RUN "#run")))
int32_t wasi_cli_run(void) {
  int status = __main_void();
  if (status != 0) exit(status);  // does not return
  __wasm_call_dtors();
  return 0;  // result<_, _>: ok
}

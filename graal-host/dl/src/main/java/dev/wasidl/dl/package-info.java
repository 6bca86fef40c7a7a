/**
 * wasi:dl ({@code wasi:dl@0.2.0-draft}, interfaces {@code ffi} and {@code dll}) for components on
 * graal-host, implemented over bridge-ffm on the Java host interfaces bindings-gen generates from
 * {@code src/main/wit}. {@link dev.wasidl.dl.WasiDl#add} defines both interfaces on a {@code
 * Linker}; each instance gets its own {@link dev.wasidl.dl.DlCtx} (its handle table and its {@link
 * dev.wasidl.ffm.DlPolicy}), reached through a {@link dev.wasidl.dl.DlView} data object. Deny by
 * default: a context without a policy refuses every {@code library.open}.
 */
package dev.wasidl.dl;

/**
 * WASI 0.2 for components on graal-host, implemented on the Java host interfaces that bindings-gen
 * generates from {@code src/main/wit} ({@code dev.wasidl.wasi.bindings.*}). {@link
 * dev.wasidl.wasi.Wasi#add} defines every interface on a {@code Linker}; each instance gets its own
 * {@link dev.wasidl.wasi.WasiCtx} (its handle table, streams and grants), built from an immutable
 * {@link dev.wasidl.wasi.WasiConfig}. Capabilities are deny-by-default: no environment, no
 * directories, no network unless the config grants them.
 */
package dev.wasidl.wasi;

/**
 * WASI 0.2 for components on graal-host, implemented on the Java host interfaces that bindings-gen
 * generates from {@code src/main/wit} ({@code dev.wasidl.wasi.bindings.*}). {@link
 * dev.wasidl.wasi.Wasi#add} defines every interface on a {@code Linker}; each instance gets its own
 * {@link dev.wasidl.wasi.WasiCtx} (its handle table, streams and grants), built from an immutable
 * {@link dev.wasidl.wasi.WasiConfig}, and closed with the instance. Capabilities are
 * deny-by-default: no environment, no directories, no network unless the config grants them.
 *
 * <p>Every WASI resource of an instance lives in {@link dev.wasidl.wasi.WasiCtx#table()}: input and
 * output streams as {@link dev.wasidl.wasi.HostInputStream} and {@link
 * dev.wasidl.wasi.HostOutputStream} (whatever makes them: stdio, files, sockets), pollables as
 * {@link dev.wasidl.wasi.HostPollable}, {@code wasi:io/error}s as {@link dev.wasidl.wasi.IoError}.
 * The streams host keeps the guest-visible state on top ({@code check-write} permits, closed after
 * a failure), and {@code wasi:io/poll} waits on any pollable. A guest's misuse (an unknown handle,
 * one of another type, a write over its permit) traps with a message.
 */
package dev.wasidl.wasi;

/**
 * Core WebAssembly on GraalWasm: {@link dev.wasidl.graal.GraalRuntime} (the engine), stores, module
 * instances and their memories, tables and globals, and host functions spun as typed classes
 * ({@link dev.wasidl.graal.HostFunction}), with store adapters that make a host function's queued
 * memory stores in compiled wasm.
 */
package dev.wasidl.graal;

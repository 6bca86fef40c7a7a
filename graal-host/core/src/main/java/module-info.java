/**
 * Core WebAssembly on GraalWasm ({@link dev.wasidl.graal.GraalRuntime}): stores, module instances,
 * memories, tables and globals, and host functions spun as typed classes so compiled wasm calls
 * them in a few nanoseconds. It knows components only through the canonical ABI's memory, realloc
 * and trap types.
 */
module dev.wasidl.core {
  exports dev.wasidl.graal;

  requires transitive dev.wasidl.component;
  requires transitive org.graalvm.polyglot;
}

/**
 * WebAssembly components on GraalWasm. {@code dev.wasidl.component} decodes and validates the
 * component binary format ({@link dev.wasidl.component.ComponentDecoder}); {@code dev.wasidl.graal}
 * runs and links core modules on GraalWasm ({@link dev.wasidl.graal.GraalRuntime}) with fast typed
 * host functions; {@code dev.wasidl.abi} is the canonical ABI and {@code dev.wasidl.types} the
 * resolved types and values it lifts and lowers.
 */
module dev.wasidl.graalhost {
  exports dev.wasidl.component;
  exports dev.wasidl.abi;
  exports dev.wasidl.graal;
  exports dev.wasidl.types;
  exports dev.wasidl.runtime;
  exports dev.wasidl.bindings;
  exports dev.wasidl.wasi;
  exports dev.wasidl.dl;
  exports dev.wasidl.keyvalue;
  exports dev.wasidl.cli;
  exports dev.wasidl.wrpc;

  // picocli fills the command classes' annotated fields reflectively.
  opens dev.wasidl.cli to
      info.picocli;

  // Generated from src/main/wit at build time (bindings-gen).
  exports dev.wasidl.wasi.bindings.wasi.cli;
  exports dev.wasidl.wasi.bindings.wasi.clocks;
  exports dev.wasidl.wasi.bindings.wasi.dl;
  exports dev.wasidl.wasi.bindings.wasi.filesystem;
  exports dev.wasidl.wasi.bindings.wasi.io;
  exports dev.wasidl.wasi.bindings.wasi.random;
  exports dev.wasidl.wasi.bindings.wasi.sockets;
  exports dev.wasidl.keyvalue.bindings.wasi.keyvalue;

  requires transitive org.graalvm.polyglot;
  requires transitive dev.wasidl.ffm;
  requires info.picocli;
  requires static transitive org.jspecify;
}

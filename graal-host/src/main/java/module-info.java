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

  requires transitive org.graalvm.polyglot;
  requires static transitive org.jspecify;
}

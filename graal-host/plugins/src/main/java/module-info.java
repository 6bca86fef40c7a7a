/**
 * Components plugged into components: {@code dev.wasidl.compose} fuses them into one component,
 * {@code dev.wasidl.keyvalue} hosts wasi:keyvalue, and {@code dev.wasidl.wrpc} links them across
 * processes over wRPC.
 */
module dev.wasidl.plugins {
  exports dev.wasidl.compose;
  exports dev.wasidl.keyvalue;
  exports dev.wasidl.wrpc;
  // Generated from src/main/wit-keyvalue at build time (bindings-gen).
  exports dev.wasidl.keyvalue.bindings.wasi.keyvalue;

  requires transitive dev.wasidl.runtime;
}

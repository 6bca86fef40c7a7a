/**
 * Components plugged into components: {@code dev.wasidl.compose} fuses them into one component,
 * {@code dev.wasidl.keyvalue} hosts wasi:keyvalue, {@code dev.wasidl.wrpc} links them across
 * processes over wRPC, and {@code dev.wasidl.isolate} runs wasi:dl in a worker process over it.
 */
module dev.wasidl.plugins {
  exports dev.wasidl.compose;
  exports dev.wasidl.keyvalue;
  exports dev.wasidl.wrpc;
  exports dev.wasidl.isolate;
  // Generated from src/main/wit-keyvalue at build time (bindings-gen).
  exports dev.wasidl.keyvalue.bindings.wasi.keyvalue;

  requires transitive dev.wasidl.runtime;
  requires transitive dev.wasidl.dl;
  requires java.management; // a worker JVM starts with this one's options
}

/** WASI 0.2 for components ({@link dev.wasidl.wasi.Wasi#add}), on generated host bindings. */
module dev.wasidl.wasi {
  exports dev.wasidl.wasi;
  // Generated from src/main/wit at build time (bindings-gen).
  exports dev.wasidl.wasi.bindings.wasi.cli;
  exports dev.wasidl.wasi.bindings.wasi.clocks;
  exports dev.wasidl.wasi.bindings.wasi.filesystem;
  exports dev.wasidl.wasi.bindings.wasi.io;
  exports dev.wasidl.wasi.bindings.wasi.random;
  exports dev.wasidl.wasi.bindings.wasi.sockets;

  requires transitive dev.wasidl.runtime;
}

/**
 * Components on GraalWasm, as wasmtime's component API: {@link dev.wasidl.runtime.Linker}, {@link
 * dev.wasidl.runtime.InstancePre}, {@link dev.wasidl.runtime.Instance}, {@link
 * dev.wasidl.runtime.Func}; and {@code dev.wasidl.bindings}, what generated host bindings run on.
 */
module dev.wasidl.runtime {
  exports dev.wasidl.runtime;
  exports dev.wasidl.bindings;

  requires transitive dev.wasidl.core;
  requires dev.wasidl.ffm; // LongBits, shared with bridge-ffm's raw calls
}

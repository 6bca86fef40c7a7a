/**
 * WebAssembly components on GraalWasm. This first part decodes and validates the component binary
 * format ({@link dev.wasidl.component.ComponentDecoder}) into the model in {@code
 * dev.wasidl.component}.
 */
module dev.wasidl.graalhost {
  exports dev.wasidl.component;
  exports dev.wasidl.abi;
  exports dev.wasidl.types;
}

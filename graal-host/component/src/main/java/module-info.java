/**
 * The component model without an engine: {@code dev.wasidl.component} decodes, validates and
 * encodes the component binary format ({@link dev.wasidl.component.ComponentDecoder}), {@code
 * dev.wasidl.types} holds resolved types and values ({@link dev.wasidl.types.Val}), and {@code
 * dev.wasidl.abi} is the canonical ABI: flattening, layout, lift and lower, handle tables. A host
 * on another engine can reuse all of it.
 */
module dev.wasidl.component {
  exports dev.wasidl.component;
  exports dev.wasidl.types;
  exports dev.wasidl.abi;
  // the binary format's reader and writer (the core module spins modules, compose writes
  // components)
  exports dev.wasidl.component.binary;

  requires static transitive org.jspecify;
}

/**
 * The WIT text format: {@code dev.wasidl.bindgen.wit.ast} lexes and parses {@code .wit} files,
 * {@code dev.wasidl.bindgen.wit} resolves packages (the {@code deps/} layout, worlds elaborated)
 * and prints them back ({@link dev.wasidl.bindgen.wit.WitPrinter}); {@link
 * dev.wasidl.bindgen.JavaNames} spells kebab-case names as Java identifiers for the generators.
 */
module dev.wasidl.bindgen.wit {
  // WIT's primitive types are the component model's own (dev.wasidl.types.Primitive).
  requires transitive dev.wasidl.component;
  requires static transitive org.jspecify;

  exports dev.wasidl.bindgen;
  exports dev.wasidl.bindgen.wit;
  exports dev.wasidl.bindgen.wit.ast;
}

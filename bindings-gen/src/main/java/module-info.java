/** Generators run at build time: WIT to Java host bindings, and C headers to signatures. */
module dev.wasidl.bindgen {
  requires static transitive org.jspecify;
  requires transitive dev.wasidl.ffm;

  exports dev.wasidl.bindgen;
  exports dev.wasidl.bindgen.c;
  exports dev.wasidl.bindgen.wit;
  exports dev.wasidl.bindgen.wit.ast;
  exports dev.wasidl.bindgen.host;
}

/** WIT worlds to Java host bindings ({@link dev.wasidl.bindgen.host.WitMain}, run by the build). */
module dev.wasidl.bindgen.host {
  requires transitive dev.wasidl.bindgen.wit;

  exports dev.wasidl.bindgen.host;
}

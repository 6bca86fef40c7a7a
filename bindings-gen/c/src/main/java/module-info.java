/**
 * C headers to wasi:dl signatures, policy pin files and Java FFM bindings, read with libclang
 * through its own FFM binding ({@code dev.wasidl.bindgen.c}).
 */
module dev.wasidl.bindgen.c {
  requires transitive dev.wasidl.bindgen.wit;
  requires transitive dev.wasidl.ffm;

  exports dev.wasidl.bindgen.c;
}

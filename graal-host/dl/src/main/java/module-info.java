/**
 * wasi:dl for components ({@link dev.wasidl.dl.WasiDl#add}, {@link dev.wasidl.dl.DlCtx}): native
 * libraries through bridge-ffm, behind a policy.
 */
module dev.wasidl.dl {
  exports dev.wasidl.dl;
  // Generated from src/main/wit at build time (bindings-gen).
  exports dev.wasidl.dl.bindings.wasi.dl;

  requires transitive dev.wasidl.wasi;
  requires transitive dev.wasidl.ffm;
}

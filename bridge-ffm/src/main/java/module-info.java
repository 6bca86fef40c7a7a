/**
 * wasi:dl semantics on java.lang.foreign: libraries opened with dlopen, symbols, typed allocs,
 * structs by value, and C calls whose signatures are built at run time.
 */
module dev.wasidl.ffm {
  requires static transitive org.jspecify;

  exports dev.wasidl.ffm;
}

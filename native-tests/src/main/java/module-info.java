/** The native test libraries of wasidl, built from C during the build: see {@code NativeLibs}. */
module dev.wasidl.nativetests {
  exports dev.wasidl.nativetests;
}

/** The wasidl command line ({@link dev.wasidl.cli.Main}): run, serve, compose, wit. */
module dev.wasidl.cli {
  exports dev.wasidl.cli;

  // picocli fills the command classes' annotated fields reflectively.
  opens dev.wasidl.cli to
      info.picocli;

  requires transitive dev.wasidl.plugins;
  requires transitive dev.wasidl.dl;
  requires dev.wasidl.bindgen.wit;
  requires info.picocli;
}

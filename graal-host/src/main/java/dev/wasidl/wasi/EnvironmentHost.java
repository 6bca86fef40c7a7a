package dev.wasidl.wasi;

/** The host side of {@code cli/Environment}: not implemented yet. */
final class EnvironmentHost implements dev.wasidl.wasi.bindings.wasi.cli.Environment {
  @SuppressWarnings({"UnusedVariable", "unused"}) // until every function is implemented
  private final WasiCtx ctx;

  EnvironmentHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public java.util.List<dev.wasidl.bindings.Tuple2<java.lang.String, java.lang.String>>
      getEnvironment() {
    throw Wasi.notImplemented("Environment.getEnvironment");
  }

  @Override
  public java.util.List<java.lang.String> getArguments() {
    throw Wasi.notImplemented("Environment.getArguments");
  }

  @Override
  public java.util.Optional<java.lang.String> initialCwd() {
    throw Wasi.notImplemented("Environment.initialCwd");
  }
}

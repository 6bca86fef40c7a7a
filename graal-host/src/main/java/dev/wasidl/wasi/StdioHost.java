package dev.wasidl.wasi;

/**
 * The host side of {@code cli/Stdin} and {@code cli/Stdout} and {@code cli/Stderr}: not implemented
 * yet.
 */
final class StdioHost
    implements dev.wasidl.wasi.bindings.wasi.cli.Stdin,
        dev.wasidl.wasi.bindings.wasi.cli.Stdout,
        dev.wasidl.wasi.bindings.wasi.cli.Stderr {
  @SuppressWarnings({"UnusedVariable", "unused"}) // until every function is implemented
  private final WasiCtx ctx;

  StdioHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.InputStream>
      getStdin() {
    throw Wasi.notImplemented("Stdin.getStdin");
  }

  @Override
  public dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream>
      getStdout() {
    throw Wasi.notImplemented("Stdout.getStdout");
  }

  @Override
  public dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream>
      getStderr() {
    throw Wasi.notImplemented("Stderr.getStderr");
  }
}

package dev.wasidl.wasi;

import dev.wasidl.bindings.Resource;
import dev.wasidl.wasi.bindings.wasi.cli.Stderr;
import dev.wasidl.wasi.bindings.wasi.cli.Stdin;
import dev.wasidl.wasi.bindings.wasi.cli.Stdout;
import dev.wasidl.wasi.bindings.wasi.io.Streams.InputStream;
import dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * {@code wasi:cli/stdin}, {@code stdout} and {@code stderr}: each call gives a new stream handle
 * over the config's streams. Every stdin handle shares one {@link InputPump} (made on the first
 * {@code get-stdin}, its thread started by the first read or poll); stdout and stderr write through
 * to the config's {@link java.io.OutputStream}s.
 */
final class StdioHost implements Stdin, Stdout, Stderr, AutoCloseable {
  private final WasiCtx ctx;
  private @Nullable InputPump stdin;
  private boolean closed;

  StdioHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public Resource<InputStream> getStdin() {
    return ctx.table().push(new PumpedInputStream(stdinPump()));
  }

  @Override
  public Resource<OutputStream> getStdout() {
    return ctx.table().push(new OutputStreamSink(ctx.config().stdout()));
  }

  @Override
  public Resource<OutputStream> getStderr() {
    return ctx.table().push(new OutputStreamSink(ctx.config().stderr()));
  }

  /** The stdin pump, if a guest asked for stdin. */
  synchronized @Nullable InputPump stdinPumpIfStarted() {
    return stdin;
  }

  private synchronized InputPump stdinPump() {
    if (stdin == null) {
      stdin = new InputPump(ctx.config().stdin(), "wasi-stdin", ctx::wake);
      if (closed) {
        stdin.close();
      }
    }
    return stdin;
  }

  /** Stops the stdin pump and flushes stdout and stderr. */
  @Override
  public synchronized void close() {
    closed = true;
    if (stdin != null) {
      stdin.close();
    }
    flushQuietly(ctx.config().stdout());
    flushQuietly(ctx.config().stderr());
  }

  private static void flushQuietly(java.io.OutputStream out) {
    try {
      out.flush();
    } catch (IOException e) {
      // Closing the context cannot fail; the application owns the stream and sees its state.
    }
  }
}

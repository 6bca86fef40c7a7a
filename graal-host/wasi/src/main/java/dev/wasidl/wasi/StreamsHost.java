package dev.wasidl.wasi;

import dev.wasidl.abi.Trap;
import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Result;
import dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable;
import dev.wasidl.wasi.bindings.wasi.io.Streams;
import java.io.EOFException;
import java.io.IOException;
import java.util.IdentityHashMap;

/**
 * {@code wasi:io/streams} over the {@link HostInputStream}s and {@link HostOutputStream}s of the
 * table, whatever made them (stdio, files, sockets). It keeps, per stream, the {@code check-write}
 * permit (writing more traps) and whether the stream is closed ({@code closed} from the stream, or
 * after a {@code last-operation-failed}: from then on every operation is {@code closed}).
 */
final class StreamsHost implements Streams {
  /** The most one read, skip or splice moves (the WIT's {@code len} is a u64; less is allowed). */
  static final int MAX_CHUNK = 1 << 20;

  /** The most {@code blocking-write-and-flush} and {@code blocking-write-zeroes-and-flush} take. */
  static final int MAX_BLOCKING_WRITE = 4096;

  private final WasiCtx ctx;
  private final IdentityHashMap<Object, State> states = new IdentityHashMap<>();

  /** A stream's state as the guest sees it. */
  private static final class State {
    long permit;
    boolean closed;
  }

  StreamsHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  // ---- input-stream

  @Override
  public Result<byte[], StreamError> inputStreamRead(Resource<InputStream> self, long len) {
    HostInputStream in = input(self);
    return call(state(in), () -> in.read(chunk(len)));
  }

  @Override
  public Result<byte[], StreamError> inputStreamBlockingRead(Resource<InputStream> self, long len) {
    HostInputStream in = input(self);
    return call(state(in), () -> len == 0 ? in.read(0) : in.blockingRead(chunk(len)));
  }

  @Override
  public Result<Long, StreamError> inputStreamSkip(Resource<InputStream> self, long len) {
    return skip(self, len, false);
  }

  @Override
  public Result<Long, StreamError> inputStreamBlockingSkip(Resource<InputStream> self, long len) {
    return skip(self, len, true);
  }

  @Override
  public Resource<Pollable> inputStreamSubscribe(Resource<InputStream> self) {
    HostInputStream in = input(self);
    return subscribe(in, in.pollable());
  }

  @Override
  public void dropInputStream(Resource<InputStream> self) {
    drop(self, input(self));
  }

  // ---- output-stream

  @Override
  public Result<Long, StreamError> outputStreamCheckWrite(Resource<OutputStream> self) {
    HostOutputStream out = output(self);
    State st = state(out);
    return call(
        st,
        () -> {
          st.permit = 0; // no permit unless check-write answers
          long n = out.checkWrite();
          st.permit = n;
          return n;
        });
  }

  @Override
  public Result<Void, StreamError> outputStreamWrite(Resource<OutputStream> self, byte[] contents) {
    HostOutputStream out = output(self);
    State st = state(out);
    return run(
        st,
        () -> {
          spend(st, contents.length, "write");
          out.write(contents);
        });
  }

  @Override
  public Result<Void, StreamError> outputStreamBlockingWriteAndFlush(
      Resource<OutputStream> self, byte[] contents) {
    HostOutputStream out = output(self);
    State st = state(out);
    if (contents.length > MAX_BLOCKING_WRITE) {
      throw new Trap(
          "output-stream.blocking-write-and-flush: "
              + contents.length
              + " bytes, more than the "
              + MAX_BLOCKING_WRITE
              + " it takes");
    }
    return writeAndFlush(out, st, contents);
  }

  @Override
  public Result<Void, StreamError> outputStreamFlush(Resource<OutputStream> self) {
    HostOutputStream out = output(self);
    return run(state(out), out::flush);
  }

  @Override
  public Result<Void, StreamError> outputStreamBlockingFlush(Resource<OutputStream> self) {
    HostOutputStream out = output(self);
    return run(
        state(out),
        () -> {
          out.flush();
          ctx.pollHost.block(out.pollable());
        });
  }

  @Override
  public Resource<Pollable> outputStreamSubscribe(Resource<OutputStream> self) {
    HostOutputStream out = output(self);
    return subscribe(out, out.pollable());
  }

  @Override
  public Result<Void, StreamError> outputStreamWriteZeroes(Resource<OutputStream> self, long len) {
    HostOutputStream out = output(self);
    State st = state(out);
    return run(
        st,
        () -> {
          spend(st, len, "write-zeroes");
          for (long left = len; left != 0; ) {
            int k = chunk(left);
            out.write(new byte[k]);
            left -= k;
          }
        });
  }

  @Override
  public Result<Void, StreamError> outputStreamBlockingWriteZeroesAndFlush(
      Resource<OutputStream> self, long len) {
    HostOutputStream out = output(self);
    State st = state(out);
    if (Long.compareUnsigned(len, MAX_BLOCKING_WRITE) > 0) {
      throw new Trap(
          "output-stream.blocking-write-zeroes-and-flush: "
              + Long.toUnsignedString(len)
              + " bytes, more than the "
              + MAX_BLOCKING_WRITE
              + " it takes");
    }
    return writeAndFlush(out, st, new byte[(int) len]);
  }

  @Override
  public Result<Long, StreamError> outputStreamSplice(
      Resource<OutputStream> self, Resource<InputStream> src, long len) {
    return splice(self, src, len, false);
  }

  @Override
  public Result<Long, StreamError> outputStreamBlockingSplice(
      Resource<OutputStream> self, Resource<InputStream> src, long len) {
    return splice(self, src, len, true);
  }

  @Override
  public void dropOutputStream(Resource<OutputStream> self) {
    drop(self, output(self));
  }

  // ---- shared

  /** A stream operation that may fail with an I/O error. */
  @FunctionalInterface
  private interface IoCall<T> {
    T call() throws IOException;
  }

  /** A stream operation without a value that may fail with an I/O error. */
  @FunctionalInterface
  private interface IoRun {
    void run() throws IOException;
  }

  /**
   * {@code ok} with what {@code op} returns; {@code closed} on a closed stream, else its failure.
   */
  private <T> Result<T, StreamError> call(State st, IoCall<T> op) {
    if (st.closed) {
      return Result.err(new StreamError.Closed());
    }
    try {
      return Result.ok(op.call());
    } catch (IOException e) {
      return Result.err(failed(st, e));
    }
  }

  /** {@code ok} once {@code op} has run; {@code closed} on a closed stream, else its failure. */
  private Result<Void, StreamError> run(State st, IoRun op) {
    if (st.closed) {
      return Result.err(new StreamError.Closed());
    }
    try {
      op.run();
      return Result.ok();
    } catch (IOException e) {
      return Result.err(failed(st, e));
    }
  }

  private Resource<Pollable> subscribe(Object stream, HostPollable p) {
    return ctx.table().push(closable(state(stream), p));
  }

  private void drop(Resource<?> self, java.io.Closeable stream) {
    ctx.table().delete(self);
    states.remove(stream);
    closeQuietly(stream);
  }

  private Result<Void, StreamError> writeAndFlush(HostOutputStream out, State st, byte[] contents) {
    return run(
        st,
        () -> {
          int done = 0;
          while (done < contents.length) {
            long n = out.checkWrite();
            if (n == 0) {
              ctx.pollHost.block(out.pollable());
              continue;
            }
            int k = (int) Math.min(n, contents.length - done);
            out.write(
                done == 0 && k == contents.length
                    ? contents
                    : java.util.Arrays.copyOfRange(contents, done, done + k));
            done += k;
          }
          out.flush();
          ctx.pollHost.block(out.pollable());
        });
  }

  private Result<Long, StreamError> splice(
      Resource<OutputStream> self, Resource<InputStream> src, long len, boolean blocking) {
    HostOutputStream out = output(self);
    HostInputStream in = input(src);
    State ost = state(out);
    State ist = state(in);
    if (ost.closed || ist.closed) {
      return Result.err(new StreamError.Closed());
    }
    long permit;
    try {
      permit = out.checkWrite();
      while (blocking && permit == 0) {
        ctx.pollHost.block(out.pollable());
        permit = out.checkWrite();
      }
    } catch (IOException e) {
      return Result.err(failed(ost, e));
    }
    int want = (int) Math.min(chunk(len), permit);
    byte[] bytes;
    try {
      bytes = want == 0 ? in.read(0) : blocking ? in.blockingRead(want) : in.read(want);
    } catch (IOException e) {
      return Result.err(failed(ist, e));
    }
    if (bytes.length > 0) {
      try {
        out.write(bytes);
      } catch (IOException e) {
        return Result.err(failed(ost, e));
      }
    }
    return Result.ok((long) bytes.length);
  }

  private Result<Long, StreamError> skip(Resource<InputStream> self, long len, boolean blocking) {
    Result<byte[], StreamError> r =
        blocking ? inputStreamBlockingRead(self, len) : inputStreamRead(self, len);
    return switch (r) {
      case Result.Ok<byte[], StreamError>(byte[] bytes) -> Result.ok((long) bytes.length);
      case Result.Err<byte[], StreamError>(StreamError e) -> Result.err(e);
    };
  }

  /** Takes {@code len} bytes of the check-write permit, trapping if it does not cover them. */
  private static void spend(State st, long len, String what) {
    if (Long.compareUnsigned(len, st.permit) > 0) {
      throw new Trap(
          "output-stream."
              + what
              + " of "
              + Long.toUnsignedString(len)
              + " bytes exceeds the "
              + st.permit
              + " bytes check-write permitted");
    }
    st.permit -= len;
  }

  /** {@code len} capped to what one call moves. */
  private static int chunk(long len) {
    return Long.compareUnsigned(len, MAX_CHUNK) > 0 ? MAX_CHUNK : (int) len;
  }

  /** The stream error for {@code e}; either way the stream is closed from now on. */
  private StreamError failed(State st, IOException e) {
    st.closed = true;
    if (e instanceof EOFException) {
      return new StreamError.Closed();
    }
    return new StreamError.LastOperationFailed(ctx.table().push(IoError.of(e)));
  }

  /** {@code p}, also ready once the stream is closed. */
  private static HostPollable closable(State st, HostPollable p) {
    return new HostPollable() {
      @Override
      public boolean ready() {
        return st.closed || p.ready();
      }

      @Override
      public long deadline() {
        return p.deadline();
      }
    };
  }

  private State state(Object stream) {
    return states.computeIfAbsent(stream, s -> new State());
  }

  private HostInputStream input(Resource<InputStream> r) {
    return ctx.table().get(r, HostInputStream.class);
  }

  private HostOutputStream output(Resource<OutputStream> r) {
    return ctx.table().get(r, HostOutputStream.class);
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // Dropping a handle cannot fail: what was lost is lost (the WIT says so for writes).
    }
  }
}

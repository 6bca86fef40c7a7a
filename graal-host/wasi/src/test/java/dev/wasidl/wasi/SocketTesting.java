package dev.wasidl.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Result;
import dev.wasidl.bindings.Tuple4;
import dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable;
import dev.wasidl.wasi.bindings.wasi.io.Streams.InputStream;
import dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpSocketAddress;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.Ipv4SocketAddress;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/**
 * What the socket tests share: a {@link WasiCtx}, waiting on pollables from its table the way
 * {@code poll} does, and the streams the way the streams host serves them ({@link
 * HostInputStream}/{@link HostOutputStream} from the table).
 */
final class SocketTesting {
  private SocketTesting() {}

  static final long TIMEOUT_NANOS = 10_000_000_000L;

  static WasiCtx ctx(boolean allowNet) {
    return new WasiCtx(WasiConfig.builder().allowNet(allowNet).build());
  }

  static IpSocketAddress ipv4(int a, int b, int c, int d, int port) {
    return new IpSocketAddress.Ipv4(
        new Ipv4SocketAddress((short) port, new Tuple4<>((byte) a, (byte) b, (byte) c, (byte) d)));
  }

  static IpSocketAddress loopback(int port) {
    return ipv4(127, 0, 0, 1, port);
  }

  static int port(IpSocketAddress address) {
    return SocketAddresses.port(address);
  }

  static <T> T ok(Result<T, ErrorCode> r) {
    return switch (r) {
      case Result.Ok<T, ErrorCode> o -> o.value();
      case Result.Err<T, ErrorCode> e -> throw new AssertionError("expected ok, got " + e.error());
    };
  }

  static void assertErr(ErrorCode expected, Result<?, ErrorCode> r) {
    switch (r) {
      case Result.Ok<?, ErrorCode> o ->
          fail("expected error " + expected + ", got ok " + o.value());
      case Result.Err<?, ErrorCode> e -> assertEquals(expected, e.error());
    }
  }

  /** Waits until the pollable in the table is ready, as {@code pollable.block} would. */
  static void block(WasiCtx ctx, Resource<Pollable> pollable) {
    block(ctx.table().get(pollable, HostPollable.class));
  }

  static void block(HostPollable p) {
    long deadline = System.nanoTime() + TIMEOUT_NANOS;
    while (!p.ready()) {
      if (System.nanoTime() > deadline) {
        fail("pollable not ready in time");
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  static HostInputStream in(WasiCtx ctx, Resource<InputStream> r) {
    return ctx.table().get(r, HostInputStream.class);
  }

  static HostOutputStream out(WasiCtx ctx, Resource<OutputStream> r) {
    return ctx.table().get(r, HostOutputStream.class);
  }

  /** Reads exactly {@code n} bytes, waiting on the stream's pollable between reads. */
  static byte[] readN(HostInputStream in, int n) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    while (got.size() < n) {
      block(in.pollable());
      got.write(in.read(n - got.size()));
    }
    return got.toByteArray();
  }

  /** Reads until the end of the stream. */
  static byte[] readToEnd(HostInputStream in) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    while (true) {
      block(in.pollable());
      try {
        got.write(in.read(4096));
      } catch (EOFException e) {
        return got.toByteArray();
      }
    }
  }

  /** Writes everything, as {@code blocking-write-and-flush} does: check-write, write, flush. */
  static void writeAll(HostOutputStream out, byte[] bytes) throws IOException {
    int off = 0;
    while (off < bytes.length) {
      block(out.pollable());
      long permit = out.checkWrite();
      int n = (int) Math.min(permit, bytes.length - off);
      out.write(Arrays.copyOfRange(bytes, off, off + n));
      off += n;
    }
    out.flush();
    block(out.pollable());
    assertTrue(out.checkWrite() > 0);
  }
}

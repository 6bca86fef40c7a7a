package dev.wasidl.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Result;
import dev.wasidl.wasi.bindings.wasi.cli.Stdin;
import dev.wasidl.wasi.bindings.wasi.cli.Stdout;
import dev.wasidl.wasi.bindings.wasi.io.Error;
import dev.wasidl.wasi.bindings.wasi.io.Poll;
import dev.wasidl.wasi.bindings.wasi.io.Streams;
import dev.wasidl.wasi.bindings.wasi.io.Streams.InputStream;
import dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream;
import dev.wasidl.wasi.bindings.wasi.io.Streams.StreamError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code wasi:io/streams} (with {@code wasi:io/error} and the stdio streams) through the generated
 * interfaces on a real {@link WasiCtx}.
 */
class StreamsHostTest {
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

  private WasiCtx ctx(String stdin) {
    return new WasiCtx(
        WasiConfig.builder()
            .stdin(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
            .stdout(stdout)
            .build());
  }

  private static byte[] ok(Result<byte[], StreamError> r) {
    assertTrue(r.isOk(), () -> "expected ok, got " + r);
    return r.unwrap();
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static boolean closed(Result<?, StreamError> r) {
    return r instanceof Result.Err<?, StreamError>(StreamError e)
        && e instanceof StreamError.Closed;
  }

  @Test
  void stdoutWritesWithinThePermitAndFlushes() {
    try (WasiCtx ctx = ctx("")) {
      Streams s = ctx.streamsHost;
      Resource<OutputStream> out = ((Stdout) ctx.stdioHost).getStdout();
      assertEquals(Result.ok(OutputStreamSink.BUDGET), s.outputStreamCheckWrite(out));
      assertTrue(s.outputStreamWrite(out, "hello ".getBytes(StandardCharsets.UTF_8)).isOk());
      assertTrue(s.outputStreamWrite(out, "world".getBytes(StandardCharsets.UTF_8)).isOk());
      assertTrue(s.outputStreamFlush(out).isOk());
      assertTrue(s.outputStreamBlockingFlush(out).isOk());
      assertEquals("hello world", stdout.toString(StandardCharsets.UTF_8));
      Resource<Poll.Pollable> p = s.outputStreamSubscribe(out);
      assertTrue(ctx.pollHost.pollableReady(p));
      ctx.pollHost.dropPollable(p);
      s.dropOutputStream(out);
      assertEquals(0, ctx.table().size());
    }
  }

  @Test
  void writingMoreThanCheckWritePermittedTraps() {
    try (WasiCtx ctx = ctx("")) {
      Streams s = ctx.streamsHost;
      Resource<OutputStream> out = ((Stdout) ctx.stdioHost).getStdout();
      Trap t = assertThrows(Trap.class, () -> s.outputStreamWrite(out, new byte[1]));
      assertTrue(
          t.getMessage().contains("exceeds the 0 bytes check-write permitted"), t::getMessage);
      assertTrue(s.outputStreamWrite(out, new byte[0]).isOk());
      s.outputStreamCheckWrite(out);
      int budget = (int) OutputStreamSink.BUDGET;
      assertTrue(s.outputStreamWrite(out, new byte[budget - 10]).isOk());
      assertThrows(Trap.class, () -> s.outputStreamWrite(out, new byte[11]));
      assertThrows(Trap.class, () -> s.outputStreamWriteZeroes(out, 11));
      assertThrows(Trap.class, () -> s.outputStreamWriteZeroes(out, -1L)); // u64 max
      assertTrue(s.outputStreamWriteZeroes(out, 10).isOk());
      assertEquals(budget, stdout.size());
    }
  }

  @Test
  void blockingWriteAndFlushTakesAtMost4096Bytes() {
    try (WasiCtx ctx = ctx("")) {
      Streams s = ctx.streamsHost;
      Resource<OutputStream> out = ((Stdout) ctx.stdioHost).getStdout();
      assertTrue(s.outputStreamBlockingWriteAndFlush(out, new byte[4096]).isOk());
      Trap t =
          assertThrows(Trap.class, () -> s.outputStreamBlockingWriteAndFlush(out, new byte[4097]));
      assertTrue(t.getMessage().contains("4096"), t::getMessage);
      assertTrue(s.outputStreamBlockingWriteZeroesAndFlush(out, 4096).isOk());
      assertThrows(Trap.class, () -> s.outputStreamBlockingWriteZeroesAndFlush(out, 4097));
      assertThrows(Trap.class, () -> s.outputStreamBlockingWriteZeroesAndFlush(out, -1L));
      assertEquals(8192, stdout.size());
      assertArrayEquals(new byte[8192], stdout.toByteArray());
    }
  }

  /** An I/O failure is last-operation-failed with an error resource once, then closed forever. */
  @Test
  void failedWriteIsLastOperationFailedThenClosed() {
    java.io.OutputStream broken =
        new java.io.OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("disk full");
          }
        };
    try (WasiCtx ctx = new WasiCtx(WasiConfig.builder().stderr(broken).build())) {
      Streams s = ctx.streamsHost;
      Resource<OutputStream> err = ctx.stdioHost.getStderr();
      s.outputStreamCheckWrite(err);
      Result<Void, StreamError> r = s.outputStreamWrite(err, new byte[] {1});
      var failed =
          assertInstanceOf(
              StreamError.LastOperationFailed.class, ((Result.Err<Void, StreamError>) r).error());
      Error errors = ctx.errorHost;
      assertEquals("disk full", errors.errorToDebugString(failed.value()));
      assertInstanceOf(IOException.class, ctx.table().get(failed.value(), IoError.class).cause());
      errors.dropError(failed.value());
      assertTrue(closed(s.outputStreamCheckWrite(err)));
      assertTrue(closed(s.outputStreamWrite(err, new byte[0])));
      assertTrue(closed(s.outputStreamFlush(err)));
      assertTrue(closed(s.outputStreamBlockingWriteAndFlush(err, new byte[1])));
      Resource<Poll.Pollable> p = s.outputStreamSubscribe(err);
      assertTrue(ctx.pollHost.pollableReady(p), "a closed stream's pollable is ready");
    }
  }

  @Test
  void stdinReadsThenReportsClosed() {
    try (WasiCtx ctx = ctx("hello")) {
      Streams s = ctx.streamsHost;
      Resource<InputStream> in = ((Stdin) ctx.stdioHost).getStdin();
      assertEquals("", text(ok(s.inputStreamRead(in, 0))));
      assertEquals("hel", text(ok(s.inputStreamBlockingRead(in, 3))));
      ctx.pollHost.pollableBlock(s.inputStreamSubscribe(in));
      assertEquals("lo", text(ok(s.inputStreamRead(in, 100))));
      assertTrue(closed(s.inputStreamBlockingRead(in, 1)));
      assertTrue(closed(s.inputStreamRead(in, 0)));
      assertTrue(closed(s.inputStreamSkip(in, 1)));
    }
  }

  @Test
  void skipConsumesBytes() {
    try (WasiCtx ctx = ctx("abcdef")) {
      Streams s = ctx.streamsHost;
      Resource<InputStream> in = ctx.stdioHost.getStdin();
      assertEquals(Result.ok(2L), s.inputStreamBlockingSkip(in, 2));
      assertEquals("cdef", text(ok(s.inputStreamBlockingRead(in, -1L)))); // u64 max: capped
      assertTrue(closed(s.inputStreamBlockingSkip(in, 5)));
    }
  }

  @Test
  void blockingSpliceCopiesStdinToStdout() {
    String data = "x".repeat(100_000);
    try (WasiCtx ctx = ctx(data)) {
      Streams s = ctx.streamsHost;
      Resource<InputStream> in = ctx.stdioHost.getStdin();
      Resource<OutputStream> out = ctx.stdioHost.getStdout();
      long total = 0;
      while (true) {
        Result<Long, StreamError> r = s.outputStreamBlockingSplice(out, in, 30_000);
        if (closed(r)) {
          break;
        }
        long n = r.unwrap();
        assertTrue(n > 0 && n <= 30_000, "moved " + n);
        total += n;
      }
      assertEquals(data.length(), total);
      assertEquals(data, stdout.toString(StandardCharsets.UTF_8));
      assertTrue(
          closed(s.outputStreamSplice(out, ctx.stdioHost.getStdin(), 0)),
          "a new stdin handle after the end is closed too");
    }
  }

  @Test
  void nonBlockingReadReturnsWhatIsThereAndThePollableSaysWhen() throws Exception {
    BlockingSource src = new BlockingSource();
    try (WasiCtx ctx = new WasiCtx(WasiConfig.builder().stdin(src).build())) {
      Streams s = ctx.streamsHost;
      Resource<InputStream> in = ctx.stdioHost.getStdin();
      Resource<Poll.Pollable> p = s.inputStreamSubscribe(in);
      assertEquals(0, ok(s.inputStreamRead(in, 10)).length);
      assertFalse(ctx.pollHost.pollableReady(p));
      src.feed("late");
      assertEquals(List.of(0), ctx.pollHost.poll(List.of(p)));
      assertEquals("late", text(ok(s.inputStreamRead(in, 10))));
      assertEquals(0, ok(s.inputStreamRead(in, 10)).length);
      src.end();
      assertTrue(closed(s.inputStreamBlockingRead(in, 10)));
      assertTrue(ctx.pollHost.pollableReady(p));
    }
  }

  /** The pump thread starts on first use and stops when the last stdin handle is dropped. */
  @Test
  void stdinPumpStopsWhenItsStreamIsDropped() throws Exception {
    BlockingSource src = new BlockingSource();
    WasiCtx ctx = new WasiCtx(WasiConfig.builder().stdin(src).build());
    {
      Streams s = ctx.streamsHost;
      Resource<InputStream> a = ctx.stdioHost.getStdin();
      Resource<InputStream> b = ctx.stdioHost.getStdin();
      InputPump pump = ctx.stdioHost.stdinPumpIfStarted();
      assertFalse(pump.running(), "not started before the first read");
      s.inputStreamRead(a, 1);
      Thread t = pump.thread();
      assertTrue(t.isDaemon());
      s.dropInputStream(a);
      src.feed("one");
      assertEquals("one", text(ok(s.inputStreamBlockingRead(b, 10))), "b still reads");
      s.dropInputStream(b);
      src.feed("two"); // unblocks the pump's read, after which it sees it should stop
      t.join(5000);
      assertFalse(t.isAlive());
      Resource<InputStream> c = ctx.stdioHost.getStdin();
      assertEquals("two", text(ok(s.inputStreamBlockingRead(c, 10))), "nothing read was lost");
      Thread t2 = pump.thread();
      assertTrue(t2.isAlive());
      ctx.close();
      src.feed("three");
      t2.join(5000);
      assertFalse(t2.isAlive(), "closing the context stops the pump");
    }
  }

  @Test
  void unknownHandlesAndHandlesOfAnotherTypeTrap() {
    try (WasiCtx ctx = ctx("")) {
      Streams s = ctx.streamsHost;
      Resource<OutputStream> out = ctx.stdioHost.getStdout();
      Resource<InputStream> notAnInput = new Resource<>(out.rep());
      Trap t = assertThrows(Trap.class, () -> s.inputStreamRead(notAnInput, 1));
      assertTrue(t.getMessage().contains("not a HostInputStream"), t::getMessage);
      assertThrows(Trap.class, () -> s.dropInputStream(notAnInput));
      assertThrows(Trap.class, () -> ctx.pollHost.pollableReady(new Resource<>(out.rep())));
      assertThrows(Trap.class, () -> ctx.errorHost.errorToDebugString(new Resource<>(out.rep())));
      s.dropOutputStream(out);
      t = assertThrows(Trap.class, () -> s.outputStreamCheckWrite(out));
      assertTrue(t.getMessage().contains("unknown host resource rep"), t::getMessage);
      assertThrows(Trap.class, () -> s.outputStreamWrite(new Resource<>(99), new byte[0]));
      assertThrows(Trap.class, () -> ctx.pollHost.poll(List.of(new Resource<>(0))));
    }
  }

  /**
   * An output stream as a file or socket host would push it: it takes 3 bytes at a time, is busy
   * for 5 ms after each write (check-write 0, its pollable a timer), and ends after 15 bytes.
   */
  private static final class TrickleSink implements HostOutputStream {
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    long busyUntil = System.nanoTime();
    int flushes;

    @Override
    public long checkWrite() throws IOException {
      if (written.size() >= 15) {
        throw new java.io.EOFException();
      }
      return System.nanoTime() - busyUntil >= 0 ? 3 : 0;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
      if (written.size() + bytes.length > 15) {
        throw new java.io.EOFException();
      }
      written.write(bytes);
      // busy long enough that "busy right after a write" holds on a loaded machine (5 ms did not)
      busyUntil = System.nanoTime() + 50_000_000;
    }

    @Override
    public void flush() {
      flushes++;
    }

    @Override
    public HostPollable pollable() {
      return HostPollable.at(busyUntil);
    }
  }

  @Test
  void blockingWritesWaitForAStreamThatTakesLittleAtATime() {
    try (WasiCtx ctx = ctx("abcdefgh")) {
      Streams s = ctx.streamsHost;
      TrickleSink sink = new TrickleSink();
      Resource<OutputStream> out = ctx.table().push(sink);
      assertTrue(
          s.outputStreamBlockingWriteAndFlush(out, "0123456".getBytes(StandardCharsets.UTF_8))
              .isOk());
      assertEquals("0123456", sink.written.toString(StandardCharsets.UTF_8));
      assertEquals(1, sink.flushes);
      assertEquals(Result.ok(3L), s.outputStreamCheckWrite(out), "the blocking write waited");
      assertTrue(s.outputStreamWrite(out, "789".getBytes(StandardCharsets.UTF_8)).isOk());
      assertThrows(Trap.class, () -> s.outputStreamWrite(out, new byte[1]), "permit spent");
      assertEquals(Result.ok(0L), s.outputStreamCheckWrite(out), "busy right after a write");
      ctx.pollHost.pollableBlock(s.outputStreamSubscribe(out));
      assertEquals(Result.ok(3L), s.outputStreamCheckWrite(out));
      Resource<InputStream> in = ctx.stdioHost.getStdin();
      assertEquals(Result.ok(3L), s.outputStreamBlockingSplice(out, in, 100));
      assertEquals(Result.ok(2L), s.outputStreamBlockingSplice(out, in, 2));
      assertEquals("0123456789abcde", sink.written.toString(StandardCharsets.UTF_8));
      assertTrue(closed(s.outputStreamCheckWrite(out)), "ended");
      assertTrue(closed(s.outputStreamBlockingSplice(out, in, 1)));
      assertEquals("fgh", text(ok(s.inputStreamBlockingRead(in, 10))), "splice took nothing");
    }
  }
}

package dev.wasidl.keyvalue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.wasidl.wrpc.Framing;
import dev.wasidl.wrpc.WireWriter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A wRPC client written by hand, byte for byte, for kv-memory-c's store: well-behaved calls to
 * check that a server still answers correctly, and the pieces hostile clients are made of.
 */
final class WireClient {
  static final String STORE = "wasi:keyvalue/store@0.2.0-draft2";

  private WireClient() {}

  /** Calls {@code STORE#name} with {@code params} in one frame; the results' bytes. */
  static byte[] call(InetSocketAddress server, String name, byte[] params) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(server, 10_000);
      s.setSoTimeout(20_000);
      OutputStream out = new BufferedOutputStream(s.getOutputStream());
      out.write(Framing.header(STORE, name));
      out.write(Framing.frame(List.of(), params));
      out.flush();
      s.shutdownOutput();
      return results(s.getInputStream());
    }
  }

  /** The data of all root frames until the server closes (no size limit: a test's own reader). */
  static byte[] results(InputStream raw) throws IOException {
    InputStream in = new BufferedInputStream(raw);
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    boolean any = false;
    while (true) {
      int first = in.read();
      if (first < 0) {
        break;
      }
      any = true;
      long depth = uleb(in, first);
      for (long i = 0; i < depth; i++) {
        uleb(in, in.read());
      }
      long n = uleb(in, in.read());
      byte[] chunk = in.readNBytes(Math.toIntExact(n));
      if (chunk.length != n) {
        throw new EOFException("the server closed inside a result frame");
      }
      data.write(chunk);
    }
    if (!any) {
      throw new EOFException("the server closed the connection without a result");
    }
    return data.toByteArray();
  }

  private static long uleb(InputStream in, int first) throws IOException {
    long v = 0;
    int shift = 0;
    int b = first;
    while (true) {
      if (b < 0) {
        throw new EOFException("the server closed inside a frame header");
      }
      v |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
      shift += 7;
      b = in.read();
    }
  }

  static byte[] string(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return new WireWriter().uleb(b.length).bytes(b).toByteArray();
  }

  /** open(name): the bucket's 16-byte handle. */
  static byte[] open(InetSocketAddress server, String name) throws IOException {
    byte[] r = call(server, "open", string(name));
    if (r.length != 18 || r[0] != 0 || r[1] != 16) {
      throw new AssertionError("open: unexpected result " + HexFormat.of().formatHex(r));
    }
    return Arrays.copyOfRange(r, 2, 18);
  }

  /** The parameters of bucket.set(handle, key, value), up to the value's bytes (not included). */
  static byte[] setPrefix(byte[] handle, String key, long valueLength) {
    return new WireWriter()
        .uleb(handle.length)
        .bytes(handle)
        .bytes(string(key))
        .uleb(valueLength)
        .toByteArray();
  }

  static void set(InetSocketAddress server, byte[] handle, String key, byte[] value)
      throws IOException {
    byte[] params =
        new WireWriter().bytes(setPrefix(handle, key, value.length)).bytes(value).toByteArray();
    assertArrayEquals(new byte[] {0}, call(server, "bucket.set", params), "set: ok");
  }

  /** bucket.get(handle, key): the value, or null if there is none. */
  static byte[] get(InetSocketAddress server, byte[] handle, String key) throws IOException {
    byte[] params =
        new WireWriter().uleb(handle.length).bytes(handle).bytes(string(key)).toByteArray();
    byte[] r = call(server, "bucket.get", params);
    if (r.length == 2 && r[0] == 0 && r[1] == 0) {
      return null;
    }
    if (r.length < 3 || r[0] != 0 || r[1] != 1) {
      throw new AssertionError("get: unexpected result " + HexFormat.of().formatHex(r, 0, 8));
    }
    InputStream in = new java.io.ByteArrayInputStream(r, 2, r.length - 2);
    long n = uleb(in, in.read());
    byte[] value = in.readAllBytes();
    if (value.length != n) {
      throw new AssertionError("get: " + value.length + " bytes for a length of " + n);
    }
    return value;
  }

  /** A real client's round trip: open, set, get back, drop; fails unless all is answered right. */
  static void roundTrip(InetSocketAddress server, String key) throws IOException {
    byte[] handle = open(server, "app");
    byte[] value = (key + " value").getBytes(StandardCharsets.UTF_8);
    set(server, handle, key, value);
    assertArrayEquals(value, get(server, handle, key), "get returns what set stored");
    byte[] drop =
        call(
            server, "[resource-drop]bucket", new WireWriter().uleb(16).bytes(handle).toByteArray());
    assertArrayEquals(new byte[0], drop, "a drop has no results");
  }
}

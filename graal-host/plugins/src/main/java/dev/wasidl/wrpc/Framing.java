package dev.wasidl.wrpc;

import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * wRPC's framed stream (SPEC.md, "Framed stream specification"): a version byte {@code 0x00}, the
 * header {@code record header { instance: string, name: string }}, then frames {@code record frame
 * { path: list<u32>, data: list<u8> }}, all in the value encoding. Over TCP each invocation has its
 * own connection: the client writes the header and its parameter frames and shuts down its write
 * side; the server answers with result frames and closes.
 */
public final class Framing {
  /** The framing protocol version byte. */
  public static final int PROTOCOL = 0;

  /** Most bytes one message (parameters or results) may take unless told otherwise: 64 MiB. */
  public static final int DEFAULT_MAX_MESSAGE = 64 << 20;

  private static final int MAX_NAME = 1 << 16;
  private static final int MAX_DEPTH = 32;

  /** An invocation's header: which function of which instance. */
  public record Header(String instance, String name) {}

  private Framing() {}

  /** The version byte and the header. */
  public static byte[] header(String instance, String name) {
    WireWriter w = new WireWriter().u8(PROTOCOL);
    name(w, instance);
    name(w, name);
    return w.toByteArray();
  }

  /** One frame at {@code path}. */
  public static byte[] frame(List<Integer> path, byte[] data) {
    WireWriter w = new WireWriter().uleb(path.size());
    for (int i : path) {
      w.uleb(Integer.toUnsignedLong(i));
    }
    return w.uleb(data.length).bytes(data).toByteArray();
  }

  private static void name(WireWriter w, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    w.uleb(b.length).bytes(b);
  }

  /**
   * Reads the version byte and the header.
   *
   * @throws EOFException if the stream ends first
   * @throws WrpcException on another version or a malformed header
   */
  public static Header readHeader(InputStream in) throws IOException {
    int version = in.read();
    if (version < 0) {
      throw new EOFException("connection closed before the invocation header");
    }
    if (version != PROTOCOL) {
      throw new WrpcException("unsupported wRPC framing version " + version);
    }
    return new Header(readName(in), readName(in));
  }

  private static String readName(InputStream in) throws IOException {
    long n = readUleb(in, 32);
    if (n > MAX_NAME) {
      throw new WrpcException("name of " + n + " bytes in the header");
    }
    byte[] b = in.readNBytes((int) n);
    if (b.length != n) {
      throw new EOFException("connection closed inside the invocation header");
    }
    return new String(b, StandardCharsets.UTF_8);
  }

  /**
   * Reads one frame; null if the stream ends cleanly before it.
   *
   * @throws EOFException if the stream ends inside a frame
   */
  public static Frame readFrame(InputStream in) throws IOException {
    int first = in.read();
    if (first < 0) {
      return null;
    }
    long depth = readUleb(in, 32, first);
    if (depth > MAX_DEPTH) {
      throw new WrpcException("frame path of depth " + depth);
    }
    List<Integer> path = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      path.add((int) readUleb(in, 32));
    }
    long n = readUleb(in, 64);
    if (n < 0 || n > DEFAULT_MAX_MESSAGE) {
      throw new WrpcException(
          "a frame of "
              + Long.toUnsignedString(n)
              + " bytes exceeds the limit of "
              + DEFAULT_MAX_MESSAGE
              + " bytes");
    }
    byte[] data = in.readNBytes((int) n);
    if (data.length != n) {
      throw new EOFException("connection closed inside a frame");
    }
    return new Frame(path, data);
  }

  /**
   * Reads root frames until they hold values of {@code types} in order (parameters or results) and
   * decodes them with {@code handles}, at most {@link #DEFAULT_MAX_MESSAGE} bytes.
   *
   * @throws EOFException if the stream ends first (for no types: never)
   * @throws WrpcException on a frame for an asynchronous value, or bytes that do not decode
   */
  public static List<Val> readValues(InputStream in, List<Type> types, WireHandles handles)
      throws IOException {
    Budget.Charge charge = Budget.UNLIMITED.open();
    return readValues(in, types, handles, DEFAULT_MAX_MESSAGE, charge);
  }

  /**
   * Reads values of {@code types} from root frames as they arrive: one pass, linear in the size of
   * the message, which may take at most {@code limit} bytes; what the values hold is charged to
   * {@code charge}. Handles are given meaning only once every value has arrived.
   */
  static List<Val> readValues(
      InputStream in, List<Type> types, WireHandles handles, long limit, Budget.Charge charge)
      throws IOException {
    RootFrames frames = new RootFrames(in, limit, charge);
    WireReader r = new WireReader(frames);
    DeferredHandles deferred = new DeferredHandles();
    List<Val> values = new ArrayList<>(types.size());
    try {
      for (Type t : types) {
        values.add(ValueCodec.decode(t, r, deferred));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (frames.leftInFrame() != 0) {
      throw new WrpcException(frames.leftInFrame() + " bytes after the values");
    }
    return deferred.resolve(values, handles);
  }

  /** The values of {@code types}, encoded one after the other. */
  public static byte[] encodeValues(List<Type> types, List<Val> values, WireHandles handles)
      throws WrpcException {
    WireWriter w = new WireWriter();
    for (int i = 0; i < types.size(); i++) {
      ValueCodec.encode(types.get(i), values.get(i), handles, w);
    }
    return w.toByteArray();
  }

  /** Writes the values of {@code types} as one root frame. */
  public static void writeValues(OutputStream out, byte[] encoded) throws IOException {
    out.write(frame(List.of(), encoded));
  }

  static long readUleb(InputStream in, int bits) throws IOException {
    int first = in.read();
    if (first < 0) {
      throw new EOFException("connection closed inside a frame");
    }
    return readUleb(in, bits, first);
  }

  static long readUleb(InputStream in, int bits, int first) throws IOException {
    byte[] b = new byte[(bits + 6) / 7];
    int n = 0;
    int c = first;
    while (true) {
      b[n++] = (byte) c;
      if ((c & 0x80) == 0 || n == b.length) {
        break;
      }
      c = in.read();
      if (c < 0) {
        throw new EOFException("connection closed inside a frame");
      }
    }
    try {
      return new WireReader(b, n).uleb(bits);
    } catch (EOFException e) {
      throw new WrpcException("LEB128 value too long");
    }
  }
}

package dev.wasidl.wrpc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A persistent connection to a {@link Server#startSessions session server}: invocations one after
 * another on one connection, each a message of wRPC's bytes (header, parameter frame) and each
 * answer a status byte and a message (the result bytes, or why the call failed). wasidl's own
 * transport for a peer it runs itself (a wasi:dl worker): it saves a connection and the server's
 * thread hand-offs per call, which are most of what a wRPC call costs. Messages are {@code u32}
 * big-endian length-prefixed. One call at a time; a call not answered within the timeout fails with
 * a {@link java.net.SocketTimeoutException} and leaves the session unusable.
 */
public final class Session implements AutoCloseable {
  private static final int OK = 0;
  private static final int FAILED = 1;

  private final SocketAddress address;
  private final Link.Unix link;
  private final DataInputStream in;
  private final DataOutputStream out;
  private final Duration timeout;
  private boolean broken;

  private Session(SocketAddress address, Link.Unix link, Duration timeout) throws IOException {
    this.address = address;
    this.link = link;
    this.in = new DataInputStream(link.in());
    this.out = new DataOutputStream(link.out());
    this.timeout = timeout;
  }

  /** Connects to the session server on the Unix domain socket {@code address}. */
  public static Session open(SocketAddress address, Duration timeout) throws IOException {
    if (!(Link.connect(address, timeout) instanceof Link.Unix unix)) {
      throw new IOException("sessions run on Unix domain sockets, not " + address);
    }
    unix.disarm();
    return new Session(address, unix, timeout);
  }

  /** Where the session is connected. */
  public SocketAddress address() {
    return address;
  }

  /** Whether a call failed on the connection itself, so that no other may follow. */
  public synchronized boolean isBroken() {
    return broken;
  }

  /**
   * Sends one invocation ({@link Framing#header} and the parameter frame) and returns its results'
   * bytes.
   *
   * @throws WrpcException if the server could not run it (its reason)
   * @throws IOException if the connection failed: the session is broken
   */
  public synchronized InputStream call(byte[] invocation) throws IOException {
    if (broken) {
      throw new IOException("the session broke on an earlier call");
    }
    boolean done = false;
    link.arm(timeout);
    try {
      out.writeInt(invocation.length);
      out.write(invocation);
      out.flush();
      int status = in.read();
      if (status < 0) {
        throw new EOFException("the server closed the session without a result");
      }
      byte[] body = readMessage(in, Integer.MAX_VALUE);
      done = true;
      if (status == FAILED) {
        throw new WrpcException(new String(body, StandardCharsets.UTF_8));
      }
      return new ByteArrayInputStream(body);
    } finally {
      link.disarm();
      if (!done) {
        broken = true;
      }
    }
  }

  @Override
  public synchronized void close() {
    broken = true;
    try {
      link.close();
    } catch (IOException e) {
      // closed anyway
    }
  }

  /** Reads a length-prefixed message of at most {@code max} bytes. */
  static byte[] readMessage(DataInputStream in, int max) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > max) {
      throw new WrpcException("a message of " + Integer.toUnsignedString(length) + " bytes");
    }
    return in.readNBytes(length);
  }

  /** Answers with {@code results} (encoded values), framed as wRPC's transport frames them. */
  static void writeResults(DataOutputStream out, byte[] results) throws IOException {
    ByteArrayOutputStream framed = new ByteArrayOutputStream(results.length + 8);
    Framing.writeValues(framed, results);
    writeMessage(out, OK, framed.toByteArray());
    out.flush();
  }

  static void writeFailure(DataOutputStream out, String why) throws IOException {
    writeMessage(out, FAILED, why.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void writeMessage(DataOutputStream out, int status, byte[] body)
      throws IOException {
    out.writeByte(status);
    out.writeInt(body.length);
    out.write(body);
  }
}

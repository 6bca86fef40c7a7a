package dev.wasidl.wasi;

import dev.wasidl.bindings.Result;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/**
 * A {@code wasi:sockets} operation failed with {@link #code()}: thrown inside the socket hosts and
 * returned to the guest as the {@code error-code} of a {@code result}, never as a trap.
 */
final class SocketError extends Exception {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  SocketError(ErrorCode code) {
    super(code.wit(), null, false, false);
    this.code = code;
  }

  SocketError(ErrorCode code, Throwable cause) {
    super(code.wit() + ": " + cause.getMessage(), cause, false, false);
    this.code = code;
  }

  ErrorCode code() {
    return code;
  }

  /** A socket operation with a value. */
  @FunctionalInterface
  interface Op<T> {
    T run() throws SocketError;
  }

  /** A socket operation without a value. */
  @FunctionalInterface
  interface Action {
    void run() throws SocketError;
  }

  /** {@code ok} with what {@code op} returns, or {@code err} with the code it failed with. */
  static <T> Result<T, ErrorCode> result(Op<T> op) {
    try {
      return Result.ok(op.run());
    } catch (SocketError e) {
      return Result.err(e.code());
    }
  }

  /** {@code ok} once {@code action} has run, or {@code err} with the code it failed with. */
  static Result<Void, ErrorCode> run(Action action) {
    try {
      action.run();
      return Result.ok();
    } catch (SocketError e) {
      return Result.err(e.code());
    }
  }

  /** The error code for an I/O failure of a socket operation (the errno behind Java's message). */
  static SocketError of(IOException e) {
    return new SocketError(codeOf(e), e);
  }

  static ErrorCode codeOf(IOException e) {
    if (e instanceof ClosedChannelException) {
      return ErrorCode.INVALID_STATE;
    }
    if (e instanceof SocketTimeoutException) {
      return ErrorCode.TIMEOUT;
    }
    if (e instanceof NoRouteToHostException) {
      return ErrorCode.REMOTE_UNREACHABLE;
    }
    if (e instanceof PortUnreachableException) {
      return ErrorCode.CONNECTION_REFUSED;
    }
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (m.contains("already in use")) {
      return ErrorCode.ADDRESS_IN_USE;
    }
    if (m.contains("cannot assign requested address")) {
      return e instanceof BindException ? ErrorCode.ADDRESS_NOT_BINDABLE : ErrorCode.ADDRESS_IN_USE;
    }
    if (m.contains("refused")) {
      return ErrorCode.CONNECTION_REFUSED;
    }
    if (m.contains("timed out")) {
      return ErrorCode.TIMEOUT;
    }
    if (m.contains("reset") || m.contains("broken pipe")) {
      return ErrorCode.CONNECTION_RESET;
    }
    if (m.contains("abort")) {
      return ErrorCode.CONNECTION_ABORTED;
    }
    if (m.contains("unreachable") || m.contains("host is down") || m.contains("network is down")) {
      return ErrorCode.REMOTE_UNREACHABLE;
    }
    if (m.contains("permission denied") || m.contains("not permitted")) {
      return ErrorCode.ACCESS_DENIED;
    }
    if (m.contains("too many open files")) {
      return ErrorCode.NEW_SOCKET_LIMIT;
    }
    if (m.contains("message too long")) {
      return ErrorCode.DATAGRAM_TOO_LARGE;
    }
    if (m.contains("no buffer space") || m.contains("cannot allocate memory")) {
      return ErrorCode.OUT_OF_MEMORY;
    }
    if (m.contains("invalid argument") || m.contains("not supported by protocol family")) {
      return ErrorCode.INVALID_ARGUMENT;
    }
    if (e instanceof ConnectException) {
      return ErrorCode.CONNECTION_REFUSED;
    }
    return ErrorCode.UNKNOWN;
  }
}

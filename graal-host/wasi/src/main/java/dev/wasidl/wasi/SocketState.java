package dev.wasidl.wasi;

import dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode;

/**
 * Where a TCP or UDP socket is in wasi:sockets' state machine (UDP uses {@code UNBOUND} to {@code
 * BOUND} and {@code CLOSED}), with the bind steps both share.
 */
enum SocketState {
  UNBOUND,
  BIND_IN_PROGRESS,
  BOUND,
  LISTEN_IN_PROGRESS,
  LISTENING,
  CONNECT_IN_PROGRESS,
  CONNECTED,
  CLOSED;

  /** {@code finish-bind}: the state after it, or {@code not-in-progress}. */
  SocketState finishBind() throws SocketError {
    if (this != BIND_IN_PROGRESS) {
      throw new SocketError(ErrorCode.NOT_IN_PROGRESS);
    }
    return BOUND;
  }
}

package dev.wasidl.wasi;

import dev.wasidl.bindings.Result;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode;
import java.io.IOException;
import java.net.SocketOption;
import java.nio.channels.NetworkChannel;

/**
 * What the TCP and UDP socket hosts share about socket options: a channel's option calls with their
 * failures as {@link SocketError}s, and the buffer-size and hop-limit options of both interfaces.
 */
final class SocketOptions {
  private SocketOptions() {}

  /** A socket whose options can be read and set ({@link HostTcpSocket}, {@link HostUdpSocket}). */
  interface Configurable {
    <T> T option(SocketOption<T> option) throws SocketError;

    <T> void setOption(SocketOption<T> option, T value) throws SocketError;
  }

  /** {@code channel}'s {@code option}; {@code not-supported} where the channel has none. */
  static <T> T get(NetworkChannel channel, SocketOption<T> option) throws SocketError {
    try {
      return channel.getOption(option);
    } catch (UnsupportedOperationException e) {
      throw new SocketError(ErrorCode.NOT_SUPPORTED, e);
    } catch (IOException e) {
      throw SocketError.of(e);
    }
  }

  /** Sets {@code channel}'s {@code option}; {@code not-supported} where it cannot hold it. */
  static <T> void set(NetworkChannel channel, SocketOption<T> option, T value) throws SocketError {
    try {
      channel.setOption(option, value);
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      throw new SocketError(ErrorCode.NOT_SUPPORTED, e);
    } catch (IOException e) {
      throw SocketError.of(e);
    }
  }

  /** A buffer size ({@code SO_RCVBUF}, {@code SO_SNDBUF}) as the WIT's {@code u64}. */
  static Result<Long, ErrorCode> size(Configurable socket, SocketOption<Integer> option) {
    return SocketError.result(() -> (long) socket.option(option));
  }

  /** Sets a buffer size: zero is {@code invalid-argument}, more than Java's int is clamped. */
  static Result<Void, ErrorCode> setSize(
      Configurable socket, SocketOption<Integer> option, long value) {
    return SocketError.run(
        () -> {
          if (value == 0) {
            throw new SocketError(ErrorCode.INVALID_ARGUMENT);
          }
          socket.setOption(
              option,
              Long.compareUnsigned(value, Integer.MAX_VALUE) > 0 ? Integer.MAX_VALUE : (int) value);
        });
  }

  /** The (unicast) hop limit: Java has no unicast TTL option. */
  static Result<Byte, ErrorCode> hopLimit() {
    return Result.err(ErrorCode.NOT_SUPPORTED);
  }

  /** Setting the (unicast) hop limit: zero is {@code invalid-argument}, else not supported. */
  static Result<Void, ErrorCode> setHopLimit(byte value) {
    return Result.err(value == 0 ? ErrorCode.INVALID_ARGUMENT : ErrorCode.NOT_SUPPORTED);
  }
}

package dev.wasidl.wasi;

import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The TCP socket options WASI exposes, as far as Java has them: {@code SO_KEEPALIVE}, {@code
 * SO_RCVBUF}, {@code SO_SNDBUF} always, and {@code TCP_KEEPIDLE}, {@code TCP_KEEPINTERVAL}, {@code
 * TCP_KEEPCOUNT} when the platform's extended options ({@code jdk.net}) provide them. Java has no
 * unicast TTL option, so {@code hop-limit} is not supported.
 */
final class TcpOptions {
  private TcpOptions() {}

  static final String KEEP_IDLE = "TCP_KEEPIDLE";
  static final String KEEP_INTERVAL = "TCP_KEEPINTERVAL";
  static final String KEEP_COUNT = "TCP_KEEPCOUNT";

  /** The options an accepted socket inherits from its listener. */
  static final List<SocketOption<?>> INHERITED = inherited();

  /** The extended option named {@code name}, if this platform has it. */
  @SuppressWarnings("unchecked") // the keep-alive options are all Integer-valued
  static Optional<SocketOption<Integer>> extended(String name) {
    for (SocketOption<?> o : Supported.OPTIONS) {
      if (o.name().equals(name) && o.type() == Integer.class) {
        return Optional.of((SocketOption<Integer>) o);
      }
    }
    return Optional.empty();
  }

  /** Sets {@code option} to {@code value}, which the option's type must hold. */
  static <T> void set(NetworkChannel channel, SocketOption<T> option, Object value)
      throws IOException {
    channel.setOption(option, option.type().cast(value));
  }

  private static List<SocketOption<?>> inherited() {
    List<SocketOption<?>> list = new ArrayList<>();
    list.add(StandardSocketOptions.SO_KEEPALIVE);
    list.add(StandardSocketOptions.SO_RCVBUF);
    list.add(StandardSocketOptions.SO_SNDBUF);
    for (String name : List.of(KEEP_IDLE, KEEP_INTERVAL, KEEP_COUNT)) {
      extended(name).ifPresent(list::add);
    }
    return List.copyOf(list);
  }

  /** The options a TCP channel of this JVM supports, read once from a channel never connected. */
  private static final class Supported {
    static final Set<SocketOption<?>> OPTIONS = read();

    private static Set<SocketOption<?>> read() {
      try (SocketChannel ch = SocketChannel.open()) {
        return Set.copyOf(ch.supportedOptions());
      } catch (IOException e) {
        return Set.of();
      }
    }
  }
}

package dev.wasidl.wasi;

import dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode;
import java.net.InetSocketAddress;

/**
 * The host side of a {@code wasi:sockets/network.network} resource: the capability a guest passes
 * to every operation that reaches the network. {@link #check} is the one place that decides whether
 * an operation may happen; today it grants everything when {@link WasiConfig#allowNet()} is set and
 * nothing otherwise (host and port rules belong here).
 */
final class HostNetwork {
  /** What a guest wants to do with the network. */
  enum Use {
    BIND,
    CONNECT,
    LISTEN,
    SEND,
    RESOLVE
  }

  private final WasiConfig config;

  HostNetwork(WasiConfig config) {
    this.config = config;
  }

  /** Throws {@code access-denied} unless the guest may {@code use} {@code address}. */
  void check(Use use, InetSocketAddress address) throws SocketError {
    check(use, address.getHostString(), address.getPort());
  }

  /** Throws {@code access-denied} unless the guest may resolve {@code name}. */
  void checkLookup(String name) throws SocketError {
    check(Use.RESOLVE, name, 0);
  }

  @SuppressWarnings("UnusedVariable") // host and port rules will read use, host and port
  private void check(Use use, String host, int port) throws SocketError {
    if (!config.allowNet()) {
      throw new SocketError(ErrorCode.ACCESS_DENIED);
    }
  }
}

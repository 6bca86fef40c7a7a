package dev.wasidl.wasi;

import dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpAddressFamily;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpSocketAddress;
import dev.wasidl.wasi.bindings.wasi.sockets.Tcp.ShutdownType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The host side of a {@code wasi:sockets/tcp.tcp-socket}: the state machine of the WASI TCP
 * operational semantics over non-blocking java.nio channels. A socket starts as an unbound {@link
 * SocketChannel}; {@code listen} moves its bound address to a {@link ServerSocketChannel} (bound
 * while the first still holds the port, both with {@code SO_REUSEADDR}), because Java cannot turn
 * one into the other.
 */
final class HostTcpSocket implements AutoCloseable, SocketOptions.Configurable {
  /** The streams of a connection. */
  record Streams(TcpInputStream input, TcpOutputStream output) {}

  /** What {@code accept} returns. */
  record Accepted(HostTcpSocket socket, Streams streams) {}

  private static final int DEFAULT_BACKLOG = 128;
  private static final Duration LINGER = Duration.ofSeconds(30);

  private final IpAddressFamily family;
  private SocketState state;
  private @Nullable SocketChannel channel;
  private @Nullable ServerSocketChannel server;
  private @Nullable HostNetwork network;
  private @Nullable Streams streams;
  private boolean connected; // connect-in-progress has completed
  private @Nullable IOException connectFailure;
  private final ArrayDeque<SocketChannel> acceptable = new ArrayDeque<>();
  private @Nullable IOException acceptFailure;
  private int backlog = DEFAULT_BACKLOG;
  // Options the guest set (inherited by accepted sockets), and the values read before listening.
  private final Map<SocketOption<?>, Object> options = new LinkedHashMap<>();
  private final Map<SocketOption<?>, Object> listenerOptions = new HashMap<>();

  private HostTcpSocket(
      IpAddressFamily family,
      SocketChannel channel,
      SocketState state,
      @Nullable HostNetwork network) {
    this.family = family;
    this.channel = channel;
    this.state = state;
    this.network = network;
  }

  /** {@code create-tcp-socket}: an unbound socket. */
  static HostTcpSocket create(IpAddressFamily family) throws SocketError {
    try {
      SocketChannel ch = SocketChannel.open(SocketAddresses.protocolFamily(family));
      ch.configureBlocking(false);
      return new HostTcpSocket(family, ch, SocketState.UNBOUND, null);
    } catch (UnsupportedOperationException e) {
      throw new SocketError(ErrorCode.NOT_SUPPORTED, e);
    } catch (IOException e) {
      throw SocketError.of(e);
    }
  }

  IpAddressFamily family() {
    return family;
  }

  SocketState state() {
    return state;
  }

  boolean isListening() {
    return state == SocketState.LISTENING;
  }

  // ---- bind

  void startBind(HostNetwork net, IpSocketAddress local) throws SocketError {
    require(state == SocketState.UNBOUND);
    InetSocketAddress address = SocketAddresses.toJava(local, family);
    if (!SocketAddresses.isUnicast(address.getAddress())) {
      throw new SocketError(ErrorCode.INVALID_ARGUMENT);
    }
    net.check(HostNetwork.Use.BIND, address);
    SocketChannel ch = channel();
    SocketAddresses.bind(ch, address, true);
    network = net;
    state = SocketState.BIND_IN_PROGRESS;
  }

  void finishBind() throws SocketError {
    state = state.finishBind();
  }

  // ---- connect

  void startConnect(HostNetwork net, IpSocketAddress remote) throws SocketError {
    require(state == SocketState.UNBOUND || state == SocketState.BOUND);
    if (network != null && network != net) {
      throw new SocketError(ErrorCode.INVALID_ARGUMENT);
    }
    InetSocketAddress address = SocketAddresses.toJavaRemote(remote, family);
    if (!SocketAddresses.isUnicast(address.getAddress())) {
      throw new SocketError(ErrorCode.INVALID_ARGUMENT);
    }
    net.check(HostNetwork.Use.CONNECT, address);
    network = net;
    try {
      connected = channel().connect(address);
    } catch (IOException e) {
      close();
      throw SocketError.of(e);
    }
    state = SocketState.CONNECT_IN_PROGRESS;
  }

  Streams finishConnect() throws SocketError {
    if (state != SocketState.CONNECT_IN_PROGRESS) {
      throw new SocketError(ErrorCode.NOT_IN_PROGRESS);
    }
    progressConnect();
    IOException failure = connectFailure;
    if (failure != null) {
      close();
      throw SocketError.of(failure);
    }
    if (!connected) {
      throw new SocketError(ErrorCode.WOULD_BLOCK);
    }
    state = SocketState.CONNECTED;
    Streams s = new Streams(new TcpInputStream(channel()), new TcpOutputStream(channel()));
    streams = s;
    return s;
  }

  private void progressConnect() {
    if (connected || connectFailure != null) {
      return;
    }
    try {
      connected = channel().finishConnect();
    } catch (IOException e) {
      connectFailure = e;
    } catch (SocketError e) {
      connectFailure = new ClosedChannelException();
    }
  }

  // ---- listen and accept

  void startListen() throws SocketError {
    require(state == SocketState.BOUND);
    SocketChannel ch = channel();
    try {
      InetSocketAddress local = (InetSocketAddress) ch.getLocalAddress();
      HostNetwork net = network;
      if (net == null) {
        throw new SocketError(ErrorCode.INVALID_STATE);
      }
      net.check(HostNetwork.Use.LISTEN, local);
      ServerSocketChannel ss = ServerSocketChannel.open(SocketAddresses.protocolFamily(family));
      try {
        ss.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        Object rcvbuf = options.get(StandardSocketOptions.SO_RCVBUF);
        if (rcvbuf instanceof Integer size) {
          ss.setOption(StandardSocketOptions.SO_RCVBUF, size);
        }
        ss.configureBlocking(false);
        for (SocketOption<?> option : TcpOptions.INHERITED) {
          if (ch.supportedOptions().contains(option)) {
            listenerOptions.put(option, ch.getOption(option));
          }
        }
        try {
          ss.bind(local, backlog);
          ch.close();
        } catch (IOException e) {
          // the kernel would not share the port: give it up first
          ch.close();
          ss.bind(local, backlog);
        }
      } catch (IOException e) {
        ss.close();
        throw e;
      }
      server = ss;
      channel = null;
      state = SocketState.LISTEN_IN_PROGRESS;
    } catch (IOException e) {
      close();
      throw SocketError.of(e);
    } catch (SocketError e) {
      close();
      throw e;
    }
  }

  void finishListen() throws SocketError {
    if (state != SocketState.LISTEN_IN_PROGRESS) {
      throw new SocketError(ErrorCode.NOT_IN_PROGRESS);
    }
    state = SocketState.LISTENING;
  }

  Accepted accept() throws SocketError {
    require(state == SocketState.LISTENING);
    probeAccept();
    SocketChannel ch = acceptable.poll();
    if (ch == null) {
      IOException failure = acceptFailure;
      if (failure != null) {
        acceptFailure = null;
        throw SocketError.of(failure);
      }
      throw new SocketError(ErrorCode.WOULD_BLOCK);
    }
    try {
      ch.configureBlocking(false);
      for (Map.Entry<SocketOption<?>, Object> e : options.entrySet()) {
        TcpOptions.set(ch, e.getKey(), e.getValue());
      }
    } catch (IOException e) {
      closeQuietly(ch);
      throw SocketError.of(e);
    }
    HostTcpSocket socket = new HostTcpSocket(family, ch, SocketState.CONNECTED, network);
    socket.options.putAll(options);
    Streams s = new Streams(new TcpInputStream(ch), new TcpOutputStream(ch));
    socket.streams = s;
    return new Accepted(socket, s);
  }

  private void probeAccept() {
    ServerSocketChannel ss = server;
    if (ss == null || !acceptable.isEmpty() || acceptFailure != null) {
      return;
    }
    try {
      SocketChannel ch = ss.accept();
      if (ch != null) {
        acceptable.add(ch);
      }
    } catch (IOException e) {
      acceptFailure = e;
    }
  }

  void setListenBacklogSize(long value) throws SocketError {
    if (value == 0) {
      throw new SocketError(ErrorCode.INVALID_ARGUMENT);
    }
    backlog =
        switch (state) {
          case CONNECT_IN_PROGRESS, CONNECTED, CLOSED ->
              throw new SocketError(ErrorCode.INVALID_STATE);
          case LISTEN_IN_PROGRESS, LISTENING -> throw new SocketError(ErrorCode.NOT_SUPPORTED);
          case UNBOUND, BIND_IN_PROGRESS, BOUND ->
              Long.compareUnsigned(value, Integer.MAX_VALUE) > 0 ? Integer.MAX_VALUE : (int) value;
        };
  }

  // ---- addresses

  IpSocketAddress localAddress() throws SocketError {
    require(
        state != SocketState.UNBOUND
            && state != SocketState.BIND_IN_PROGRESS
            && state != SocketState.CLOSED);
    NetworkChannel ch = server != null ? server : channel();
    try {
      return SocketAddresses.fromJava(ch.getLocalAddress(), family);
    } catch (IOException e) {
      throw SocketError.of(e);
    }
  }

  IpSocketAddress remoteAddress() throws SocketError {
    require(state == SocketState.CONNECTED);
    try {
      var remote = channel().getRemoteAddress();
      if (remote == null) {
        throw new SocketError(ErrorCode.INVALID_STATE);
      }
      return SocketAddresses.fromJava(remote, family);
    } catch (IOException e) {
      throw SocketError.of(e);
    }
  }

  // ---- options

  @Override
  public <T> T option(SocketOption<T> option) throws SocketError {
    require(state != SocketState.CLOSED);
    if (server != null) {
      Object v = options.getOrDefault(option, listenerOptions.get(option));
      if (v == null) {
        throw new SocketError(ErrorCode.NOT_SUPPORTED);
      }
      return option.type().cast(v);
    }
    return SocketOptions.get(channel(), option);
  }

  @Override
  public <T> void setOption(SocketOption<T> option, T value) throws SocketError {
    require(state != SocketState.CLOSED);
    ServerSocketChannel ss = server;
    if (ss != null) {
      if (!listenerOptions.containsKey(option)) {
        throw new SocketError(ErrorCode.NOT_SUPPORTED);
      }
      if (ss.supportedOptions().contains(option)) {
        SocketOptions.set(ss, option, value);
      }
    } else {
      SocketOptions.set(channel(), option, value);
    }
    options.put(option, value);
  }

  // ---- pollable, shutdown, drop

  /** The readiness of the WASI operational semantics. */
  boolean ready() {
    return switch (state) {
      case UNBOUND, BOUND, CONNECTED, CLOSED, BIND_IN_PROGRESS, LISTEN_IN_PROGRESS -> true;
      case CONNECT_IN_PROGRESS -> {
        progressConnect();
        yield connected || connectFailure != null;
      }
      case LISTENING -> {
        probeAccept();
        yield !acceptable.isEmpty() || acceptFailure != null;
      }
    };
  }

  void shutdown(ShutdownType how) throws SocketError {
    require(state == SocketState.CONNECTED);
    Streams s = streams;
    if (s == null) {
      throw new SocketError(ErrorCode.INVALID_STATE);
    }
    try {
      switch (how) {
        case RECEIVE -> s.input().shutdown();
        case SEND -> s.output().shutdown();
        case BOTH -> {
          s.input().shutdown();
          s.output().shutdown();
        }
      }
    } catch (IOException e) {
      throw SocketError.of(e);
    }
  }

  /** The guest dropped the socket: release everything (pending output still goes out). */
  @Override
  public void close() {
    state = SocketState.CLOSED;
    ServerSocketChannel ss = server;
    server = null;
    if (ss != null) {
      closeQuietly(ss);
    }
    for (SocketChannel ch : acceptable) {
      closeQuietly(ch);
    }
    acceptable.clear();
    SocketChannel ch = channel;
    Streams s = streams;
    if (s != null) {
      s.input().close();
      s.output().closeAfterDrain(LINGER);
    } else if (ch != null) {
      closeQuietly(ch);
    }
  }

  private SocketChannel channel() throws SocketError {
    SocketChannel ch = channel;
    if (ch == null) {
      throw new SocketError(ErrorCode.INVALID_STATE);
    }
    return ch;
  }

  private static void require(boolean valid) throws SocketError {
    if (!valid) {
      throw new SocketError(ErrorCode.INVALID_STATE);
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // nothing more to release
    }
  }
}

package dev.wasidl.wasi;

import dev.wasidl.abi.Trap;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpAddressFamily;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpSocketAddress;
import dev.wasidl.wasi.bindings.wasi.sockets.Udp.IncomingDatagram;
import dev.wasidl.wasi.bindings.wasi.sockets.Udp.OutgoingDatagram;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The host side of a {@code wasi:sockets/udp.udp-socket} on a non-blocking {@link DatagramChannel},
 * with its datagram streams. Only the streams of the latest {@code stream} call work; older ones
 * fail with {@code invalid-state}.
 */
final class HostUdpSocket implements AutoCloseable, SocketOptions.Configurable {
  /** The most datagrams one {@code check-send} permits. */
  static final int SEND_PERMIT = 64;

  private static final int MAX_DATAGRAM = 65_535;

  private final IpAddressFamily family;
  private final DatagramChannel channel;
  private SocketState state = SocketState.UNBOUND;
  private @Nullable HostNetwork network;
  private @Nullable InetSocketAddress remote;
  private int generation;

  private HostUdpSocket(IpAddressFamily family, DatagramChannel channel) {
    this.family = family;
    this.channel = channel;
  }

  static HostUdpSocket create(IpAddressFamily family) throws SocketError {
    try {
      DatagramChannel ch = DatagramChannel.open(SocketAddresses.protocolFamily(family));
      ch.configureBlocking(false);
      return new HostUdpSocket(family, ch);
    } catch (UnsupportedOperationException e) {
      throw new SocketError(ErrorCode.NOT_SUPPORTED, e);
    } catch (IOException e) {
      throw SocketError.of(e);
    }
  }

  IpAddressFamily family() {
    return family;
  }

  void startBind(HostNetwork net, IpSocketAddress local) throws SocketError {
    require(state == SocketState.UNBOUND);
    InetSocketAddress address = SocketAddresses.toJava(local, family);
    net.check(HostNetwork.Use.BIND, address);
    SocketAddresses.bind(channel, address, false);
    network = net;
    state = SocketState.BIND_IN_PROGRESS;
  }

  void finishBind() throws SocketError {
    state = state.finishBind();
  }

  /** {@code stream}: (re)connects to {@code remoteAddress} or disconnects; new streams. */
  Incoming stream(Optional<IpSocketAddress> remoteAddress) throws SocketError {
    require(state == SocketState.BOUND);
    HostNetwork net = network;
    if (net == null) {
      throw new SocketError(ErrorCode.INVALID_STATE);
    }
    InetSocketAddress to = null;
    if (remoteAddress.isPresent()) {
      to = SocketAddresses.toJavaRemote(remoteAddress.get(), family);
      net.check(HostNetwork.Use.CONNECT, to);
    }
    try {
      if (channel.isConnected()) {
        channel.disconnect();
      }
      remote = null;
      if (to != null) {
        channel.connect(to);
        remote = to;
      }
    } catch (IOException e) {
      throw SocketError.of(e);
    }
    generation++;
    return new Incoming(generation);
  }

  Outgoing outgoing() {
    return new Outgoing(generation);
  }

  IpSocketAddress localAddress() throws SocketError {
    require(state == SocketState.BOUND);
    try {
      return SocketAddresses.fromJava(channel.getLocalAddress(), family);
    } catch (IOException e) {
      throw SocketError.of(e);
    }
  }

  IpSocketAddress remoteAddress() throws SocketError {
    InetSocketAddress r = remote;
    require(state == SocketState.BOUND && r != null);
    return SocketAddresses.fromJava(r, family);
  }

  @Override
  public <T> T option(SocketOption<T> option) throws SocketError {
    require(state != SocketState.CLOSED);
    return SocketOptions.get(channel, option);
  }

  @Override
  public <T> void setOption(SocketOption<T> option, T value) throws SocketError {
    require(state != SocketState.CLOSED);
    SocketOptions.set(channel, option, value);
  }

  @Override
  public void close() {
    state = SocketState.CLOSED;
    try {
      channel.close();
    } catch (IOException e) {
      // nothing more to release
    }
  }

  private static void require(boolean valid) throws SocketError {
    if (!valid) {
      throw new SocketError(ErrorCode.INVALID_STATE);
    }
  }

  private void requireCurrent(int streamGeneration) throws SocketError {
    require(state == SocketState.BOUND && streamGeneration == generation);
  }

  /** An {@code incoming-datagram-stream}. */
  final class Incoming {
    private final int streamGeneration;
    private @Nullable IncomingDatagram probed;
    private @Nullable IOException failure;

    private Incoming(int streamGeneration) {
      this.streamGeneration = streamGeneration;
    }

    List<IncomingDatagram> receive(long maxResults) throws SocketError {
      requireCurrent(streamGeneration);
      List<IncomingDatagram> got = new ArrayList<>();
      IncomingDatagram first = probed;
      if (first != null && maxResults != 0) {
        got.add(first);
        probed = null;
      }
      while (Long.compareUnsigned(got.size(), maxResults) < 0) {
        IncomingDatagram d = receiveOne();
        if (d == null) {
          break;
        }
        got.add(d);
      }
      IOException f = failure;
      if (got.isEmpty() && f != null) {
        failure = null;
        throw SocketError.of(f);
      }
      return got;
    }

    /** Ready when a datagram has arrived (or the socket failed). */
    boolean ready() {
      if (probed != null
          || failure != null
          || streamGeneration != generation
          || !channel.isOpen()) {
        return true;
      }
      probed = receiveOne();
      return probed != null || failure != null;
    }

    private @Nullable IncomingDatagram receiveOne() {
      ByteBuffer buf = ByteBuffer.allocate(MAX_DATAGRAM);
      try {
        SocketAddress from = channel.receive(buf);
        if (from == null) {
          return null;
        }
        return new IncomingDatagram(
            Arrays.copyOf(buf.array(), buf.position()), SocketAddresses.fromJava(from, family));
      } catch (IOException e) {
        failure = e;
        return null;
      }
    }
  }

  /** An {@code outgoing-datagram-stream}. */
  final class Outgoing {
    private final int streamGeneration;
    private long permitted;

    private Outgoing(int streamGeneration) {
      this.streamGeneration = streamGeneration;
    }

    long checkSend() throws SocketError {
      requireCurrent(streamGeneration);
      permitted = SEND_PERMIT;
      return permitted;
    }

    long send(List<OutgoingDatagram> datagrams) throws SocketError {
      requireCurrent(streamGeneration);
      if (datagrams.size() > permitted) {
        throw new Trap(
            "outgoing-datagram-stream.send of "
                + datagrams.size()
                + " datagrams, check-send permitted "
                + permitted);
      }
      permitted = 0;
      long sent = 0;
      for (OutgoingDatagram d : datagrams) {
        try {
          if (!sendOne(d)) {
            break;
          }
        } catch (SocketError e) {
          if (sent > 0) {
            break;
          }
          throw e;
        }
        sent++;
      }
      return sent;
    }

    private boolean sendOne(OutgoingDatagram d) throws SocketError {
      InetSocketAddress connected = remote;
      ByteBuffer data = ByteBuffer.wrap(d.data());
      try {
        if (connected != null) {
          if (d.remoteAddress().isPresent()
              && !SocketAddresses.toJava(d.remoteAddress().get(), family).equals(connected)) {
            throw new SocketError(ErrorCode.INVALID_ARGUMENT);
          }
          return channel.write(data) > 0 || d.data().length == 0;
        }
        if (d.remoteAddress().isEmpty()) {
          throw new SocketError(ErrorCode.INVALID_ARGUMENT);
        }
        InetSocketAddress to = SocketAddresses.toJavaRemote(d.remoteAddress().get(), family);
        HostNetwork net = network;
        if (net == null) {
          throw new SocketError(ErrorCode.INVALID_STATE);
        }
        net.check(HostNetwork.Use.SEND, to);
        return channel.send(data, to) > 0 || d.data().length == 0;
      } catch (IOException e) {
        throw SocketError.of(e);
      }
    }
  }
}

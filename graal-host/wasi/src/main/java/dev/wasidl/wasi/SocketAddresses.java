package dev.wasidl.wasi;

import dev.wasidl.bindings.Tuple4;
import dev.wasidl.bindings.Tuple8;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpAddress;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpAddressFamily;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpSocketAddress;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.Ipv4SocketAddress;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.Ipv6SocketAddress;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.NetworkChannel;

/** Conversions between WIT's socket addresses and Java's, with the WIT's argument checks. */
final class SocketAddresses {
  private SocketAddresses() {}

  static ProtocolFamily protocolFamily(IpAddressFamily family) {
    return switch (family) {
      case IPV4 -> StandardProtocolFamily.INET;
      case IPV6 -> StandardProtocolFamily.INET6;
    };
  }

  static IpAddressFamily family(IpSocketAddress address) {
    return switch (address) {
      case IpSocketAddress.Ipv4 v4 -> IpAddressFamily.IPV4;
      case IpSocketAddress.Ipv6 v6 -> IpAddressFamily.IPV6;
    };
  }

  static int port(IpSocketAddress address) {
    return switch (address) {
      case IpSocketAddress.Ipv4 v4 -> Short.toUnsignedInt(v4.value().port());
      case IpSocketAddress.Ipv6 v6 -> Short.toUnsignedInt(v6.value().port());
    };
  }

  /**
   * {@code address} for a socket of {@code family}: {@code invalid-argument} when the family
   * differs or the address is an IPv4-mapped IPv6 address (WASI sockets are IPv6-only).
   */
  static InetSocketAddress toJava(IpSocketAddress address, IpAddressFamily family)
      throws SocketError {
    if (family(address) != family) {
      throw new SocketError(ErrorCode.INVALID_ARGUMENT);
    }
    try {
      return switch (address) {
        case IpSocketAddress.Ipv4 v4 -> {
          Ipv4SocketAddress a = v4.value();
          yield new InetSocketAddress(
              InetAddress.getByAddress(ipv4Bytes(a.address())), Short.toUnsignedInt(a.port()));
        }
        case IpSocketAddress.Ipv6 v6 -> {
          Ipv6SocketAddress a = v6.value();
          byte[] bytes = ipv6Bytes(a.address());
          if (isIpv4Mapped(bytes)) {
            throw new SocketError(ErrorCode.INVALID_ARGUMENT);
          }
          yield new InetSocketAddress(
              Inet6Address.getByAddress(null, bytes, a.scopeId()), Short.toUnsignedInt(a.port()));
        }
      };
    } catch (UnknownHostException e) {
      throw new SocketError(ErrorCode.INVALID_ARGUMENT, e);
    }
  }

  /** A remote address to connect or send to: also not the unspecified address nor port 0. */
  static InetSocketAddress toJavaRemote(IpSocketAddress address, IpAddressFamily family)
      throws SocketError {
    InetSocketAddress a = toJava(address, family);
    if (a.getPort() == 0 || a.getAddress().isAnyLocalAddress()) {
      throw new SocketError(ErrorCode.INVALID_ARGUMENT);
    }
    return a;
  }

  /** Whether {@code a} is a unicast address (not multicast, not the IPv4 broadcast address). */
  static boolean isUnicast(InetAddress a) {
    if (a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    return !(b.length == 4 && b[0] == -1 && b[1] == -1 && b[2] == -1 && b[3] == -1);
  }

  /**
   * The WIT form of {@code address} as a socket of {@code family} sees it: an IPv4 address on an
   * IPv6 socket (Java's dual-stack sockets) becomes its IPv4-mapped IPv6 form.
   */
  static IpSocketAddress fromJava(SocketAddress address, IpAddressFamily family) {
    InetSocketAddress a = (InetSocketAddress) address;
    short port = (short) a.getPort();
    InetAddress ip = a.getAddress();
    if (family == IpAddressFamily.IPV4 && ip instanceof Inet4Address) {
      return new IpSocketAddress.Ipv4(new Ipv4SocketAddress(port, ipv4Tuple(ip.getAddress())));
    }
    byte[] bytes = ip.getAddress();
    int scope = 0;
    if (ip instanceof Inet6Address v6) {
      scope = v6.getScopeId();
    } else {
      byte[] mapped = new byte[16];
      mapped[10] = -1;
      mapped[11] = -1;
      System.arraycopy(bytes, 0, mapped, 12, 4);
      bytes = mapped;
    }
    return new IpSocketAddress.Ipv6(new Ipv6SocketAddress(port, 0, ipv6Tuple(bytes), scope));
  }

  /** The WIT form of a resolved address. */
  static IpAddress fromJava(InetAddress address) {
    return address instanceof Inet4Address
        ? new IpAddress.Ipv4(ipv4Tuple(address.getAddress()))
        : new IpAddress.Ipv6(ipv6Tuple(address.getAddress()));
  }

  static boolean isIpv4Mapped(byte[] b) {
    if (b.length != 16) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return b[10] == -1 && b[11] == -1;
  }

  private static byte[] ipv4Bytes(Tuple4<Byte, Byte, Byte, Byte> t) {
    return new byte[] {t.v0(), t.v1(), t.v2(), t.v3()};
  }

  private static Tuple4<Byte, Byte, Byte, Byte> ipv4Tuple(byte[] b) {
    return new Tuple4<>(b[0], b[1], b[2], b[3]);
  }

  private static byte[] ipv6Bytes(
      Tuple8<Short, Short, Short, Short, Short, Short, Short, Short> t) {
    short[] s = {t.v0(), t.v1(), t.v2(), t.v3(), t.v4(), t.v5(), t.v6(), t.v7()};
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[2 * i] = (byte) (s[i] >>> 8);
      b[2 * i + 1] = (byte) s[i];
    }
    return b;
  }

  private static Tuple8<Short, Short, Short, Short, Short, Short, Short, Short> ipv6Tuple(
      byte[] b) {
    short[] s = new short[8];
    for (int i = 0; i < 8; i++) {
      s[i] = (short) (((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff));
    }
    return new Tuple8<>(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
  }

  /**
   * {@code start-bind}'s system call: binds {@code ch} to {@code address} (for TCP with {@code
   * SO_REUSEADDR}, as wasi:sockets asks, so a listener can rebind at once after a restart).
   */
  static void bind(NetworkChannel ch, InetSocketAddress address, boolean reuseAddress)
      throws SocketError {
    try {
      if (reuseAddress) {
        ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      }
      ch.bind(address);
    } catch (IOException e) {
      throw SocketError.of(e);
    }
  }
}

package dev.wasidl.wasi;

import dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpAddress;
import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The host side of a {@code wasi:sockets/ip-name-lookup.resolve-address-stream}: the addresses of a
 * name, looked up with {@link InetAddress#getAllByName} on a background thread (an IP address
 * literal is parsed at once), handed out one by one.
 */
final class HostResolveStream {
  private final CompletableFuture<List<IpAddress>> addresses;
  private int next;

  private HostResolveStream(CompletableFuture<List<IpAddress>> addresses) {
    this.addresses = addresses;
  }

  /**
   * Starts resolving {@code name}: {@code invalid-argument} if it is neither an IP address nor a
   * syntactically valid (internationalized) domain name, {@code access-denied} if {@code network}
   * does not allow it. Never blocks.
   */
  static HostResolveStream start(HostNetwork network, String name) throws SocketError {
    Optional<InetAddress> literal = literal(name);
    String host = literal.isPresent() ? name : asciiName(name);
    network.checkLookup(host);
    if (literal.isPresent()) {
      return new HostResolveStream(
          CompletableFuture.completedFuture(List.of(SocketAddresses.fromJava(literal.get()))));
    }
    CompletableFuture<List<IpAddress>> future = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("wasi-resolve")
        .start(
            () -> {
              try {
                LinkedHashSet<IpAddress> found = new LinkedHashSet<>();
                for (InetAddress a : InetAddress.getAllByName(host)) {
                  found.add(SocketAddresses.fromJava(a));
                }
                future.complete(new ArrayList<>(found));
              } catch (UnknownHostException | RuntimeException e) {
                future.completeExceptionally(e);
              }
            });
    return new HostResolveStream(future);
  }

  /** {@code resolve-next-address}: the next address, none after the last. */
  Optional<IpAddress> next() throws SocketError {
    if (!addresses.isDone()) {
      throw new SocketError(ErrorCode.WOULD_BLOCK);
    }
    List<IpAddress> list;
    try {
      list = addresses.get();
    } catch (ExecutionException e) {
      throw new SocketError(lookupError(e.getCause()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SocketError(ErrorCode.UNKNOWN, e);
    }
    return next < list.size() ? Optional.of(list.get(next++)) : Optional.empty();
  }

  /** Ready once the lookup has finished. */
  boolean ready() {
    return addresses.isDone();
  }

  private static ErrorCode lookupError(Throwable t) {
    String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
    if (m.contains("temporary failure") || m.contains("try again")) {
      return ErrorCode.TEMPORARY_RESOLVER_FAILURE;
    }
    return t instanceof UnknownHostException
        ? ErrorCode.NAME_UNRESOLVABLE
        : ErrorCode.PERMANENT_RESOLVER_FAILURE;
  }

  private static Optional<InetAddress> literal(String name) {
    if (name.isEmpty() || !(name.indexOf(':') >= 0 || Character.isDigit(name.charAt(0)))) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.ofLiteral(name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The ASCII (IDNA) form of a domain name, or {@code invalid-argument}. */
  private static String asciiName(String name) throws SocketError {
    String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (trimmed.isEmpty() || trimmed.length() > 253) {
      throw new SocketError(ErrorCode.INVALID_ARGUMENT);
    }
    try {
      String ascii = IDN.toASCII(trimmed, IDN.USE_STD3_ASCII_RULES);
      if (ascii.isEmpty() || ascii.length() > 253 || ascii.contains("..")) {
        throw new SocketError(ErrorCode.INVALID_ARGUMENT);
      }
      return ascii;
    } catch (IllegalArgumentException e) {
      throw new SocketError(ErrorCode.INVALID_ARGUMENT, e);
    }
  }
}

package dev.wasidl.wasi;

import static dev.wasidl.wasi.SocketTesting.assertErr;
import static dev.wasidl.wasi.SocketTesting.block;
import static dev.wasidl.wasi.SocketTesting.ctx;
import static dev.wasidl.wasi.SocketTesting.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Tuple4;
import dev.wasidl.bindings.Tuple8;
import dev.wasidl.wasi.bindings.wasi.sockets.IpNameLookup.ResolveAddressStream;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpAddress;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.Network_;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** wasi:sockets/ip-name-lookup on a real {@link WasiCtx}. */
class IpNameLookupTest {
  private static final IpAddress LOCAL4 =
      new IpAddress.Ipv4(new Tuple4<>((byte) 127, (byte) 0, (byte) 0, (byte) 1));
  private static final IpAddress LOCAL6 =
      new IpAddress.Ipv6(
          new Tuple8<>(
              (short) 0, (short) 0, (short) 0, (short) 0, (short) 0, (short) 0, (short) 0,
              (short) 1));

  private final WasiCtx ctx = ctx(true);
  private final Resource<Network_> net = ctx.instanceNetworkHost.instanceNetwork();

  private List<IpAddress> resolveAll(String name) {
    Resource<ResolveAddressStream> s = ok(ctx.ipNameLookupHost.resolveAddresses(net, name));
    block(ctx, ctx.ipNameLookupHost.resolveAddressStreamSubscribe(s));
    List<IpAddress> all = new ArrayList<>();
    while (true) {
      Optional<IpAddress> next = ok(ctx.ipNameLookupHost.resolveAddressStreamResolveNextAddress(s));
      if (next.isEmpty()) {
        break;
      }
      all.add(next.get());
    }
    assertEquals(
        Optional.empty(), ok(ctx.ipNameLookupHost.resolveAddressStreamResolveNextAddress(s)));
    ctx.ipNameLookupHost.dropResolveAddressStream(s);
    return all;
  }

  @Test
  void localhostResolvesToLoopback() {
    List<IpAddress> all = resolveAll("localhost");
    assertFalse(all.isEmpty());
    assertTrue(all.contains(LOCAL4) || all.contains(LOCAL6), all.toString());
    assertEquals(all.size(), all.stream().distinct().count(), "no duplicates");
  }

  @Test
  void addressLiteralsAreParsedNotLookedUp() {
    assertEquals(List.of(LOCAL4), resolveAll("127.0.0.1"));
    assertEquals(List.of(LOCAL6), resolveAll("::1"));
    assertEquals(List.of(LOCAL6), resolveAll("[::1]"));
  }

  @Test
  void invalidNamesAreInvalidArguments() {
    for (String bad : List.of("", "exa mple.com", "a..b", "-", "x/y", "a".repeat(64) + ".com")) {
      assertErr(ErrorCode.INVALID_ARGUMENT, ctx.ipNameLookupHost.resolveAddresses(net, bad));
    }
  }

  @Test
  void unknownNameIsUnresolvable() {
    Resource<ResolveAddressStream> s =
        ok(ctx.ipNameLookupHost.resolveAddresses(net, "no-such-host.invalid"));
    block(ctx, ctx.ipNameLookupHost.resolveAddressStreamSubscribe(s));
    var r = ctx.ipNameLookupHost.resolveAddressStreamResolveNextAddress(s);
    assertFalse(r.isOk());
    ErrorCode code = ((dev.wasidl.bindings.Result.Err<?, ErrorCode>) r).error();
    assertTrue(
        code == ErrorCode.NAME_UNRESOLVABLE || code == ErrorCode.TEMPORARY_RESOLVER_FAILURE,
        code.toString());
    ctx.ipNameLookupHost.dropResolveAddressStream(s);
  }
}

package dev.wasidl.wasi;

import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Result;
import dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable;
import dev.wasidl.wasi.bindings.wasi.sockets.IpNameLookup;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpAddress;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.Network_;
import java.util.Optional;

/** The host side of {@code wasi:sockets/ip-name-lookup}, on {@link HostResolveStream}. */
final class IpNameLookupHost implements IpNameLookup {
  private final WasiCtx ctx;

  IpNameLookupHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public Result<Resource<ResolveAddressStream>, ErrorCode> resolveAddresses(
      Resource<Network_> network, String name) {
    HostNetwork net = ctx.table().get(network, HostNetwork.class);
    return SocketError.result(() -> ctx.table().push(HostResolveStream.start(net, name)));
  }

  @Override
  public Result<Optional<IpAddress>, ErrorCode> resolveAddressStreamResolveNextAddress(
      Resource<ResolveAddressStream> self) {
    HostResolveStream s = ctx.table().get(self, HostResolveStream.class);
    return SocketError.result(s::next);
  }

  @Override
  public Resource<Pollable> resolveAddressStreamSubscribe(Resource<ResolveAddressStream> self) {
    HostResolveStream s = ctx.table().get(self, HostResolveStream.class);
    HostPollable pollable = s::ready;
    return ctx.table().push(pollable);
  }

  @Override
  public void dropResolveAddressStream(Resource<ResolveAddressStream> self) {
    ctx.table().delete(self);
  }
}

package dev.wasidl.wasi;

/** The host side of {@code sockets/IpNameLookup}: not implemented yet. */
final class IpNameLookupHost implements dev.wasidl.wasi.bindings.wasi.sockets.IpNameLookup {
  @SuppressWarnings({"UnusedVariable", "unused"}) // until every function is implemented
  private final WasiCtx ctx;

  IpNameLookupHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.util.Optional<dev.wasidl.wasi.bindings.wasi.sockets.Network.IpAddress>,
          dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      resolveAddressStreamResolveNextAddress(
          dev.wasidl.bindings.Resource<
                  dev.wasidl.wasi.bindings.wasi.sockets.IpNameLookup.ResolveAddressStream>
              self) {
    throw Wasi.notImplemented("IpNameLookup.resolveAddressStreamResolveNextAddress");
  }

  @Override
  public dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable>
      resolveAddressStreamSubscribe(
          dev.wasidl.bindings.Resource<
                  dev.wasidl.wasi.bindings.wasi.sockets.IpNameLookup.ResolveAddressStream>
              self) {
    throw Wasi.notImplemented("IpNameLookup.resolveAddressStreamSubscribe");
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.bindings.Resource<
              dev.wasidl.wasi.bindings.wasi.sockets.IpNameLookup.ResolveAddressStream>,
          dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      resolveAddresses(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Network.Network_>
              network,
          java.lang.String name) {
    throw Wasi.notImplemented("IpNameLookup.resolveAddresses");
  }

  @Override
  public void dropResolveAddressStream(
      dev.wasidl.bindings.Resource<
              dev.wasidl.wasi.bindings.wasi.sockets.IpNameLookup.ResolveAddressStream>
          self) {
    throw Wasi.notImplemented("IpNameLookup.dropResolveAddressStream");
  }
}

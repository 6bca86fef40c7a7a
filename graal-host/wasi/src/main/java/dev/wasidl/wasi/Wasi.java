package dev.wasidl.wasi;

import dev.wasidl.abi.Trap;
import dev.wasidl.runtime.Linker;
import org.jspecify.annotations.Nullable;

/** Defines WASI 0.2 on a {@link Linker}. */
public final class Wasi {
  private Wasi() {}

  /**
   * Defines every WASI 0.2 interface graal-host implements on {@code linker}, at version 0.2.12 (so
   * 0.2.x imports link). Each instance must be instantiated with a {@link WasiView} as its data,
   * e.g. {@code linker.instantiate(component, new WasiCtx(config))}.
   */
  public static void add(Linker linker) {
    dev.wasidl.wasi.bindings.wasi.io.ErrorBindings.add(linker, d -> view(d).errorHost);
    dev.wasidl.wasi.bindings.wasi.io.PollBindings.add(linker, d -> view(d).pollHost);
    dev.wasidl.wasi.bindings.wasi.io.StreamsBindings.add(linker, d -> view(d).streamsHost);
    dev.wasidl.wasi.bindings.wasi.cli.EnvironmentBindings.add(linker, d -> view(d).environmentHost);
    dev.wasidl.wasi.bindings.wasi.cli.ExitBindings.add(linker, d -> view(d).exitHost);
    dev.wasidl.wasi.bindings.wasi.cli.StdinBindings.add(linker, d -> view(d).stdioHost);
    dev.wasidl.wasi.bindings.wasi.cli.StdoutBindings.add(linker, d -> view(d).stdioHost);
    dev.wasidl.wasi.bindings.wasi.cli.StderrBindings.add(linker, d -> view(d).stdioHost);
    dev.wasidl.wasi.bindings.wasi.cli.TerminalInputBindings.add(linker, d -> view(d).terminalHost);
    dev.wasidl.wasi.bindings.wasi.cli.TerminalOutputBindings.add(linker, d -> view(d).terminalHost);
    dev.wasidl.wasi.bindings.wasi.cli.TerminalStdinBindings.add(linker, d -> view(d).terminalHost);
    dev.wasidl.wasi.bindings.wasi.cli.TerminalStdoutBindings.add(linker, d -> view(d).terminalHost);
    dev.wasidl.wasi.bindings.wasi.cli.TerminalStderrBindings.add(linker, d -> view(d).terminalHost);
    dev.wasidl.wasi.bindings.wasi.clocks.MonotonicClockBindings.add(
        linker, d -> view(d).monotonicClockHost);
    dev.wasidl.wasi.bindings.wasi.clocks.WallClockBindings.add(linker, d -> view(d).wallClockHost);
    dev.wasidl.wasi.bindings.wasi.random.RandomBindings.add(linker, d -> view(d).randomHost);
    dev.wasidl.wasi.bindings.wasi.random.InsecureBindings.add(linker, d -> view(d).randomHost);
    dev.wasidl.wasi.bindings.wasi.random.InsecureSeedBindings.add(linker, d -> view(d).randomHost);
    dev.wasidl.wasi.bindings.wasi.filesystem.TypesBindings.add(linker, d -> view(d).filesystemHost);
    dev.wasidl.wasi.bindings.wasi.filesystem.PreopensBindings.add(
        linker, d -> view(d).preopensHost);
    dev.wasidl.wasi.bindings.wasi.sockets.NetworkBindings.add(linker, d -> view(d).networkHost);
    dev.wasidl.wasi.bindings.wasi.sockets.InstanceNetworkBindings.add(
        linker, d -> view(d).instanceNetworkHost);
    dev.wasidl.wasi.bindings.wasi.sockets.TcpBindings.add(linker, d -> view(d).tcpHost);
    dev.wasidl.wasi.bindings.wasi.sockets.TcpCreateSocketBindings.add(
        linker, d -> view(d).tcpCreateSocketHost);
    dev.wasidl.wasi.bindings.wasi.sockets.UdpBindings.add(linker, d -> view(d).udpHost);
    dev.wasidl.wasi.bindings.wasi.sockets.UdpCreateSocketBindings.add(
        linker, d -> view(d).udpCreateSocketHost);
    dev.wasidl.wasi.bindings.wasi.sockets.IpNameLookupBindings.add(
        linker, d -> view(d).ipNameLookupHost);
  }

  static WasiCtx view(@Nullable Object data) {
    if (data instanceof WasiView v) {
      return v.wasi();
    }
    throw new Trap(
        "WASI is defined on the linker but the instance was not given a WasiView as its data");
  }

  static Trap notImplemented(String what) {
    return new Trap("WASI function " + what + " is not implemented by this host");
  }
}

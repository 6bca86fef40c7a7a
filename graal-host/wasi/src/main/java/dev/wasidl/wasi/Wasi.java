package dev.wasidl.wasi;

import dev.wasidl.abi.Trap;
import dev.wasidl.runtime.Linker;
import dev.wasidl.wasi.bindings.wasi.cli.EnvironmentBindings;
import dev.wasidl.wasi.bindings.wasi.cli.ExitBindings;
import dev.wasidl.wasi.bindings.wasi.cli.StderrBindings;
import dev.wasidl.wasi.bindings.wasi.cli.StdinBindings;
import dev.wasidl.wasi.bindings.wasi.cli.StdoutBindings;
import dev.wasidl.wasi.bindings.wasi.cli.TerminalInputBindings;
import dev.wasidl.wasi.bindings.wasi.cli.TerminalOutputBindings;
import dev.wasidl.wasi.bindings.wasi.cli.TerminalStderrBindings;
import dev.wasidl.wasi.bindings.wasi.cli.TerminalStdinBindings;
import dev.wasidl.wasi.bindings.wasi.cli.TerminalStdoutBindings;
import dev.wasidl.wasi.bindings.wasi.clocks.MonotonicClockBindings;
import dev.wasidl.wasi.bindings.wasi.clocks.WallClockBindings;
import dev.wasidl.wasi.bindings.wasi.filesystem.PreopensBindings;
import dev.wasidl.wasi.bindings.wasi.filesystem.TypesBindings;
import dev.wasidl.wasi.bindings.wasi.io.ErrorBindings;
import dev.wasidl.wasi.bindings.wasi.io.PollBindings;
import dev.wasidl.wasi.bindings.wasi.io.StreamsBindings;
import dev.wasidl.wasi.bindings.wasi.random.InsecureBindings;
import dev.wasidl.wasi.bindings.wasi.random.InsecureSeedBindings;
import dev.wasidl.wasi.bindings.wasi.random.RandomBindings;
import dev.wasidl.wasi.bindings.wasi.sockets.InstanceNetworkBindings;
import dev.wasidl.wasi.bindings.wasi.sockets.IpNameLookupBindings;
import dev.wasidl.wasi.bindings.wasi.sockets.NetworkBindings;
import dev.wasidl.wasi.bindings.wasi.sockets.TcpBindings;
import dev.wasidl.wasi.bindings.wasi.sockets.TcpCreateSocketBindings;
import dev.wasidl.wasi.bindings.wasi.sockets.UdpBindings;
import dev.wasidl.wasi.bindings.wasi.sockets.UdpCreateSocketBindings;
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
    ErrorBindings.add(linker, d -> view(d).errorHost);
    PollBindings.add(linker, d -> view(d).pollHost);
    StreamsBindings.add(linker, d -> view(d).streamsHost);
    EnvironmentBindings.add(linker, d -> view(d).environmentHost);
    ExitBindings.add(linker, d -> view(d).exitHost);
    StdinBindings.add(linker, d -> view(d).stdioHost);
    StdoutBindings.add(linker, d -> view(d).stdioHost);
    StderrBindings.add(linker, d -> view(d).stdioHost);
    TerminalInputBindings.add(linker, d -> view(d).terminalHost);
    TerminalOutputBindings.add(linker, d -> view(d).terminalHost);
    TerminalStdinBindings.add(linker, d -> view(d).terminalHost);
    TerminalStdoutBindings.add(linker, d -> view(d).terminalHost);
    TerminalStderrBindings.add(linker, d -> view(d).terminalHost);
    MonotonicClockBindings.add(linker, d -> view(d).monotonicClockHost);
    WallClockBindings.add(linker, d -> view(d).wallClockHost);
    RandomBindings.add(linker, d -> view(d).randomHost);
    InsecureBindings.add(linker, d -> view(d).randomHost);
    InsecureSeedBindings.add(linker, d -> view(d).randomHost);
    TypesBindings.add(linker, d -> view(d).filesystemHost);
    PreopensBindings.add(linker, d -> view(d).preopensHost);
    NetworkBindings.add(linker, d -> view(d).networkHost);
    InstanceNetworkBindings.add(linker, d -> view(d).instanceNetworkHost);
    TcpBindings.add(linker, d -> view(d).tcpHost);
    TcpCreateSocketBindings.add(linker, d -> view(d).tcpCreateSocketHost);
    UdpBindings.add(linker, d -> view(d).udpHost);
    UdpCreateSocketBindings.add(linker, d -> view(d).udpCreateSocketHost);
    IpNameLookupBindings.add(linker, d -> view(d).ipNameLookupHost);
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

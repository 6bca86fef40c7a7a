package dev.wasidl.wasi;

import dev.wasidl.bindings.HostTable;

/**
 * The WASI state of one component instance: its grants ({@link WasiConfig}), the table of every
 * WASI resource it holds (streams, pollables, descriptors, sockets), and the host implementation of
 * each interface. Attach it at instantiation: {@code linker.instantiate(component, new
 * WasiCtx(config))}, and close it when the instance is done ({@link #close()} stops the stdin pump
 * thread and flushes stdout and stderr). Not thread-safe: a component instance runs one call at a
 * time; only {@link #wake()} and {@link #close()} may come from other threads.
 */
public final class WasiCtx implements WasiView, AutoCloseable {
  private final WasiConfig config;
  private final HostTable table = new HostTable();

  final ErrorHost errorHost = new ErrorHost(this);
  final PollHost pollHost = new PollHost(this);
  final StreamsHost streamsHost = new StreamsHost(this);
  final EnvironmentHost environmentHost = new EnvironmentHost(this);
  final ExitHost exitHost = new ExitHost(this);
  final StdioHost stdioHost = new StdioHost(this);
  final TerminalHost terminalHost = new TerminalHost(this);
  final MonotonicClockHost monotonicClockHost = new MonotonicClockHost(this);
  final WallClockHost wallClockHost = new WallClockHost(this);
  final RandomHost randomHost = new RandomHost(this);
  final FilesystemHost filesystemHost = new FilesystemHost(this);
  final PreopensHost preopensHost = new PreopensHost(this);
  final NetworkHost networkHost = new NetworkHost(this);
  final InstanceNetworkHost instanceNetworkHost = new InstanceNetworkHost(this);
  final TcpHost tcpHost = new TcpHost(this);
  final TcpCreateSocketHost tcpCreateSocketHost = new TcpCreateSocketHost(this);
  final UdpHost udpHost = new UdpHost(this);
  final UdpCreateSocketHost udpCreateSocketHost = new UdpCreateSocketHost(this);
  final IpNameLookupHost ipNameLookupHost = new IpNameLookupHost(this);

  public WasiCtx(WasiConfig config) {
    this.config = config;
  }

  public WasiConfig config() {
    return config;
  }

  /** The instance's WASI resources. */
  public HostTable table() {
    return table;
  }

  @Override
  public WasiCtx wasi() {
    return this;
  }

  /**
   * Makes a guest waiting in {@code wasi:io/poll} check its pollables now: an I/O source calls this
   * (from any thread) when it becomes ready, so the wait ends before its next periodic check.
   */
  public void wake() {
    pollHost.wake();
  }

  /**
   * Stops the stdin pump (if stdin was used), flushes stdout and stderr, and closes every resource
   * the guest still holds (sockets, files); idempotent. Call it once the instance is done.
   */
  @Override
  public void close() {
    stdioHost.close();
    // Sockets, files and streams the guest never dropped.
    for (Object o : table.clear()) {
      if (o instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          // closing is best effort: the instance is gone
        }
      }
    }
  }
}

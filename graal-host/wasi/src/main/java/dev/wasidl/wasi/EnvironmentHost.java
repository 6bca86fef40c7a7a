package dev.wasidl.wasi;

import dev.wasidl.bindings.Tuple2;
import dev.wasidl.wasi.bindings.wasi.cli.Environment;
import java.util.List;
import java.util.Optional;

/** {@code wasi:cli/environment}: what the {@link WasiConfig} grants, the same on every call. */
final class EnvironmentHost implements Environment {
  private final WasiCtx ctx;

  EnvironmentHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public List<Tuple2<String, String>> getEnvironment() {
    return ctx.config().env().entrySet().stream()
        .map(e -> new Tuple2<>(e.getKey(), e.getValue()))
        .toList();
  }

  @Override
  public List<String> getArguments() {
    return ctx.config().args();
  }

  @Override
  public Optional<String> initialCwd() {
    return ctx.config().initialCwd();
  }
}

package dev.wasidl.wasi;

import dev.wasidl.abi.Trap;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Func;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.types.Val;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Runs the committed WASI command guests on a {@link Linker} with {@link Wasi#add}. */
final class WasiGuests {
  private WasiGuests() {}

  /** What a command run left: its standard output and error, and its exit code. */
  record Outcome(String stdout, String stderr, int exit) {}

  static byte[] bytes(String name) {
    try (InputStream in = WasiGuests.class.getResourceAsStream("/guests/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no guest " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code run} of the guest's {@code wasi:cli/run@0.2.x} export. */
  static Func run(Instance instance) {
    String iface =
        instance.exports().stream()
            .filter(n -> n.startsWith("wasi:cli/run@0.2."))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no wasi:cli/run export: " + instance.exports()));
    return instance.func(iface, "run").orElseThrow();
  }

  /**
   * A linker with {@link Wasi#add}, where (until the filesystem host lands) {@code
   * wasi:filesystem/preopens.get-directories} returns no directories instead of trapping: wasi-libc
   * asks for the preopens at start-up.
   */
  static Linker linker(GraalRuntime runtime) {
    Linker linker = Linker.of(runtime);
    Wasi.add(linker);
    linker
        .allowShadowing(true)
        .instance(dev.wasidl.wasi.bindings.wasi.filesystem.Preopens.NAME)
        .func("get-directories", (cx, args) -> Optional.of(new Val.ListVal(List.of())));
    return linker.allowShadowing(false);
  }

  /** Runs the command {@code guest} with {@code args} (argv[0] first), {@code env} and stdin. */
  static Outcome command(
      GraalRuntime runtime,
      Component component,
      List<String> args,
      Map<String, String> env,
      byte[] stdin,
      Consumer<WasiConfig.Builder> more) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    WasiConfig.Builder b =
        WasiConfig.builder()
            .args(args)
            .stdin(new ByteArrayInputStream(stdin))
            .stdout(out)
            .stderr(err);
    env.forEach(b::env);
    more.accept(b);
    Linker linker = linker(runtime);
    int exit;
    try (WasiCtx ctx = new WasiCtx(b.build());
        Instance instance = linker.instantiate(component, ctx)) {
      Optional<Val> r = run(instance).call();
      exit = r.orElseThrow() instanceof Val.ResultVal rv && rv.isOk() ? 0 : 1;
    } catch (WasiExit e) {
      exit = e.code();
    } catch (Trap t) {
      throw t;
    }
    return new Outcome(
        out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), exit);
  }
}

package dev.wasidl.dl;

import dev.wasidl.abi.Trap;
import dev.wasidl.dl.bindings.wasi.dl.Dll;
import dev.wasidl.dl.bindings.wasi.dl.DllBindings;
import dev.wasidl.dl.bindings.wasi.dl.Ffi;
import dev.wasidl.dl.bindings.wasi.dl.FfiBindings;
import dev.wasidl.runtime.Linker;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Defines wasi:dl ({@code wasi:dl/ffi@0.2.0-draft} and {@code wasi:dl/dll@0.2.0-draft}) on a {@link
 * Linker}. The policy is per instance: it is the one of the {@link DlCtx} the instance is given,
 * e.g.
 *
 * <pre>{@code
 * WasiDl.add(linker);
 * DlPolicy policy = DlPolicy.builder().allow("libm.so.6").build();
 * try (DlCtx dl = new DlCtx(policy); Instance instance = linker.instantiate(component, dl)) {
 *   ...
 * }
 * }</pre>
 *
 * An instance whose data is a {@link DlCtx} without a policy ({@code new DlCtx()}) may open
 * nothing. A component that does not import wasi:dl is unaffected.
 */
public final class WasiDl {
  private WasiDl() {}

  /**
   * Defines both interfaces; each instance must be instantiated with a {@link DlView} as its data
   * (a {@link DlCtx}, or an application object implementing {@link DlView} and, for WASI too,
   * {@code WasiView}).
   */
  public static void add(Linker linker) {
    add(linker, WasiDl::view);
  }

  /** Defines both interfaces, finding each instance's context with {@code ctx}. */
  public static void add(Linker linker, Function<@Nullable Object, DlCtx> ctx) {
    FfiBindings.add(linker, d -> ctx.apply(d).ffi());
    DllBindings.add(linker, d -> ctx.apply(d).dll());
    DlAdapter adapter = new DlAdapter(ctx);
    linker.instance(Ffi.NAME).adapter(adapter);
    linker.instance(Dll.NAME).adapter(adapter);
  }

  static DlCtx view(@Nullable Object data) {
    if (data instanceof DlView v) {
      return v.dl();
    }
    throw new Trap(
        "wasi:dl is defined on the linker but the instance was not given a DlView as its data");
  }
}

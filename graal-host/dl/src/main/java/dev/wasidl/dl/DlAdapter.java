package dev.wasidl.dl;

import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import dev.wasidl.dl.bindings.wasi.dl.FfiBindings;
import dev.wasidl.graal.GraalModule;
import dev.wasidl.runtime.HostAdapter;
import dev.wasidl.types.ResourceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * wasi:dl's {@code outgoing-primitive} and {@code incoming-primitive} kept in wasm inside each
 * calling component instance ({@code src/main/wat/dl-state.wat} and {@code dl-memory.wat}): their
 * constructor, setters, getters and drops never leave wasm, and {@code function.call} of a
 * primitive signature crosses into Java once, with the arguments' canonical bits. So a guest's
 * native call through wasi:dl costs one host crossing instead of seven. Everything else, and every
 * case the modules do not handle themselves, is {@link FfiHost}'s and {@link DllHost}'s as before:
 * the handles move between the modules and the {@link DlCtx} as they pass through the instance's
 * handle table ({@link DlAdapterHost}).
 */
final class DlAdapter implements HostAdapter {
  private static final GraalModule STATE = module("dl-state");
  private static final GraalModule MEMORY = module("dl-memory");

  private static final Set<String> IN_STATE =
      Set.of(
          "[constructor]outgoing-primitive",
          "[method]outgoing-primitive.set-s8",
          "[method]outgoing-primitive.set-s16",
          "[method]outgoing-primitive.set-s32",
          "[method]outgoing-primitive.set-s64",
          "[method]outgoing-primitive.set-u8",
          "[method]outgoing-primitive.set-u16",
          "[method]outgoing-primitive.set-u32",
          "[method]outgoing-primitive.set-u64",
          "[method]outgoing-primitive.set-f32",
          "[method]outgoing-primitive.set-f64",
          "[method]outgoing-primitive.set-addr");

  private static final Set<String> IN_MEMORY =
      Set.of(
          "[method]incoming-primitive.get-s8",
          "[method]incoming-primitive.get-s16",
          "[method]incoming-primitive.get-s32",
          "[method]incoming-primitive.get-s64",
          "[method]incoming-primitive.get-u8",
          "[method]incoming-primitive.get-u16",
          "[method]incoming-primitive.get-u32",
          "[method]incoming-primitive.get-u64",
          "[method]incoming-primitive.get-f32",
          "[method]incoming-primitive.get-f64",
          "[method]incoming-primitive.get-alloc",
          "[method]function.call");

  private static final Map<ResourceType, String> DROPS =
      Map.of(
          FfiBindings.OUTGOING_PRIMITIVE, "[resource-drop]outgoing-primitive",
          FfiBindings.INCOMING_PRIMITIVE, "[resource-drop]incoming-primitive");

  private static final Map<String, CoreType.Func> FALLBACKS =
      Map.of(
          "[method]function.call",
          new CoreType.Func(
              List.of(CoreValType.I32, CoreValType.I32, CoreValType.I32, CoreValType.I32),
              List.of()));

  private final Function<@Nullable Object, DlCtx> ctx;

  DlAdapter(Function<@Nullable Object, DlCtx> ctx) {
    this.ctx = ctx;
  }

  @Override
  public GraalModule stateModule() {
    return STATE;
  }

  @Override
  public GraalModule memoryModule() {
    return MEMORY;
  }

  @Override
  public @Nullable Placement placement(String member) {
    return IN_STATE.contains(member)
        ? Placement.STATE
        : IN_MEMORY.contains(member) ? Placement.MEMORY : null;
  }

  @Override
  public Map<ResourceType, String> drops() {
    return DROPS;
  }

  @Override
  public Map<String, CoreType.Func> fallbacks() {
    return FALLBACKS;
  }

  @Override
  public Binding bind(Site site) {
    return DlAdapterHost.of(site, ctx);
  }

  private static GraalModule module(String name) {
    try (InputStream in = DlAdapter.class.getResourceAsStream(name + ".wasm")) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + ".wasm");
      }
      return GraalModule.of("wasidl-" + name, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

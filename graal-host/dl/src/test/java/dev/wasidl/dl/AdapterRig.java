package dev.wasidl.dl;

import dev.wasidl.abi.ResourceTable;
import dev.wasidl.abi.Trap;
import dev.wasidl.dl.bindings.wasi.dl.FfiBindings;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.ffm.IncomingPrimitive;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.graal.GraalInstance;
import dev.wasidl.graal.GraalMemory;
import dev.wasidl.graal.GraalModule;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.graal.GraalStore;
import dev.wasidl.graal.HostFunction;
import dev.wasidl.graal.Imports;
import dev.wasidl.runtime.HostAdapter;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@link DlAdapter}'s two modules on real GraalWasm with a real {@link DlCtx} and handle table,
 * bound as the runtime binds them, for tests that call their exports as a guest would. The memory
 * module's fallback to the host's own {@code function.call} traps here.
 */
final class AdapterRig implements AutoCloseable {
  // (module (memory (export "memory") 1))
  private static final byte[] MEMORY = {
    0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 5, 3, 1, 0, 1, 7, 10, 1, 6, 'm', 'e', 'm', 'o', 'r', 'y', 2, 0
  };

  final GraalRuntime runtime = GraalRuntime.create();
  final GraalStore store = runtime.newStore();
  final DlCtx dl;
  final ResourceTable table = ResourceTable.of(Set.of());
  final HostAdapter.Binding binding;
  final GraalInstance state;
  final GraalInstance memory;
  final GraalMemory guest;
  boolean inPostReturn; // what the rig's site says of the instance's may_leave

  AdapterRig(DlLimits limits) {
    dl = new DlCtx(DlPolicy.denyAll(), limits);
    DlAdapter adapter = new DlAdapter(WasiDl::view);
    binding =
        adapter.bind(
            new HostAdapter.Site() {
              @Override
              public @Nullable Object data() {
                return dl;
              }

              @Override
              public void checkMayLeave() {
                if (inPostReturn) {
                  throw new Trap("called an import from its post-return");
                }
              }

              @Override
              public ResourceTable handles() {
                return table;
              }
            });
    Imports.Builder h = Imports.builder();
    binding.imports().forEach((n, f) -> h.define("h", n, f));
    state = store.instantiate(adapter.stateModule(), h.build());
    table.adopt(adapter.drops().keySet(), binding.attach(state));
    guest = store.instantiate(GraalModule.of("memory", MEMORY)).memory("memory").orElseThrow();
    Imports.Builder m = Imports.builder().define("m", "memory", guest).define("s", state);
    binding.imports().forEach((n, f) -> m.define("h", n, f));
    adapter
        .fallbacks()
        .forEach(
            (n, t) ->
                m.define(
                    "f",
                    n,
                    HostFunction.ofProxy(
                        t,
                        a -> {
                          throw new Trap("the host's function.call");
                        })));
    memory = store.instantiate(adapter.memoryModule(), m.build());
  }

  int call(GraalInstance in, String f, Object... args) {
    return in.function(f).orElseThrow().callInt(args);
  }

  void run(GraalInstance in, String f, Object... args) {
    in.function(f).orElseThrow().call(args);
  }

  int newOut(int type) {
    return call(state, "[constructor]outgoing-primitive", type);
  }

  /** The canonical bits the state module holds for handle {@code h}. */
  long bits(int h) {
    return state.function("bits").orElseThrow().callLong(h - 0x4000_0000);
  }

  /** An incoming primitive as a call would leave it: through the table's lower of the type. */
  int newIncoming(PrimitiveType type, long bits) {
    int rep = dl.push(IncomingPrimitive.ofBits(type, bits)).rep();
    return table.resourceNew(FfiBindings.INCOMING_PRIMITIVE, rep);
  }

  @Override
  public void close() {
    dl.close();
    store.close();
    runtime.close();
  }
}

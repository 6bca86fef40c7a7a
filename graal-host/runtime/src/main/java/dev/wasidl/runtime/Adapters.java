package dev.wasidl.runtime;

import dev.wasidl.abi.ResourceTable;
import dev.wasidl.abi.Trap;
import dev.wasidl.component.CoreType;
import dev.wasidl.graal.Extern;
import dev.wasidl.graal.GraalInstance;
import dev.wasidl.graal.GraalMemory;
import dev.wasidl.graal.GraalStore;
import dev.wasidl.graal.HostFunction;
import dev.wasidl.graal.HostFunctionClass;
import dev.wasidl.graal.Imports;
import dev.wasidl.types.ResourceType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The {@link HostAdapter}s of one component instance, each instantiated at its first use: its state
 * module once, its memory module once per memory.
 */
final class Adapters {
  private static final MethodHandle TARGET;

  static {
    try {
      TARGET =
          MethodHandles.lookup()
              .findVirtual(
                  MutableCallSite.class, "getTarget", MethodType.methodType(MethodHandle.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // per core signature, the class of the fallback imports: their data is their call site
  private static final ConcurrentHashMap<CoreType.Func, HostFunctionClass> FALLBACKS =
      new ConcurrentHashMap<>();

  private final InstanceState instance;
  private final GraalStore store;
  // the one adapter this instance uses (null until the first), and it bound (null if unavailable)
  private @Nullable HostAdapter adapter;
  private @Nullable Bound bound;

  /**
   * The adapter bound to the instance: its host functions (made once, imported by every module),
   * its state module and its memory modules.
   */
  private static final class Bound {
    final Map<String, HostFunction> hostFunctions;
    final GraalInstance state;
    final IdentityHashMap<GraalMemory, Placed> memories = new IdentityHashMap<>();
    final HostAdapter.Binding binding;

    Bound(
        HostAdapter.Binding binding, Map<String, HostFunction> hostFunctions, GraalInstance state) {
      this.binding = binding;
      this.hostFunctions = hostFunctions;
      this.state = state;
    }
  }

  /** A memory module, with the call sites its fallback imports go through. */
  private record Placed(GraalInstance instance, Map<String, MutableCallSite> fallbacks) {}

  Adapters(InstanceState instance, GraalStore store) {
    this.instance = instance;
    this.store = store;
  }

  /**
   * The core function implementing {@code callee} (function {@code member} of an interface {@code
   * adapter} serves) for a lower with {@code opts}, or null if the host's own lowering must serve
   * it (a memory function lowered without a memory).
   */
  @Nullable Extern function(
      HostAdapter adapter, String member, HostFuncItem callee, CanonOpts opts) {
    HostAdapter.Placement placement = adapter.placement(member);
    if (placement == null) {
      return null;
    }
    Bound b = bind(adapter);
    if (b == null) {
      return null;
    }
    if (placement == HostAdapter.Placement.STATE) {
      return export(b.state, member);
    }
    GraalMemory memory = opts.memory();
    if (memory == null) {
      return null;
    }
    Placed placed = b.memories.computeIfAbsent(memory, m -> place(adapter, b, m));
    MutableCallSite site = placed.fallbacks().get(member);
    if (site != null) {
      MethodHandle own = Lowered.handle(callee, opts, instance, false);
      if (!own.type().equals(site.type())) {
        throw new UnlinkableException(
            "the host adapter's fallback for "
                + callee
                + " is "
                + site.type()
                + ", not "
                + own.type());
      }
      site.setTarget(own);
    }
    return export(placed.instance(), member);
  }

  /**
   * The core function implementing {@code canon resource.drop} of {@code type}, or null if the
   * adapter is unavailable here.
   */
  @Nullable Extern drop(HostAdapter adapter, ResourceType type) {
    String name = adapter.drops().get(type);
    if (name == null) {
      throw new IllegalArgumentException(type + " is not kept by " + adapter);
    }
    Bound b = bind(adapter);
    return b == null ? null : export(b.state, name);
  }

  /**
   * The adapter bound to the instance, or null if the engine cannot run its modules (an
   * application's engine without multi-memory): then the host's own functions serve, as without it.
   */
  private @Nullable Bound bind(HostAdapter adapter) {
    if (this.adapter != null) {
      if (!this.adapter.equals(adapter)) {
        throw new UnlinkableException(
            "component instance "
                + instance.name()
                + " would need two host adapters; one is served");
      }
      return bound;
    }
    this.adapter = adapter;
    if (!store.accepts(adapter.stateModule()) || !store.accepts(adapter.memoryModule())) {
      return null;
    }
    HostAdapter.Binding binding = adapter.bind(new Site(instance));
    Map<String, HostFunction> hostFunctions = binding.imports();
    Imports.Builder h = Imports.builder();
    hostFunctions.forEach((n, f) -> h.define("h", n, f));
    GraalInstance state = store.instantiate(adapter.stateModule(), h.build());
    instance.handles().adopt(adapter.drops().keySet(), binding.attach(state));
    bound = new Bound(binding, hostFunctions, state);
    return bound;
  }

  private Placed place(HostAdapter adapter, Bound b, GraalMemory memory) {
    Imports.Builder imports = Imports.builder();
    imports.define("m", "memory", memory);
    imports.define("s", b.state);
    b.hostFunctions.forEach((n, f) -> imports.define("h", n, f));
    Map<String, MutableCallSite> fallbacks = new LinkedHashMap<>();
    for (Map.Entry<String, CoreType.Func> e : adapter.fallbacks().entrySet()) {
      String member = e.getKey();
      MethodType type = HostFunction.methodType(e.getValue());
      MethodHandle unset =
          MethodHandles.dropArguments(
              MethodHandles.throwException(type.returnType(), Trap.class)
                  .bindTo(new Trap(member + " was not lowered by this instance")),
              0,
              type.parameterList());
      MutableCallSite site = new MutableCallSite(unset);
      fallbacks.put(member, site);
      imports.define(
          "f", member, FALLBACKS.computeIfAbsent(e.getValue(), Adapters::fallback).bind(site));
    }
    return new Placed(store.instantiate(adapter.memoryModule(), imports.build()), fallbacks);
  }

  // (MutableCallSite site, params) -> site.getTarget().invokeExact(params): an indirect call, as
  // a site per instance cannot be the class's constant; fallbacks are the adapters' slow paths
  private static HostFunctionClass fallback(CoreType.Func type) {
    return HostFunctionClass.of(
        type,
        MethodHandles.filterArguments(
            MethodHandles.exactInvoker(HostFunction.methodType(type)), 0, TARGET));
  }

  /** Tells the bound adapter, if any, that the instance's {@code may_leave} changed. */
  void mayLeave(boolean may) {
    Bound b = bound;
    if (b != null) {
      b.binding.mayLeave(may);
    }
  }

  private static Extern export(GraalInstance from, String name) {
    return from.export(name)
        .orElseThrow(
            () ->
                new UnlinkableException(
                    "host adapter module " + from + " does not export " + name));
  }

  /** The component instance as a binding sees it. */
  private record Site(InstanceState instance) implements HostAdapter.Site {
    @Override
    public @Nullable Object data() {
      return instance.data();
    }

    @Override
    public void checkMayLeave() {
      instance.checkMayLeave("a host adapter");
    }

    @Override
    public ResourceTable handles() {
      return instance.handles();
    }
  }
}

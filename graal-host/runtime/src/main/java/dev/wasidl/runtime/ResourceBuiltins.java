package dev.wasidl.runtime;

import dev.wasidl.abi.Destructor;
import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import dev.wasidl.graal.HostFunction;
import dev.wasidl.graal.HostFunctionClass;
import dev.wasidl.types.ResourceType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/** {@code canon resource.new}, {@code resource.drop} and {@code resource.rep} of one type. */
final class ResourceBuiltins {
  private static final CoreType.Func I32_TO_I32 =
      new CoreType.Func(List.of(CoreValType.I32), List.of(CoreValType.I32));
  private static final CoreType.Func I32_TO_NONE =
      new CoreType.Func(List.of(CoreValType.I32), List.of());

  // the three builtins of every type and instance: their data is the ResourceBuiltins
  private static final HostFunctionClass NEW = builtin("newHandle", int.class, I32_TO_I32);
  private static final HostFunctionClass REP = builtin("rep", int.class, I32_TO_I32);
  private static final HostFunctionClass DROP = builtin("drop", void.class, I32_TO_NONE);

  private final InstanceState instance;
  private final ResourceType type;
  private final Destructor destructor;

  private ResourceBuiltins(InstanceState instance, ResourceType type, Destructor destructor) {
    this.instance = instance;
    this.type = type;
    this.destructor = destructor;
  }

  /**
   * The destructor a drop by {@code instance} runs: the definer's own drops call it directly, drops
   * from any other instance enter the definer first, as the spec's {@code canon resource.drop}
   * calls it through {@code canon lift} (so a closed, trapped or running definer traps).
   */
  private static Destructor destructor(InstanceState instance, Item.Resource r) {
    InstanceState definer = r.definer();
    if (definer == null || definer == instance) {
      return r.destructor();
    }
    Destructor inner = r.destructor();
    String what = "the destructor of " + r.type();
    return rep -> definer.call(what, () -> inner.destroy(rep));
  }

  static HostFunction resourceNew(InstanceState instance, Item.Resource r) {
    return NEW.bind(of(instance, r));
  }

  static HostFunction resourceRep(InstanceState instance, Item.Resource r) {
    return REP.bind(of(instance, r));
  }

  static HostFunction resourceDrop(InstanceState instance, Item.Resource r) {
    return DROP.bind(of(instance, r));
  }

  private static ResourceBuiltins of(InstanceState instance, Item.Resource r) {
    return new ResourceBuiltins(instance, r.type(), destructor(instance, r));
  }

  private static HostFunctionClass builtin(String method, Class<?> result, CoreType.Func type) {
    try {
      return HostFunctionClass.of(
          type,
          MethodHandles.lookup()
              .findVirtual(
                  ResourceBuiltins.class, method, MethodType.methodType(result, int.class)));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // through handle()
  private int newHandle(int rep) {
    return instance.handles().resourceNew(type, rep);
  }

  @SuppressWarnings("unused") // through handle()
  private int rep(int index) {
    return instance.handles().resourceRep(type, index);
  }

  @SuppressWarnings("unused") // through handle()
  private void drop(int index) {
    instance.handles().resourceDrop(type, index, destructor);
  }
}

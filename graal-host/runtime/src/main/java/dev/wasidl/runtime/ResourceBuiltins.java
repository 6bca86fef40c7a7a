package dev.wasidl.runtime;

import dev.wasidl.abi.Destructor;
import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import dev.wasidl.graal.HostFunction;
import dev.wasidl.types.ResourceType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/** {@code canon resource.new}, {@code resource.drop} and {@code resource.rep} of one type. */
final class ResourceBuiltins {
  private static final CoreType.Func I32_TO_I32 =
      new CoreType.Func(List.of(CoreValType.I32), List.of(CoreValType.I32));
  private static final CoreType.Func I32_TO_NONE =
      new CoreType.Func(List.of(CoreValType.I32), List.of());

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
    return HostFunction.of(I32_TO_I32, handle("newHandle", int.class, r, instance));
  }

  static HostFunction resourceRep(InstanceState instance, Item.Resource r) {
    return HostFunction.of(I32_TO_I32, handle("rep", int.class, r, instance));
  }

  static HostFunction resourceDrop(InstanceState instance, Item.Resource r) {
    return HostFunction.of(I32_TO_NONE, handle("drop", void.class, r, instance));
  }

  private static MethodHandle handle(
      String method, Class<?> result, Item.Resource r, InstanceState instance) {
    try {
      return MethodHandles.lookup()
          .findVirtual(ResourceBuiltins.class, method, MethodType.methodType(result, int.class))
          .bindTo(new ResourceBuiltins(instance, r.type(), destructor(instance, r)));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
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

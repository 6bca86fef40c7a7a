package dev.wasidl.runtime;

import dev.wasidl.abi.Destructor;
import dev.wasidl.component.ComponentDef;
import dev.wasidl.component.CoreModule;
import dev.wasidl.component.CoreType;
import dev.wasidl.component.DefType;
import dev.wasidl.graal.Extern;
import dev.wasidl.graal.GraalModule;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.ResourceType;
import dev.wasidl.types.Type;
import java.util.Map;

/** An entry of a runtime index space: what a component index denotes in one instantiation. */
sealed interface Item {
  /** A core function, table, memory or global. */
  record CoreExtern(Extern extern) implements Item {}

  /** A core instance: its exports by name. */
  record CoreInstance(Map<String, Extern> exports) implements Item {}

  /** A core module, parsed once per component. */
  record CoreModuleItem(CoreModule model, GraalModule module) implements Item {}

  /** A core type (only checked, never run). */
  record CoreTypeItem(CoreType type) implements Item {}

  /** A component function. */
  record Func(ComponentFunc func) implements Item {}

  /** A resolved value type. */
  record ValueType(Type type) implements Item {}

  /** A resolved function type. */
  record FuncTypeItem(FuncType type) implements Item {}

  /**
   * A resource type, with the destructor its definer gave (none for abstract ones), the instance
   * that defines it (null for host and abstract types: a drop from another instance enters it), and
   * the host adapter keeping its handles in the instances that use it, if any.
   */
  record Resource(
      ResourceType type,
      Destructor destructor,
      @org.jspecify.annotations.Nullable InstanceState definer,
      @org.jspecify.annotations.Nullable HostAdapter adapter)
      implements Item {
    Resource(ResourceType type, Destructor destructor) {
      this(type, destructor, null, null);
    }

    Resource(
        ResourceType type,
        Destructor destructor,
        @org.jspecify.annotations.Nullable InstanceState definer) {
      this(type, destructor, definer, null);
    }
  }

  /** An instance or component type, kept as declared, with the scope its indices refer to. */
  record InterfaceType(DefType type, Scope scope) implements Item {}

  /** A component instance: its exports by name. */
  record Instance(Map<String, Item> exports) implements Item {}

  /** A component, with the scope its outer aliases refer to. */
  record ComponentItem(ComponentDef model, Scope scope) implements Item {}
}

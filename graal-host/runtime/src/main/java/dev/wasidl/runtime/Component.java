package dev.wasidl.runtime;

import dev.wasidl.abi.Trap;
import dev.wasidl.component.ComponentDecoder;
import dev.wasidl.component.ComponentDef;
import dev.wasidl.component.CoreModule;
import dev.wasidl.component.binary.LimitsCap;
import dev.wasidl.graal.GraalModule;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A decoded, validated component whose core modules are parsed once: immutable and shareable, the
 * unit that {@link Linker#instantiate} instantiates any number of times.
 */
public final class Component {
  private final ComponentDef model;
  private final IdentityHashMap<CoreModule, Map<LimitsCap, GraalModule>> modules =
      new IdentityHashMap<>();
  private final IdentityHashMap<CoreModule, Integer> indexes = new IdentityHashMap<>();
  private final String name;

  private Component(String name, ComponentDef model) {
    this.name = name;
    this.model = model;
  }

  /** Decodes and validates a component binary. */
  public static Component of(String name, byte[] bytes) {
    return new Component(name, ComponentDecoder.decode(bytes));
  }

  public String name() {
    return name;
  }

  /** The decoded model (imports, exports, types). */
  public ComponentDef model() {
    return model;
  }

  /**
   * The parsed form of one of its core modules with its memories and tables capped (created once
   * per cap, shared by every instance).
   *
   * @throws Trap when a memory or table of the module starts larger than its cap
   */
  synchronized GraalModule module(CoreModule core, LimitsCap cap) {
    Map<LimitsCap, GraalModule> byCap = modules.computeIfAbsent(core, m -> new HashMap<>());
    GraalModule module = byCap.get(cap);
    if (module == null) {
      String moduleName = name + "#core" + index(core);
      ByteBuffer bytes;
      try {
        bytes = cap.apply(core);
      } catch (LimitsCap.TooLarge e) {
        throw new Trap(
            "instantiation of "
                + moduleName
                + ": its "
                + e.getMessage()
                + (e.memory()
                    ? " (Linker.maxMemorySize; wasidl run -W max-memory-size=)"
                    : " (Linker.maxTableElements; wasidl run -W max-table-elements=)"));
      }
      module = GraalModule.of(moduleName, bytes);
      byCap.put(cap, module);
    }
    return module;
  }

  /** The module's position among the component's core modules, in the order first parsed. */
  private int index(CoreModule core) {
    return indexes.computeIfAbsent(core, m -> indexes.size());
  }
}

package dev.wasidl.runtime;

import dev.wasidl.component.Sort;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The index spaces of one component (or instance type) being instantiated, and the enclosing scope
 * that outer aliases reach.
 */
final class Scope {
  private final @Nullable Scope parent;
  private final Map<Sort, List<Item>> spaces = new EnumMap<>(Sort.class);

  Scope(@Nullable Scope parent) {
    this.parent = parent;
  }

  void push(Sort sort, Item item) {
    spaces.computeIfAbsent(sort, s -> new ArrayList<>()).add(item);
  }

  Item get(Sort sort, int index) {
    List<Item> space = spaces.getOrDefault(sort, List.of());
    if (index < 0 || index >= space.size()) {
      throw new UnlinkableException(
          sort + " index " + index + " is out of range (" + space.size() + " defined)");
    }
    return space.get(index);
  }

  <T extends Item> T get(Sort sort, int index, Class<T> kind) {
    Item item = get(sort, index);
    if (!kind.isInstance(item)) {
      throw new UnlinkableException(
          sort
              + " index "
              + index
              + " is a "
              + item.getClass().getSimpleName()
              + ", not a "
              + kind.getSimpleName());
    }
    return kind.cast(item);
  }

  Scope outer(int count) {
    Scope s = this;
    for (int i = 0; i < count; i++) {
      if (s.parent == null) {
        throw new UnlinkableException(
            "outer alias reaches " + count + " scopes out, past the root");
      }
      s = s.parent;
    }
    return s;
  }
}

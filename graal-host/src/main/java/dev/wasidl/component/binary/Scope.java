package dev.wasidl.component.binary;

import dev.wasidl.component.Definition;
import dev.wasidl.component.Sort;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One validation scope: a component, a component type, an instance type or a core module type, with
 * its index spaces built incrementally as definitions are read.
 */
final class Scope {
  enum Kind {
    COMPONENT("component"),
    COMPONENT_TYPE("component type"),
    INSTANCE_TYPE("instance type"),
    MODULE_TYPE("core module type");

    final String specName;

    Kind(String specName) {
      this.specName = specName;
    }
  }

  final Scope parent;
  final Kind kind;
  private final EnumMap<Sort, List<Facts>> infos = new EnumMap<>(Sort.class);
  private final EnumMap<Sort, List<Definition>> definitions = new EnumMap<>(Sort.class);

  /** Imports and exports by name, in order. */
  final Map<String, Facts.Extern> imports = new LinkedHashMap<>();

  final Map<String, Facts.Extern> exports = new LinkedHashMap<>();

  /** Strongly-unique keys of the names used so far. */
  final Map<String, String> importKeys = new HashMap<>();

  final Map<String, String> exportKeys = new HashMap<>();

  /** Resources imported or exported so far, by plain name (for annotated function names). */
  final Map<String, Facts> resources = new HashMap<>();

  Scope(Scope parent, Kind kind) {
    this.parent = parent;
    this.kind = kind;
    for (Sort s : Sort.values()) {
      infos.put(s, new ArrayList<>());
      definitions.put(s, new ArrayList<>());
    }
  }

  int size(Sort sort) {
    return infos.get(sort).size();
  }

  Facts info(Sort sort, int index) {
    return infos.get(sort).get(index);
  }

  int add(Sort sort, Facts info, Definition definition) {
    infos.get(sort).add(info);
    if (definition != null) {
      definitions.get(sort).add(definition);
    }
    return infos.get(sort).size() - 1;
  }

  Map<Sort, List<Definition>> definitions() {
    Map<Sort, List<Definition>> copy = new EnumMap<>(Sort.class);
    definitions.forEach((s, l) -> copy.put(s, List.copyOf(l)));
    return copy;
  }
}

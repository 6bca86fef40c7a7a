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
final class ValidationScope {
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

  /** How deep components and types may nest (an implementation limit, against stack overflow). */
  static final int MAX_DEPTH = 100;

  final ValidationScope parent;
  final Kind kind;
  final int depth;
  private final EnumMap<Sort, List<Facts>> infos = new EnumMap<>(Sort.class);
  private final EnumMap<Sort, List<Definition>> definitions = new EnumMap<>(Sort.class);

  /** Imports and exports by name, in order. */
  final Map<String, Facts.Extern> imports = new LinkedHashMap<>();

  final Map<String, Facts.Extern> exports = new LinkedHashMap<>();

  /** Strongly-unique keys of the names used so far. */
  final Map<String, String> importKeys = new HashMap<>();

  final Map<String, String> exportKeys = new HashMap<>();

  /** Resources this scope introduces: abstract ones of its imports/exports, and defined ones. */
  final List<Facts> fresh = new ArrayList<>();

  /** Resources imported or exported so far, by plain name (for annotated function names). */
  final Map<String, Facts> importedResources = new HashMap<>();

  final Map<String, Facts> exportedResources = new HashMap<>();

  ValidationScope(ValidationScope parent, Kind kind) {
    this.parent = parent;
    this.kind = kind;
    this.depth = parent == null ? 0 : parent.depth + 1;
    for (Sort s : Sort.values()) {
      infos.put(s, new ArrayList<>());
      definitions.put(s, new ArrayList<>());
    }
  }

  /** A nested scope, failing with "unsupported" beyond {@link #MAX_DEPTH}. */
  static ValidationScope nested(BinaryReader s, ValidationScope parent, Kind kind, int at) {
    if (parent != null && parent.depth + 1 > MAX_DEPTH) {
      throw s.unsupported(
          kind.specName + " nested deeper than " + MAX_DEPTH + " levels (implementation limit)",
          at);
    }
    return new ValidationScope(parent, kind);
  }

  int size(Sort sort) {
    return infos.get(sort).size();
  }

  Facts info(Sort sort, int index) {
    return infos.get(sort).get(index);
  }

  /** Type indices with an externally visible name (introduced by an import, export or alias). */
  private final java.util.BitSet namedTypes = new java.util.BitSet();

  /** Type indices introduced by an export (imports may not refer to them). */
  final java.util.BitSet exportedTypes = new java.util.BitSet();

  boolean isNamedType(int index) {
    return namedTypes.get(index);
  }

  /** Instance indices that are imported or exported: their exports' types have names. */
  private final java.util.BitSet namedInstances = new java.util.BitSet();

  boolean isNamedInstance(int index) {
    return namedInstances.get(index);
  }

  void markNamed(Sort sort, int index) {
    if (sort == Sort.TYPE) {
      namedTypes.set(index);
    } else if (sort == Sort.INSTANCE) {
      namedInstances.set(index);
    }
  }

  /** Adds an entry introduced by an import or export: for types and instances, a named one. */
  int addNamed(Sort sort, Facts info, Definition definition) {
    int index = add(sort, info, definition);
    markNamed(sort, index);
    return index;
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

package dev.wasidl.component.binary;

import dev.wasidl.abi.FlatType;
import dev.wasidl.component.CoreExternType;
import dev.wasidl.component.CoreImport;
import dev.wasidl.component.CoreType;
import dev.wasidl.component.Sort;
import java.util.List;
import java.util.Map;

/**
 * What validation knows about one entry of an index space. {@link Unknown} marks knowledge the
 * decoder does not track, so checks that need it are skipped rather than guessed.
 */
sealed interface Facts {
  /** Not tracked: accepted wherever a more specific entry would be. */
  record Unknown() implements Facts {}

  Unknown UNKNOWN = new Unknown();

  /** An import or export: its sort and what is known of it. */
  record Extern(Sort sort, Facts info) {}

  /**
   * A defined value type.
   *
   * @param hasBorrow whether it transitively contains a {@code borrow}
   * @param handle for {@code own}/{@code borrow}, the handle; else null
   * @param okHandle for {@code result} whose ok type is a handle, that handle; else null
   * @param flat its Canonical ABI flattening, cut off after {@link Flattening#CAP} types; null when
   *     a type it uses is not tracked
   * @param needsMemory whether it contains a list or string (false when not tracked)
   * @param hasHandle whether it transitively contains an {@code own} or {@code borrow}
   * @param size the Canonical ABI's {@code elem_size(t, 'i64')}, or -1 when not tracked
   * @param align the Canonical ABI's {@code alignment(t, 'i64')}, or -1 when not tracked
   * @param shape the type with its indices resolved, or null when not tracked
   * @param depth how deeply value types nest in it (a primitive 0, {@code list<u8>} 1), for the
   *     decoder's nesting limit
   */
  record ValueType(
      boolean hasBorrow,
      Handle handle,
      Handle okHandle,
      List<FlatType> flat,
      boolean needsMemory,
      boolean hasHandle,
      long size,
      int align,
      Shape shape,
      int depth)
      implements Facts {}

  /** An {@code own} or {@code borrow} of a resource. */
  record Handle(boolean own, Facts resource) {}

  /** A resource type; {@code local} when defined by a {@code resourcetype} of this component. */
  record Resource(int id, boolean local) implements Facts {}

  /** A function type, with the facts of its parameters and result (null if none). */
  record Func(List<String> paramLabels, List<Facts> params, Facts result) implements Facts {}

  /**
   * An instance type, or what an instance exports; {@code fresh} lists the abstract resources the
   * type itself introduces, renamed for each import or export of the type.
   */
  record InstanceT(Map<String, Extern> exports, List<Facts> fresh) implements Facts {}

  /**
   * A component type, or what a component imports and exports; {@code fresh} lists the resources it
   * introduces (renamed per import of the type, and per instantiation).
   */
  record ComponentT(Map<String, Extern> imports, Map<String, Extern> exports, List<Facts> fresh)
      implements Facts {}

  /** A core table, memory or global of a known type. */
  record CoreExtern(CoreExternType type) implements Facts {}

  /** A core function of a known type. */
  record CoreFunc(CoreType.Func type) implements Facts {}

  /**
   * A core module type, or what a core module imports and exports; {@code importTypes} holds the
   * function type of each function import (null for other imports or when not known).
   */
  record CoreModuleT(
      List<CoreImport> imports, List<CoreType.Func> importTypes, Map<String, Extern> exports)
      implements Facts {}

  /** A core instance's exports. */
  record CoreInstanceT(Map<String, Extern> exports) implements Facts {}

  /** A core type definition; for a module type, also what it imports and exports. */
  record CoreTypeT(CoreType type, CoreModuleT module) implements Facts {}
}

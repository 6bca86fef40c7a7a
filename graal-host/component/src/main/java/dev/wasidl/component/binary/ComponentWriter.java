package dev.wasidl.component.binary;

import dev.wasidl.component.DefType;
import dev.wasidl.component.ExternName;
import dev.wasidl.component.ExternType;
import dev.wasidl.component.InstanceExpr;
import dev.wasidl.component.NameAttributes;
import dev.wasidl.component.Sort;
import dev.wasidl.component.SortIndex;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a component binary definition by definition (each in its own section, which Binary.md
 * allows in any order), counting the index spaces so each method can answer the index it added.
 */
public final class ComponentWriter {
  private static final byte[] PREAMBLE = {0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00};

  private final BinaryWriter out = new BinaryWriter().bytes(PREAMBLE);
  private final Map<Sort, Integer> counts = new EnumMap<>(Sort.class);

  /** A writer of an empty component. */
  public ComponentWriter() {}

  /** A type section with {@code type}, written by {@code types}; answers its type index. */
  public int type(DefType type, TypeWriter types) {
    BinaryWriter body = new BinaryWriter().u32(1);
    types.defType(body, type);
    return section(7, body, Sort.TYPE);
  }

  /** {@code (import "name" desc)}; answers the index in the imported sort's space. */
  public int importing(ExternName name, ExternType type) {
    BinaryWriter body =
        TypeWriter.externType(
            TypeWriter.name(new BinaryWriter().u32(1), name, NameAttributes.NONE), type);
    return section(10, body, type.sort());
  }

  /** {@code (alias export instance "name" (sort))}. */
  public int aliasExport(Sort sort, int instance, String name) {
    BinaryWriter body = TypeWriter.sort(new BinaryWriter().u32(1), sort);
    body.u8(0x00).u32(instance).name(name);
    return section(6, body, sort);
  }

  /** A nested component, copied byte for byte. */
  public int component(byte[] binary) {
    return section(4, new BinaryWriter().bytes(binary), Sort.COMPONENT);
  }

  /** {@code (instance (instantiate component (with "n" (sort i))*))}. */
  public int instantiate(int component, List<InstanceExpr.Arg> args) {
    BinaryWriter body = new BinaryWriter().u32(1).u8(0x00).u32(component).u32(args.size());
    for (InstanceExpr.Arg a : args) {
      sortIndex(body.name(a.name()), a.target());
    }
    return section(5, body, Sort.INSTANCE);
  }

  /** {@code (export "name" (sort i))}, no type ascription; answers the index it adds. */
  public int export(ExternName name, SortIndex target) {
    BinaryWriter body = TypeWriter.name(new BinaryWriter().u32(1), name, NameAttributes.NONE);
    sortIndex(body, target).u8(0x00);
    return section(11, body, target.sort());
  }

  /** The binary so far. */
  public byte[] toByteArray() {
    return out.toByteArray();
  }

  private static BinaryWriter sortIndex(BinaryWriter w, SortIndex target) {
    return TypeWriter.sort(w, target.sort()).u32(target.index());
  }

  private int section(int id, BinaryWriter body, Sort sort) {
    out.u8(id).sized(body);
    int index = counts.getOrDefault(sort, 0);
    counts.put(sort, index + 1);
    return index;
  }
}

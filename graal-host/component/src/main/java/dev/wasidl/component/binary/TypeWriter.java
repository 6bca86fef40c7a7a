package dev.wasidl.component.binary;

import dev.wasidl.component.Alias;
import dev.wasidl.component.BorrowDef;
import dev.wasidl.component.Case;
import dev.wasidl.component.ComponentType;
import dev.wasidl.component.CoreType;
import dev.wasidl.component.Decl;
import dev.wasidl.component.DefType;
import dev.wasidl.component.EnumDef;
import dev.wasidl.component.ExportDecl;
import dev.wasidl.component.ExternName;
import dev.wasidl.component.ExternType;
import dev.wasidl.component.FlagsDef;
import dev.wasidl.component.FuncDef;
import dev.wasidl.component.Import;
import dev.wasidl.component.InstanceType;
import dev.wasidl.component.LabelValType;
import dev.wasidl.component.ListDef;
import dev.wasidl.component.NameAttributes;
import dev.wasidl.component.OptionDef;
import dev.wasidl.component.OwnDef;
import dev.wasidl.component.PrimValType;
import dev.wasidl.component.RecordDef;
import dev.wasidl.component.ResourceDef;
import dev.wasidl.component.ResultDef;
import dev.wasidl.component.Sort;
import dev.wasidl.component.TupleDef;
import dev.wasidl.component.TypeBound;
import dev.wasidl.component.TypeIndex;
import dev.wasidl.component.ValType;
import dev.wasidl.component.VariantDef;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * Encodes decoded types ({@link DefType}, {@link Decl}, {@link ExternType}) back into Binary.md's
 * form, moving them from the component they were decoded in into another one: every type index that
 * leaves the copied definition (a {@code valtype} index at the component level, an {@code alias
 * outer} reaching that component from inside an instance or component type) is passed through
 * {@code outer}, which answers the index of the same type in the component being written.
 */
public final class TypeWriter {
  private final IntUnaryOperator outer;

  /** A writer whose escaping type indices are mapped by {@code outer}. */
  public TypeWriter(IntUnaryOperator outer) {
    this.outer = outer;
  }

  /** A {@code deftype} written at the component level. */
  public void defType(BinaryWriter w, DefType type) {
    defType(w, type, 0);
  }

  private void defType(BinaryWriter w, DefType type, int depth) {
    switch (type) {
      case PrimValType p -> w.u8(p.opcode());
      case RecordDef r -> {
        w.u8(0x72).u32(r.fields().size());
        r.fields().forEach(f -> field(w, f, depth));
      }
      case VariantDef v -> {
        w.u8(0x71).u32(v.cases().size());
        for (Case c : v.cases()) {
          w.name(c.label());
          optional(w, c.type(), depth);
          w.u8(0x00);
        }
      }
      case ListDef l -> valType(w.u8(0x70), l.element(), depth);
      case TupleDef t -> {
        w.u8(0x6f).u32(t.types().size());
        t.types().forEach(v -> valType(w, v, depth));
      }
      case FlagsDef f -> labels(w.u8(0x6e), f.labels());
      case EnumDef e -> labels(w.u8(0x6d), e.labels());
      case OptionDef o -> valType(w.u8(0x6b), o.type(), depth);
      case ResultDef r -> {
        optional(w.u8(0x6a), r.ok(), depth);
        optional(w, r.error(), depth);
      }
      case OwnDef o -> w.u8(0x69).u32(index(o.resource(), depth));
      case BorrowDef b -> w.u8(0x68).u32(index(b.resource(), depth));
      case FuncDef f -> {
        w.u8(0x40).u32(f.params().size());
        f.params().forEach(p -> field(w, p, depth));
        if (f.result().isPresent()) {
          valType(w.u8(0x00), f.result().get(), depth);
        } else {
          w.u8(0x01).u8(0x00);
        }
      }
      case InstanceType i -> decls(w.u8(0x42), i.decls(), depth + 1);
      case ComponentType c -> decls(w.u8(0x41), c.decls(), depth + 1);
      case ResourceDef r ->
          throw new IllegalArgumentException(
              "a resource type definition cannot be moved into another component");
    }
  }

  private void decls(BinaryWriter w, List<Decl> decls, int depth) {
    w.u32(decls.size());
    for (Decl d : decls) {
      switch (d) {
        case CoreType c ->
            throw new IllegalArgumentException(
                "core types in instance or component types are not supported");
        case DefType t -> defType(w.u8(0x01), t, depth);
        case Alias a -> alias(w.u8(0x02), a, depth);
        case ExportDecl e -> externType(name(w.u8(0x04), e.name(), e.attributes()), e.type());
        case Import i -> externType(name(w.u8(0x03), i.name(), i.attributes()), i.type());
      }
    }
  }

  private void alias(BinaryWriter w, Alias alias, int depth) {
    sort(w, alias.sort());
    switch (alias) {
      case Alias.InstanceExport e -> w.u8(0x00).u32(e.instance()).name(e.name());
      case Alias.CoreInstanceExport e -> w.u8(0x01).u32(e.instance()).name(e.name());
      case Alias.Outer o -> {
        if (o.count() == depth && o.sort() != Sort.TYPE) {
          throw new IllegalArgumentException(
              "an outer alias of a " + o.sort() + " cannot be moved into another component");
        }
        int index = o.count() == depth ? outer.applyAsInt(o.index()) : o.index();
        w.u8(0x02).u32(o.count()).u32(index);
      }
    }
  }

  /** An {@code externdesc}; its type indices are those of the scope it is written in. */
  public static BinaryWriter externType(BinaryWriter w, ExternType type) {
    return switch (type) {
      case ExternType.Module m -> w.u8(0x00).u8(0x11).u32(m.coreType());
      case ExternType.Func f -> w.u8(0x01).u32(f.type());
      case ExternType.Type t ->
          switch (t.bound()) {
            case TypeBound.Eq eq -> w.u8(0x03).u8(0x00).u32(eq.type());
            case TypeBound.SubResource s -> w.u8(0x03).u8(0x01);
          };
      case ExternType.Component c -> w.u8(0x04).u32(c.type());
      case ExternType.Instance i -> w.u8(0x05).u32(i.type());
    };
  }

  /** An {@code importname'} or {@code exportname'} (form 0x00: no attributes). */
  public static BinaryWriter name(BinaryWriter w, ExternName name, NameAttributes attributes) {
    if (!attributes.equals(NameAttributes.NONE)) {
      throw new IllegalArgumentException(
          "name attributes (implements, versionsuffix, external-id) of "
              + name.text()
              + " are not supported");
    }
    return w.u8(0x00).name(name.text());
  }

  /** A {@code sort}. */
  public static BinaryWriter sort(BinaryWriter w, Sort sort) {
    return switch (sort) {
      case CORE_FUNC -> w.u8(0x00).u8(0x00);
      case CORE_TABLE -> w.u8(0x00).u8(0x01);
      case CORE_MEMORY -> w.u8(0x00).u8(0x02);
      case CORE_GLOBAL -> w.u8(0x00).u8(0x03);
      case CORE_TAG -> w.u8(0x00).u8(0x04);
      case CORE_TYPE -> w.u8(0x00).u8(0x10);
      case CORE_MODULE -> w.u8(0x00).u8(0x11);
      case CORE_INSTANCE -> w.u8(0x00).u8(0x12);
      case FUNC -> w.u8(0x01);
      case VALUE -> w.u8(0x02);
      case TYPE -> w.u8(0x03);
      case COMPONENT -> w.u8(0x04);
      case INSTANCE -> w.u8(0x05);
    };
  }

  private void field(BinaryWriter w, LabelValType f, int depth) {
    valType(w.name(f.label()), f.type(), depth);
  }

  private void optional(BinaryWriter w, Optional<ValType> type, int depth) {
    if (type.isPresent()) {
      valType(w.u8(0x01), type.get(), depth);
    } else {
      w.u8(0x00);
    }
  }

  private void valType(BinaryWriter w, ValType type, int depth) {
    switch (type) {
      case PrimValType p -> w.u8(p.opcode());
      case TypeIndex i -> w.s33(index(i.index(), depth));
    }
  }

  private int index(int index, int depth) {
    return depth == 0 ? outer.applyAsInt(index) : index;
  }

  private static void labels(BinaryWriter w, List<String> labels) {
    w.u32(labels.size());
    labels.forEach(w::name);
  }
}

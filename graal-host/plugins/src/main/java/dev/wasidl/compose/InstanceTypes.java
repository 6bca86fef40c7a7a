package dev.wasidl.compose;

import dev.wasidl.component.Alias;
import dev.wasidl.component.BorrowDef;
import dev.wasidl.component.Case;
import dev.wasidl.component.ComponentType;
import dev.wasidl.component.Decl;
import dev.wasidl.component.DefType;
import dev.wasidl.component.EnumDef;
import dev.wasidl.component.ExportDecl;
import dev.wasidl.component.ExternType;
import dev.wasidl.component.FlagsDef;
import dev.wasidl.component.FuncDef;
import dev.wasidl.component.InstanceType;
import dev.wasidl.component.LabelValType;
import dev.wasidl.component.ListDef;
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
import dev.wasidl.component.TypeSpace;
import dev.wasidl.component.ValType;
import dev.wasidl.component.VariantDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * Instance types of imports moved into the composition: {@link #relocate} points their outer
 * aliases at the composition's types, and {@link #union} merges two such types of one interface
 * (each part declares only the functions it uses; the composition's import must declare what either
 * uses).
 */
final class InstanceTypes {
  private InstanceTypes() {}

  /** {@code type} with each {@code alias outer} reaching its component mapped by {@code outer}. */
  static InstanceType relocate(InstanceType type, IntUnaryOperator outer) {
    return new InstanceType(relocate(type.decls(), outer, 1));
  }

  private static List<Decl> relocate(List<Decl> decls, IntUnaryOperator outer, int depth) {
    List<Decl> out = new ArrayList<>();
    for (Decl d : decls) {
      out.add(
          switch (d) {
            case Alias.Outer o when o.count() == depth ->
                new Alias.Outer(o.sort(), o.count(), outer.applyAsInt(o.index()));
            case InstanceType i -> new InstanceType(relocate(i.decls(), outer, depth + 1));
            case ComponentType c -> new ComponentType(relocate(c.decls(), outer, depth + 1));
            default -> d;
          });
    }
    return out;
  }

  /**
   * {@code base} with the exports of {@code extra} it lacks (by name), their types copied after its
   * declarators; a type {@code extra} exports by a name {@code base} exports too is {@code base}'s,
   * an outer alias of the same type is shared. Both must be relocated.
   */
  static InstanceType union(InstanceType base, InstanceType extra) {
    return new Union(base, extra).build();
  }

  private static final class Union {
    private final List<Decl> decls;
    private final List<Decl> extraSpace;
    private final InstanceType base;
    private final InstanceType extra;
    private final Map<Integer, Integer> mapped = new HashMap<>();
    private int types;

    Union(InstanceType base, InstanceType extra) {
      this.base = base;
      this.extra = extra;
      this.decls = new ArrayList<>(base.decls());
      this.extraSpace = extra.typeSpace();
      this.types = base.typeSpace().size();
    }

    InstanceType build() {
      for (ExportDecl e : extra.exports()) {
        if (base.export(e.name().text()).isEmpty()) {
          add(new ExportDecl(e.name(), e.attributes(), externType(e.type())));
        }
      }
      return new InstanceType(decls);
    }

    private int add(Decl d) {
      decls.add(d);
      return TypeSpace.of(List.of(d)).isEmpty() ? -1 : types++;
    }

    private ExternType externType(ExternType t) {
      return switch (t) {
        case ExternType.Func f -> new ExternType.Func(map(f.type()));
        case ExternType.Instance i -> new ExternType.Instance(map(i.type()));
        case ExternType.Component c -> new ExternType.Component(map(c.type()));
        case ExternType.Type ty ->
            switch (ty.bound()) {
              case TypeBound.Eq eq -> new ExternType.Type(new TypeBound.Eq(map(eq.type())));
              case TypeBound.SubResource s -> ty;
            };
        case ExternType.Module m -> throw unsupported("a core module export");
      };
    }

    /** The index, in the union, of type {@code index} of {@code extra}. */
    private int map(int index) {
      Integer done = mapped.get(index);
      if (done != null) {
        return done;
      }
      Decl d = extraSpace.get(index);
      int result =
          switch (d) {
            case ExportDecl e -> {
              Optional<ExportDecl> same = base.export(e.name().text());
              yield same.isPresent()
                  ? base.typeSpace().indexOf(same.get())
                  : add(new ExportDecl(e.name(), e.attributes(), externType(e.type())));
            }
            case Alias.Outer o when o.sort() == Sort.TYPE -> {
              int i = TypeSpace.of(decls).indexOf(o);
              yield i >= 0 ? i : add(o);
            }
            case DefType t -> add(defType(t));
            default -> throw unsupported("a " + d.getClass().getSimpleName() + " declarator");
          };
      mapped.put(index, result);
      return result;
    }

    private DefType defType(DefType t) {
      return switch (t) {
        case PrimValType p -> p;
        case RecordDef r ->
            new RecordDef(
                r.fields().stream().map(f -> new LabelValType(f.label(), val(f.type()))).toList());
        case VariantDef v ->
            new VariantDef(
                v.cases().stream().map(c -> new Case(c.label(), c.type().map(this::val))).toList());
        case ListDef l -> new ListDef(val(l.element()));
        case TupleDef u -> new TupleDef(u.types().stream().map(this::val).toList());
        case FlagsDef f -> f;
        case EnumDef e -> e;
        case OptionDef o -> new OptionDef(val(o.type()));
        case ResultDef r -> new ResultDef(r.ok().map(this::val), r.error().map(this::val));
        case OwnDef o -> new OwnDef(map(o.resource()));
        case BorrowDef b -> new BorrowDef(map(b.resource()));
        case FuncDef f ->
            new FuncDef(
                f.params().stream().map(p -> new LabelValType(p.label(), val(p.type()))).toList(),
                f.result().map(this::val));
        case InstanceType i -> throw unsupported("a nested instance type");
        case ComponentType c -> throw unsupported("a nested component type");
        case ResourceDef r -> throw unsupported("a resource definition");
      };
    }

    private ValType val(ValType v) {
      return switch (v) {
        case PrimValType p -> p;
        case TypeIndex i -> new TypeIndex(map(i.index()));
      };
    }

    private static ComposeException unsupported(String what) {
      return new ComposeException(
          "cannot merge two imports of one interface whose types have " + what);
    }
  }
}

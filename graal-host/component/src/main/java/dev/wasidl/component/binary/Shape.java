package dev.wasidl.component.binary;

import dev.wasidl.component.BorrowDef;
import dev.wasidl.component.Case;
import dev.wasidl.component.DefValType;
import dev.wasidl.component.EnumDef;
import dev.wasidl.component.FlagsDef;
import dev.wasidl.component.LabelValType;
import dev.wasidl.component.ListDef;
import dev.wasidl.component.OptionDef;
import dev.wasidl.component.OwnDef;
import dev.wasidl.component.PrimValType;
import dev.wasidl.component.RecordDef;
import dev.wasidl.component.ResultDef;
import dev.wasidl.component.TupleDef;
import dev.wasidl.component.ValType;
import dev.wasidl.component.VariantDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A defined value type with its type indices resolved: what instantiation and export ascription
 * compare. Built once per definition from the shapes of its components (shared, never copied).
 */
sealed interface Shape {
  record Prim(PrimValType type) implements Shape {}

  record RecordOf(List<String> labels, List<Shape> types) implements Shape {}

  record Variant(List<String> labels, List<Optional<Shape>> types) implements Shape {}

  record ListOf(Shape element) implements Shape {}

  record Tuple(List<Shape> types) implements Shape {}

  record Flags(List<String> labels) implements Shape {}

  record EnumOf(List<String> labels) implements Shape {}

  record Option(Shape type) implements Shape {}

  record Result(Optional<Shape> ok, Optional<Shape> error) implements Shape {}

  record Handle(boolean own, Facts resource) implements Shape {}

  /** The shape of {@code d}, or null when a component type is not tracked. */
  static Shape of(DefValType d, Function<ValType, Facts> facts, Function<Integer, Facts> type) {
    return switch (d) {
      case PrimValType p -> new Prim(p);
      case RecordDef r -> {
        List<Shape> types = all(r.fields().stream().map(LabelValType::type).toList(), facts);
        yield types == null
            ? null
            : new RecordOf(r.fields().stream().map(LabelValType::label).toList(), types);
      }
      case VariantDef v -> {
        List<Optional<Shape>> types = new ArrayList<>();
        for (Case c : v.cases()) {
          Optional<Shape> t = optional(c.type(), facts);
          if (t == null) {
            yield null;
          }
          types.add(t);
        }
        yield new Variant(v.cases().stream().map(Case::label).toList(), types);
      }
      case ListDef l -> {
        Shape e = of(l.element(), facts);
        yield e == null ? null : new ListOf(e);
      }
      case TupleDef t -> {
        List<Shape> types = all(t.types(), facts);
        yield types == null ? null : new Tuple(types);
      }
      case FlagsDef f -> new Flags(f.labels());
      case EnumDef e -> new EnumOf(e.labels());
      case OptionDef o -> {
        Shape t = of(o.type(), facts);
        yield t == null ? null : new Option(t);
      }
      case ResultDef r -> {
        Optional<Shape> ok = optional(r.ok(), facts);
        Optional<Shape> err = optional(r.error(), facts);
        yield ok == null || err == null ? null : new Result(ok, err);
      }
      case OwnDef o -> new Handle(true, type.apply(o.resource()));
      case BorrowDef b -> new Handle(false, type.apply(b.resource()));
    };
  }

  private static Shape of(ValType t, Function<ValType, Facts> facts) {
    if (t instanceof PrimValType p) {
      return new Prim(p);
    }
    return facts.apply(t) instanceof Facts.ValueType v ? v.shape() : null;
  }

  private static Optional<Shape> optional(Optional<ValType> t, Function<ValType, Facts> facts) {
    if (t.isEmpty()) {
      return Optional.empty();
    }
    Shape s = of(t.get(), facts);
    return s == null ? null : Optional.of(s);
  }

  private static List<Shape> all(List<ValType> types, Function<ValType, Facts> facts) {
    List<Shape> shapes = new ArrayList<>();
    for (ValType t : types) {
      Shape s = of(t, facts);
      if (s == null) {
        return null;
      }
      shapes.add(s);
    }
    return shapes;
  }
}

package dev.wasidl.bindgen.host;

import dev.wasidl.bindgen.wit.TypeDefKind;
import dev.wasidl.bindgen.wit.WitCase;
import dev.wasidl.bindgen.wit.WitField;
import dev.wasidl.bindgen.wit.WitPrimitive;
import dev.wasidl.bindgen.wit.WitType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The canonical ABI's view of a WIT type, as compiled lowerings need it at generation time: its
 * flat core types ({@code flatten_type}), its size and alignment in memory, and for variants the
 * discriminant's size and the payload's offset. Mirrors graal-host's {@code abi.Layout} and {@code
 * abi.Flattening}; the runtime checks the flat signature when it links the generated method.
 */
final class AbiShape {
  /** A core value type. */
  enum Flat {
    I32("int"),
    I64("long"),
    F32("float"),
    F64("double");

    final String java;

    Flat(String java) {
      this.java = java;
    }
  }

  private final JavaTypes types;

  AbiShape(JavaTypes types) {
    this.types = types;
  }

  /** A type with aliases followed: a primitive, a constructed type or a named definition. */
  sealed interface Shape {}

  record Prim(WitPrimitive p) implements Shape {}

  record ListOf(WitType element) implements Shape {}

  record Fields(List<WitType> types) implements Shape {}

  /** A variant, enum, option or result: its cases' payload types in order. */
  record Cases(List<Optional<WitType>> cases) implements Shape {}

  record Handle(WitType type) implements Shape {}

  record Flags(int count) implements Shape {}

  record Unsupported(String what) implements Shape {}

  Shape shape(WitType t) {
    return switch (t) {
      case WitPrimitive p -> new Prim(p);
      case WitType.ListType l -> new ListOf(l.element());
      case WitType.TupleType tt -> new Fields(tt.types());
      case WitType.OptionType o -> new Cases(List.of(Optional.empty(), Optional.of(o.type())));
      case WitType.ResultType r -> new Cases(List.of(r.ok(), r.err()));
      case WitType.Handle h -> new Handle(h);
      case WitType.Named n -> {
        JavaTypes.Definition d = types.definition(n.ref());
        yield switch (d.def().kind()) {
          case TypeDefKind.Alias(WitType target) -> shape(target);
          case TypeDefKind.ResourceType r -> new Handle(t);
          case TypeDefKind.RecordType r ->
              new Fields(r.fields().stream().map(WitField::type).toList());
          case TypeDefKind.VariantType v ->
              new Cases(v.cases().stream().map(WitCase::type).toList());
          case TypeDefKind.EnumType e ->
              new Cases(e.cases().stream().map(c -> Optional.<WitType>empty()).toList());
          case TypeDefKind.FlagsType f -> new Flags(f.flags().size());
        };
      }
      default -> new Unsupported(t.toString());
    };
  }

  /** Whether compiled lowerings handle {@code t} (else its function keeps the Val path only). */
  boolean supported(WitType t) {
    return switch (shape(t)) {
      case Prim p -> true;
      case ListOf l -> supported(l.element());
      case Fields f -> f.types().stream().allMatch(this::supported);
      case Cases c -> c.cases().stream().flatMap(Optional::stream).allMatch(this::supported);
      case Handle h -> true;
      case Flags f -> f.count() <= 32; // one word: wider flags keep the Val path
      case Unsupported u -> false;
    };
  }

  List<Flat> flat(WitType t) {
    List<Flat> out = new ArrayList<>();
    flat(t, out);
    return out;
  }

  private void flat(WitType t, List<Flat> out) {
    switch (shape(t)) {
      case Prim(WitPrimitive p) -> {
        switch (p) {
          case S64, U64 -> out.add(Flat.I64);
          case F32 -> out.add(Flat.F32);
          case F64 -> out.add(Flat.F64);
          case STRING -> {
            out.add(Flat.I32);
            out.add(Flat.I32);
          }
          default -> out.add(Flat.I32);
        }
      }
      case ListOf l -> {
        out.add(Flat.I32);
        out.add(Flat.I32);
      }
      case Fields f -> f.types().forEach(x -> flat(x, out));
      case Cases c -> out.addAll(flatVariant(c.cases()));
      case Handle h -> out.add(Flat.I32);
      case Flags f -> {
        for (int i = 0; i < (f.count() + 31) / 32; i++) {
          out.add(Flat.I32);
        }
      }
      case Unsupported u -> throw new IllegalStateException("unsupported " + u.what());
    }
  }

  /** {@code flatten_variant}: the discriminant, then the join of the cases' flat types. */
  List<Flat> flatVariant(List<Optional<WitType>> cases) {
    List<Flat> joined = new ArrayList<>();
    for (Optional<WitType> c : cases) {
      if (c.isEmpty()) {
        continue;
      }
      List<Flat> f = flat(c.get());
      for (int i = 0; i < f.size(); i++) {
        if (i < joined.size()) {
          joined.set(i, join(joined.get(i), f.get(i)));
        } else {
          joined.add(f.get(i));
        }
      }
    }
    joined.addFirst(Flat.I32);
    return joined;
  }

  private static Flat join(Flat a, Flat b) {
    if (a == b) {
      return a;
    }
    if ((a == Flat.I32 && b == Flat.F32) || (a == Flat.F32 && b == Flat.I32)) {
      return Flat.I32;
    }
    return Flat.I64;
  }

  int alignment(WitType t) {
    return switch (shape(t)) {
      case Prim(WitPrimitive p) -> primAlign(p);
      case ListOf l -> 4;
      case Fields f -> f.types().stream().mapToInt(this::alignment).max().orElse(1);
      case Cases c -> Math.max(discSize(c.cases().size()), maxCaseAlignment(c.cases()));
      case Handle h -> 4;
      case Flags f -> f.count() <= 8 ? 1 : f.count() <= 16 ? 2 : 4;
      case Unsupported u -> throw new IllegalStateException("unsupported " + u.what());
    };
  }

  int size(WitType t) {
    return switch (shape(t)) {
      case Prim(WitPrimitive p) -> primSize(p);
      case ListOf l -> 8;
      case Fields f -> {
        int s = 0;
        for (WitType x : f.types()) {
          s = alignTo(s, alignment(x)) + size(x);
        }
        yield alignTo(s, alignment(t));
      }
      case Cases c -> {
        int s = payloadOffset(c.cases());
        int max = 0;
        for (Optional<WitType> x : c.cases()) {
          if (x.isPresent()) {
            max = Math.max(max, size(x.get()));
          }
        }
        yield alignTo(s + max, alignment(t));
      }
      case Handle h -> 4;
      case Flags f -> f.count() <= 8 ? 1 : f.count() <= 16 ? 2 : 4 * ((f.count() + 31) / 32);
      case Unsupported u -> throw new IllegalStateException("unsupported " + u.what());
    };
  }

  /** Field offsets of a record or tuple. */
  List<Integer> offsets(List<WitType> fields) {
    List<Integer> out = new ArrayList<>();
    int s = 0;
    for (WitType x : fields) {
      s = alignTo(s, alignment(x));
      out.add(s);
      s += size(x);
    }
    return out;
  }

  static int discSize(int cases) {
    return cases <= 256 ? 1 : cases <= 65536 ? 2 : 4;
  }

  int payloadOffset(List<Optional<WitType>> cases) {
    return alignTo(discSize(cases.size()), maxCaseAlignment(cases));
  }

  private int maxCaseAlignment(List<Optional<WitType>> cases) {
    int a = 1;
    for (Optional<WitType> c : cases) {
      if (c.isPresent()) {
        a = Math.max(a, alignment(c.get()));
      }
    }
    return a;
  }

  private static int primSize(WitPrimitive p) {
    return switch (p) {
      case BOOL, S8, U8 -> 1;
      case S16, U16 -> 2;
      case S32, U32, F32, CHAR -> 4;
      case S64, U64, F64, STRING -> 8;
    };
  }

  private static int primAlign(WitPrimitive p) {
    return p == WitPrimitive.STRING ? 4 : primSize(p);
  }

  static int alignTo(int n, int alignment) {
    return (n + alignment - 1) / alignment * alignment;
  }
}

package dev.wasidl.bindgen.host;

import dev.wasidl.abi.FlatType;
import dev.wasidl.abi.SizeAlign;
import dev.wasidl.bindgen.wit.TypeDefKind;
import dev.wasidl.bindgen.wit.WitCase;
import dev.wasidl.bindgen.wit.WitField;
import dev.wasidl.bindgen.wit.WitType;
import dev.wasidl.types.Primitive;
import java.util.List;
import java.util.Optional;

/**
 * The canonical ABI's view of a WIT type, as compiled lowerings need it at generation time: its
 * flat core types ({@code flatten_type}), its size and alignment in memory, and for variants the
 * discriminant's size and the payload's offset. The rules are the component module's ({@link
 * FlatType}, {@link SizeAlign}); the runtime checks the flat signature when it links the generated
 * method.
 */
final class AbiShape {
  /** The Java type holding a flat value of type {@code f}. */
  static String java(FlatType f) {
    return switch (f) {
      case I32 -> "int";
      case I64 -> "long";
      case F32 -> "float";
      case F64 -> "double";
    };
  }

  /** Generated lowerings run on 32-bit memories. */
  private static final int POINTER_SIZE = 4;

  private final JavaTypes types;

  AbiShape(JavaTypes types) {
    this.types = types;
  }

  /** A type with aliases followed: a primitive, a constructed type or a named definition. */
  sealed interface Shape {}

  record Prim(Primitive p) implements Shape {}

  record ListOf(WitType element) implements Shape {}

  record Fields(List<WitType> types) implements Shape {}

  /** A variant, enum, option or result: its cases' payload types in order. */
  record Cases(List<Optional<WitType>> cases) implements Shape {}

  record Handle(WitType type) implements Shape {}

  record Flags(int count) implements Shape {}

  record Unsupported(String what) implements Shape {}

  Shape shape(WitType t) {
    return switch (t) {
      case WitType.PrimitiveType(Primitive p) -> new Prim(p);
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

  /** {@code flatten_type}. */
  List<FlatType> flat(WitType t) {
    return switch (shape(t)) {
      case Prim(Primitive p) -> FlatType.of(p);
      case ListOf l -> FlatType.pointerAndLength();
      case Fields f -> f.types().stream().flatMap(x -> flat(x).stream()).toList();
      case Cases c ->
          FlatType.variant(c.cases().stream().flatMap(Optional::stream).map(this::flat).toList());
      case Handle h -> FlatType.i32();
      case Flags f -> FlatType.flags(f.count());
      case Unsupported u -> throw new IllegalStateException("unsupported " + u.what());
    };
  }

  /** {@code elem_size} and {@code alignment} in a 32-bit memory. */
  private SizeAlign layout(WitType t) {
    return switch (shape(t)) {
      case Prim(Primitive p) -> SizeAlign.of(p, POINTER_SIZE);
      case ListOf l -> SizeAlign.list(POINTER_SIZE);
      case Fields f -> SizeAlign.record(layouts(f.types()));
      case Cases c -> SizeAlign.variant(c.cases().size(), payloads(c.cases()));
      case Handle h -> SizeAlign.HANDLE;
      case Flags f -> SizeAlign.flags(f.count());
      case Unsupported u -> throw new IllegalStateException("unsupported " + u.what());
    };
  }

  private List<SizeAlign> layouts(List<WitType> ts) {
    return ts.stream().map(this::layout).toList();
  }

  private List<SizeAlign> payloads(List<Optional<WitType>> cases) {
    return layouts(cases.stream().flatMap(Optional::stream).toList());
  }

  int alignment(WitType t) {
    return layout(t).alignment();
  }

  int size(WitType t) {
    return Math.toIntExact(layout(t).size());
  }

  /** Field offsets of a record or tuple. */
  List<Integer> offsets(List<WitType> fields) {
    return SizeAlign.offsets(layouts(fields)).stream().map(Math::toIntExact).toList();
  }

  static int discSize(int cases) {
    return SizeAlign.discriminantSize(cases);
  }

  int payloadOffset(List<Optional<WitType>> cases) {
    return Math.toIntExact(SizeAlign.payloadOffset(cases.size(), payloads(cases)));
  }
}

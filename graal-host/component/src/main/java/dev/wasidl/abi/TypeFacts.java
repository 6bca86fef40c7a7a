package dev.wasidl.abi;

import dev.wasidl.types.BorrowType;
import dev.wasidl.types.EnumType;
import dev.wasidl.types.FlagsType;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.ListType;
import dev.wasidl.types.OptionType;
import dev.wasidl.types.OwnType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.RecordType;
import dev.wasidl.types.ResultType;
import dev.wasidl.types.TupleType;
import dev.wasidl.types.Type;
import dev.wasidl.types.VariantType;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The layout and flattening facts of the types one function lifts and lowers, computed once when
 * the function is linked instead of on every call. Read-only after construction, so one plan may
 * serve calls on several threads. A type it does not hold (one a caller built on the fly) gets its
 * facts computed, as before.
 */
public final class TypeFacts {
  /** The facts of one type. */
  record Of(
      int alignment,
      long elemSize,
      List<FlatType> flat,
      List<Type> fieldTypes,
      List<Optional<Type>> cases,
      int discSize,
      int maxCaseAlignment) {}

  private static final Map<Primitive, Of> PRIMITIVES = new EnumMap<>(Primitive.class);

  static {
    for (Primitive p : Primitive.values()) {
      PRIMITIVES.put(p, compute(p));
    }
  }

  /** No precomputed facts: every type is computed on use. */
  public static final TypeFacts NONE = new TypeFacts(null);

  private final IdentityHashMap<Type, Of> facts = new IdentityHashMap<>();
  private final List<Type> paramTypes;
  private final List<Type> resultTypes;
  private final Of params;
  private final Of results;

  private TypeFacts(FuncType ft) {
    if (ft == null) {
      paramTypes = null;
      resultTypes = null;
      params = null;
      results = null;
      return;
    }
    paramTypes = ft.paramTypes();
    resultTypes = ft.resultTypes();
    paramTypes.forEach(this::walk);
    resultTypes.forEach(this::walk);
    params = computeTuple(paramTypes);
    results = computeTuple(resultTypes);
  }

  /**
   * The facts of {@code ft}'s parameter and result types and of every type nested in them. Calls
   * must pass the lists {@link FuncType#paramTypes()} and {@link FuncType#resultTypes()} returned
   * to this plan (the same objects) to find the tuples' facts.
   */
  public static TypeFacts of(FuncType ft) {
    return new TypeFacts(ft);
  }

  /** {@code ft.paramTypes()}, as the plan holds it. */
  public List<Type> paramTypes() {
    return paramTypes;
  }

  /** {@code ft.resultTypes()}, as the plan holds it. */
  public List<Type> resultTypes() {
    return resultTypes;
  }

  private void walk(Type t) {
    if (t instanceof Primitive || facts.containsKey(t)) {
      return;
    }
    Of f = compute(t);
    facts.put(t, f);
    switch (t) {
      case ListType l -> walk(l.element());
      case RecordType _, TupleType _ -> f.fieldTypes().forEach(this::walk);
      case VariantType _, EnumType _, OptionType _, ResultType _ ->
          f.cases().forEach(c -> c.ifPresent(this::walk));
      case Primitive _, FlagsType _, OwnType _, BorrowType _ -> {}
    }
  }

  Of get(Type t) {
    if (t instanceof Primitive p) {
      return PRIMITIVES.get(p);
    }
    Of f = facts.get(t);
    return f != null ? f : compute(t);
  }

  /** The facts of the tuple of {@code ts}. */
  @SuppressWarnings("ReferenceEquality") // the plan's own lists; an equal one is computed anew
  Of tuple(List<Type> ts) {
    if (ts == paramTypes) {
      return params;
    }
    if (ts == resultTypes) {
      return results;
    }
    return computeTuple(ts);
  }

  /** The facts of a tuple of {@code ts} (maybe none: a function's empty parameter list). */
  private static Of computeTuple(List<Type> ts) {
    SizeAlign record = Layout.record(ts);
    return new Of(
        record.alignment(),
        record.size(),
        List.copyOf(Flattening.flattenTypes(ts)),
        List.copyOf(ts),
        List.of(),
        0,
        1);
  }

  private static Of compute(Type t) {
    List<Type> fieldTypes =
        switch (t) {
          case RecordType _, TupleType _ -> List.copyOf(Layout.fieldTypes(t));
          default -> List.of();
        };
    List<Optional<Type>> cases =
        switch (t) {
          case VariantType _, EnumType _, OptionType _, ResultType _ ->
              List.copyOf(Layout.caseTypes(t));
          default -> List.of();
        };
    int discSize = cases.isEmpty() ? 0 : SizeAlign.discriminantSize(cases.size());
    // where the payload starts, relative to the discriminant's end: the cases' widest alignment
    int maxCaseAlignment =
        Layout.payloads(cases).stream().mapToInt(SizeAlign::alignment).max().orElse(1);
    SizeAlign sa = Layout.sizeAlign(t);
    return new Of(
        sa.alignment(),
        sa.size(),
        List.copyOf(Flattening.flattenType(t)),
        fieldTypes,
        cases,
        discSize,
        maxCaseAlignment);
  }
}

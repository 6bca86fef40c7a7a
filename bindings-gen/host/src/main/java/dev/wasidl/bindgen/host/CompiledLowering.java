package dev.wasidl.bindgen.host;

import dev.wasidl.abi.CanonicalAbi;
import dev.wasidl.abi.FlatType;
import dev.wasidl.bindgen.wit.Param;
import dev.wasidl.bindgen.wit.TypeDefKind;
import dev.wasidl.bindgen.wit.WitCase;
import dev.wasidl.bindgen.wit.WitField;
import dev.wasidl.bindgen.wit.WitFunction;
import dev.wasidl.bindgen.wit.WitType;
import dev.wasidl.types.Primitive;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Generates a host function's compiled {@code canon lower} (graal-host's {@code HostLowering}): a
 * static method taking the flat core arguments, lifting them straight into the Java parameters of
 * the host interface's method, calling it, and lowering its Java result straight into the flat
 * result or through the out-pointer, through {@code dev.wasidl.abi.HostCall}. The code follows the
 * canonical ABI's {@code lift_flat}, {@code load}, {@code lower_flat} and {@code store} step by
 * step, in the same order as the {@code Val} path, so both make the same values, memory writes and
 * traps. Lists get helper methods (a loop each); anonymous option and result types named in traps
 * get constants. One instance per generated bindings class.
 */
final class CompiledLowering {
  static final String CALL = "dev.wasidl.abi.HostCall";

  private final JavaTypes types;
  private final AbiShape abi;
  private final Map<WitType, String> listLifts = new LinkedHashMap<>();
  private final Map<WitType, String> listLowers = new LinkedHashMap<>();
  private final Map<WitType, String> typeConstants = new LinkedHashMap<>();
  private final Map<String, String> flagsHelpers = new LinkedHashMap<>(); // name -> method text
  private int locals;

  CompiledLowering(JavaTypes types) {
    this.types = types;
    this.abi = new AbiShape(types);
  }

  /** Whether {@code f} gets a compiled lowering: every type in it is supported. */
  boolean supports(WitFunction f) {
    return f.params().stream().allMatch(p -> abi.supported(p.type()))
        && f.result().map(abi::supported).orElse(true)
        && f.result().map(r -> singleFlatSupported(r) || abi.flat(r).size() != 1).orElse(true);
  }

  /**
   * The static method {@code name} lowering {@code f} for hosts of interface {@code q}, whose
   * method {@code javaMethod} it calls.
   */
  String method(WitFunction f, String q, String name, String javaMethod) {
    locals = 0;
    List<FlatType> flatParams = new ArrayList<>();
    for (Param p : f.params()) {
      flatParams.addAll(abi.flat(p.type()));
    }
    boolean spill = flatParams.size() > CanonicalAbi.MAX_FLAT_PARAMS;
    List<FlatType> coreParams = spill ? List.of(FlatType.I32) : flatParams;
    List<FlatType> flatResults = f.result().map(abi::flat).orElse(List.of());
    boolean outPointer = flatResults.size() > CanonicalAbi.MAX_FLAT_RESULTS;
    List<String> sig = new ArrayList<>();
    sig.add("java.util.function.Function<java.lang.Object, ? extends " + q + "> host");
    sig.add(CALL + " cx");
    for (int i = 0; i < coreParams.size(); i++) {
      sig.add(AbiShape.java(coreParams.get(i)) + " p" + i);
    }
    if (outPointer) {
      sig.add("int out");
    }
    String ret =
        outPointer || flatResults.isEmpty() ? "void" : AbiShape.java(flatResults.getFirst());
    StringBuilder b = new StringBuilder();
    b.append("  private static ").append(ret).append(' ').append(name).append('(');
    b.append(String.join(", ", sig)).append(") {\n");
    b.append("    cx.enter();\n    try {\n");
    List<String> args = new ArrayList<>();
    if (spill) {
      List<WitType> ts = f.params().stream().map(Param::type).toList();
      WitType tuple = new WitType.TupleType(ts);
      int size = abi.size(tuple);
      int align = abi.alignment(tuple);
      b.append("      int sp = cx.spilledParams(p0, ").append(size).append(", ").append(align);
      b.append(");\n");
      List<Integer> offsets = abi.offsets(ts);
      for (int i = 0; i < ts.size(); i++) {
        String a = "a" + i;
        b.append("      ").append(types.type(ts.get(i))).append(' ').append(a).append(" = ");
        b.append(load(ts.get(i), "sp + " + offsets.get(i))).append(";\n");
        args.add(a);
      }
    } else {
      List<Slot> slots = new ArrayList<>();
      for (int i = 0; i < coreParams.size(); i++) {
        slots.add(new Slot("p" + i, coreParams.get(i)));
      }
      Cursor c = new Cursor(slots);
      for (int i = 0; i < f.params().size(); i++) {
        WitType t = f.params().get(i).type();
        String a = "a" + i;
        b.append("      ").append(types.type(t)).append(' ').append(a).append(" = ");
        b.append(liftFlat(t, c)).append(";\n");
        args.add(a);
      }
    }
    b.append("      ").append(q).append(" h = host.apply(cx.data());\n");
    String call = "h." + javaMethod + "(" + String.join(", ", args) + ")";
    if (f.result().isEmpty()) {
      b.append("      ").append(call).append(";\n");
    } else {
      WitType r = f.result().get();
      b.append("      ").append(types.type(r)).append(" r = ").append(call).append(";\n");
      if (outPointer) {
        b.append("      int rp = cx.resultPointer(out, ").append(abi.size(r)).append(", ");
        b.append(abi.alignment(r)).append(");\n");
        store(b, "      ", r, "rp", "r");
      } else {
        b.append("      return ").append(lowerFlat(r, "r")).append(";\n");
      }
    }
    b.append("    } finally {\n      cx.exit();\n    }\n  }\n\n");
    return b.toString();
  }

  // ---- lift_flat

  /** A flat value: a Java expression of its core type. */
  private record Slot(String expr, FlatType type) {}

  /** The flat values being lifted, read in order; {@code next} converts to the wanted type. */
  private static final class Cursor {
    private final List<Slot> slots;
    private int next;

    Cursor(List<Slot> slots) {
      this.slots = slots;
    }

    /** A cursor over the same slots from the start: each variant case reads its own. */
    Cursor copy() {
      return new Cursor(slots);
    }

    Slot take() {
      return slots.get(next++);
    }

    /** The spec's {@code CoerceValueIter}: a joined variant slot read as the case's type. */
    String next(FlatType want) {
      Slot s = take();
      return convert(s.expr(), s.type(), want);
    }

    private static String convert(String x, FlatType have, FlatType want) {
      if (have == want) {
        return x;
      }
      return switch (have) {
        case I32 -> "java.lang.Float.intBitsToFloat(" + x + ")"; // want f32
        case I64 ->
            switch (want) {
              case I32 -> "((int) " + x + ")";
              case F32 -> "java.lang.Float.intBitsToFloat((int) " + x + ")";
              case F64 -> "java.lang.Double.longBitsToDouble(" + x + ")";
              case I64 -> x;
            };
        default -> throw new IllegalStateException(have + " read as " + want);
      };
    }
  }

  private String liftFlat(WitType t, Cursor c) {
    if (t instanceof WitType.Named n) {
      JavaTypes.Definition d = types.definition(n.ref());
      return switch (d.def().kind()) {
        case TypeDefKind.Alias(WitType target) -> liftFlat(target, c);
        case TypeDefKind.RecordType r -> {
          List<String> fs = new ArrayList<>();
          for (WitField f : r.fields()) {
            fs.add(liftFlat(f.type(), c));
          }
          yield "new " + types.qualifiedType(d.ref()) + "(" + String.join(", ", fs) + ")";
        }
        case TypeDefKind.VariantType v ->
            variantSwitch(
                c.next(FlatType.I32),
                v.cases().size(),
                types.typeExpr(t),
                caseExprs(d, v.cases(), payloadCursor(t, c)));
        case TypeDefKind.EnumType e ->
            variantSwitch(
                c.next(FlatType.I32),
                e.cases().size(),
                types.typeExpr(t),
                enumConstants(d, e.cases()));
        case TypeDefKind.ResourceType r -> handle(t, true, c.next(FlatType.I32));
        case TypeDefKind.FlagsType f -> flagsHelper(d, f, true) + "(" + c.next(FlatType.I32) + ")";
      };
    }
    return switch (t) {
      case WitType.PrimitiveType(Primitive p) -> liftPrimitive(p, c);
      case WitType.ListType l -> {
        String ptr = c.next(FlatType.I32);
        String len = c.next(FlatType.I32);
        yield l.element().equals(WitType.of(Primitive.U8))
            ? "cx.liftBytes(" + ptr + ", " + len + ")"
            : listLift(l.element()) + "(cx, " + ptr + ", " + len + ")";
      }
      case WitType.TupleType tt -> {
        List<String> fs = new ArrayList<>();
        for (WitType x : tt.types()) {
          fs.add(liftFlat(x, c));
        }
        yield "new dev.wasidl.bindings.Tuple"
            + tt.types().size()
            + "<"
            + boxedList(tt.types())
            + ">("
            + String.join(", ", fs)
            + ")";
      }
      case WitType.OptionType o -> {
        String disc = c.next(FlatType.I32);
        Cursor pc = payloadCursor(t, c);
        yield variantSwitch(
            disc,
            2,
            typeConstant(t),
            List.of(
                "java.util.Optional.<" + types.boxed(o.type()) + ">empty()",
                "java.util.Optional.<"
                    + types.boxed(o.type())
                    + ">of("
                    + liftFlat(o.type(), pc.copy())
                    + ")"));
      }
      case WitType.ResultType r -> {
        String disc = c.next(FlatType.I32);
        Cursor pc = payloadCursor(t, c);
        String gen = "<" + resultArgs(r) + ">";
        yield variantSwitch(
            disc,
            2,
            typeConstant(t),
            List.of(
                "dev.wasidl.bindings.Result." + gen + "ok(" + payloadFlat(r.ok(), pc) + ")",
                "dev.wasidl.bindings.Result." + gen + "err(" + payloadFlat(r.err(), pc) + ")"));
      }
      case WitType.Handle h -> handle(t, h.kind() == WitType.HandleKind.OWN, c.next(FlatType.I32));
      default -> throw new IllegalStateException("unsupported " + t);
    };
  }

  private String payloadFlat(Optional<WitType> t, Cursor pc) {
    return t.map(x -> liftFlat(x, pc.copy())).orElse("null");
  }

  /**
   * The cursor over a variant's payload slots (its joined flat types after the discriminant,
   * already taken from {@code c}); each case reads from its own copy.
   */
  private Cursor payloadCursor(WitType variant, Cursor c) {
    List<FlatType> joined = abi.flat(variant);
    List<Slot> payload = new ArrayList<>();
    for (int i = 1; i < joined.size(); i++) {
      payload.add(new Slot(c.next(joined.get(i)), joined.get(i)));
    }
    return new Cursor(payload);
  }

  private List<String> caseExprs(JavaTypes.Definition d, List<WitCase> cases, Cursor payload) {
    String q = types.qualifiedType(d.ref());
    String simple = JavaTypes.typeName(d.ref().owner(), d.ref().name());
    List<String> out = new ArrayList<>();
    for (WitCase k : cases) {
      String cn = q + "." + HostGenerator.caseName(simple, k);
      out.add(
          "new " + cn + "(" + k.type().map(pt -> liftFlat(pt, payload.copy())).orElse("") + ")");
    }
    return out;
  }

  private List<String> enumConstants(JavaTypes.Definition d, List<WitCase> cases) {
    String q = types.qualifiedType(d.ref());
    return cases.stream().map(k -> q + "." + JavaTypes.constant(k.name())).toList();
  }

  /** A switch over a checked case index (traps naming {@code typeExpr} when out of range). */
  private static String variantSwitch(String disc, int count, String typeExpr, List<String> arms) {
    StringBuilder b = new StringBuilder();
    b.append("switch (").append(CALL).append(".caseIndex(").append(disc).append(", ");
    b.append(count).append(", ").append(typeExpr).append(")) {");
    for (int i = 0; i < arms.size(); i++) {
      b.append(" case ").append(i).append(" -> ").append(arms.get(i)).append(";");
    }
    b.append(" default -> throw new java.lang.AssertionError(); }");
    return b.toString();
  }

  private String handle(WitType t, boolean own, String index) {
    WitType.Handle h =
        t instanceof WitType.Handle x
            ? x
            : new WitType.Handle(WitType.HandleKind.OWN, ((WitType.Named) t).ref());
    String rt = types.resourceConstant(types.definition(h.resource()).ref());
    return "new "
        + JavaTypes.RESOURCE
        + "<>(cx."
        + (own ? "liftOwn(" : "liftBorrow(")
        + rt
        + ", "
        + index
        + "))";
  }

  private static String liftPrimitive(Primitive p, Cursor c) {
    return switch (p) {
      case BOOL -> "(" + c.next(FlatType.I32) + " != 0)";
      case S8, U8 -> "((byte) " + c.next(FlatType.I32) + ")";
      case S16, U16 -> "((short) " + c.next(FlatType.I32) + ")";
      case S32, U32 -> c.next(FlatType.I32);
      case S64, U64 -> c.next(FlatType.I64);
      case F32 ->
          CALL + ".liftF32(java.lang.Float.floatToRawIntBits(" + c.next(FlatType.F32) + "))";
      case F64 ->
          CALL + ".liftF64(java.lang.Double.doubleToRawLongBits(" + c.next(FlatType.F64) + "))";
      case CHAR -> CALL + ".liftChar(" + c.next(FlatType.I32) + ")";
      case STRING -> {
        String ptr = c.next(FlatType.I32);
        yield "cx.liftString(" + ptr + ", " + c.next(FlatType.I32) + ")";
      }
    };
  }

  // ---- load

  /** An expression loading a {@code t} at the int address expression {@code a}. */
  private String load(WitType t, String a) {
    String at = "(" + a + ")";
    if (t instanceof WitType.Named n) {
      JavaTypes.Definition d = types.definition(n.ref());
      return switch (d.def().kind()) {
        case TypeDefKind.Alias(WitType target) -> load(target, a);
        case TypeDefKind.RecordType r -> {
          List<WitType> fts = r.fields().stream().map(WitField::type).toList();
          yield "new "
              + types.qualifiedType(d.ref())
              + "("
              + String.join(", ", loadFields(fts, at))
              + ")";
        }
        case TypeDefKind.VariantType v -> {
          List<Optional<WitType>> cs = v.cases().stream().map(WitCase::type).toList();
          String q = types.qualifiedType(d.ref());
          String simple = JavaTypes.typeName(d.ref().owner(), d.ref().name());
          String pa = at + " + " + abi.payloadOffset(cs);
          List<String> arms = new ArrayList<>();
          for (WitCase k : v.cases()) {
            arms.add(
                "new "
                    + q
                    + "."
                    + HostGenerator.caseName(simple, k)
                    + "("
                    + k.type().map(pt -> load(pt, pa)).orElse("")
                    + ")");
          }
          yield variantSwitch(loadDisc(cs.size(), at), cs.size(), types.typeExpr(t), arms);
        }
        case TypeDefKind.EnumType e ->
            variantSwitch(
                loadDisc(e.cases().size(), at),
                e.cases().size(),
                types.typeExpr(t),
                enumConstants(d, e.cases()));
        case TypeDefKind.ResourceType r -> handle(t, true, "cx.loadI32" + at);
        case TypeDefKind.FlagsType f ->
            flagsHelper(d, f, true)
                + "("
                + (f.flags().size() <= 8
                    ? "cx.loadU8"
                    : f.flags().size() <= 16 ? "cx.loadU16" : "cx.loadI32")
                + at
                + ")";
      };
    }
    return switch (t) {
      case WitType.PrimitiveType(Primitive p) ->
          switch (p) {
            case BOOL -> "(cx.loadU8" + at + " != 0)";
            case S8, U8 -> "((byte) cx.loadU8" + at + ")";
            case S16, U16 -> "((short) cx.loadU16" + at + ")";
            case S32, U32 -> "cx.loadI32" + at;
            case S64, U64 -> "cx.loadI64" + at;
            case F32 -> CALL + ".liftF32(cx.loadI32" + at + ")";
            case F64 -> CALL + ".liftF64(cx.loadI64" + at + ")";
            case CHAR -> CALL + ".liftChar(cx.loadI32" + at + ")";
            case STRING -> "cx.loadString" + at;
          };
      case WitType.ListType l -> {
        String ptr = "cx.loadI32" + at;
        String len = "cx.loadI32(" + at + " + 4)";
        yield l.element().equals(WitType.of(Primitive.U8))
            ? "cx.liftBytes(" + ptr + ", " + len + ")"
            : listLift(l.element()) + "(cx, " + ptr + ", " + len + ")";
      }
      case WitType.TupleType tt ->
          "new dev.wasidl.bindings.Tuple"
              + tt.types().size()
              + "<"
              + boxedList(tt.types())
              + ">("
              + String.join(", ", loadFields(tt.types(), at))
              + ")";
      case WitType.OptionType o -> {
        String pa =
            at + " + " + abi.payloadOffset(List.of(Optional.empty(), Optional.of(o.type())));
        yield variantSwitch(
            loadDisc(2, at),
            2,
            typeConstant(t),
            List.of(
                "java.util.Optional.<" + types.boxed(o.type()) + ">empty()",
                "java.util.Optional.<"
                    + types.boxed(o.type())
                    + ">of("
                    + load(o.type(), pa)
                    + ")"));
      }
      case WitType.ResultType r -> {
        String pa = at + " + " + abi.payloadOffset(List.of(r.ok(), r.err()));
        String gen = "<" + resultArgs(r) + ">";
        yield variantSwitch(
            loadDisc(2, at),
            2,
            typeConstant(t),
            List.of(
                "dev.wasidl.bindings.Result."
                    + gen
                    + "ok("
                    + r.ok().map(x -> load(x, pa)).orElse("null")
                    + ")",
                "dev.wasidl.bindings.Result."
                    + gen
                    + "err("
                    + r.err().map(x -> load(x, pa)).orElse("null")
                    + ")"));
      }
      case WitType.Handle h -> handle(t, h.kind() == WitType.HandleKind.OWN, "cx.loadI32" + at);
      default -> throw new IllegalStateException("unsupported " + t);
    };
  }

  private List<String> loadFields(List<WitType> fts, String at) {
    List<Integer> offsets = abi.offsets(fts);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < fts.size(); i++) {
      out.add(load(fts.get(i), at + " + " + offsets.get(i)));
    }
    return out;
  }

  private static String loadDisc(int cases, String at) {
    return switch (AbiShape.discSize(cases)) {
      case 1 -> "cx.loadU8" + at;
      case 2 -> "cx.loadU16" + at;
      default -> "cx.loadI32" + at;
    };
  }

  // ---- lower_flat (results of one flat value)

  /** Whether {@code t}, of one flat value, is lowered flat here (else it keeps the Val path). */
  private boolean singleFlatSupported(WitType t) {
    if (abi.flat(t).size() != 1) {
      return false;
    }
    return switch (abi.shape(t)) {
      case AbiShape.Prim p -> true;
      case AbiShape.Handle h -> true;
      case AbiShape.Flags f -> true;
      case AbiShape.Cases c -> c.cases().stream().allMatch(Optional::isEmpty);
      case AbiShape.Fields f -> singleFlatSupported(f.types().getFirst());
      default -> false;
    };
  }

  /** The one flat value of the Java value {@code v} of {@code t}, in its core Java type. */
  private String lowerFlat(WitType t, String v) {
    if (t instanceof WitType.Named n) {
      JavaTypes.Definition d = types.definition(n.ref());
      return switch (d.def().kind()) {
        case TypeDefKind.Alias(WitType target) -> lowerFlat(target, v);
        case TypeDefKind.RecordType r -> {
          WitField f = r.fields().getFirst();
          yield lowerFlat(f.type(), v + "." + JavaTypes.member(f.name()) + "()");
        }
        case TypeDefKind.EnumType e -> v + ".ordinal()";
        case TypeDefKind.VariantType vt -> caseIndexOf(d, vt.cases(), v);
        case TypeDefKind.ResourceType r -> lowerOwn(t, v);
        case TypeDefKind.FlagsType f -> flagsHelper(d, f, false) + "(" + v + ")";
      };
    }
    return switch (t) {
      case WitType.PrimitiveType(Primitive p) ->
          switch (p) {
            case BOOL -> "(" + v + " ? 1 : 0)";
            case S8, S16, S32, U32, S64, U64 -> v;
            case U8 -> "java.lang.Byte.toUnsignedInt(" + v + ")";
            case U16 -> "java.lang.Short.toUnsignedInt(" + v + ")";
            case F32 -> "java.lang.Float.intBitsToFloat(" + CALL + ".lowerF32(" + v + "))";
            case F64 -> "java.lang.Double.longBitsToDouble(" + CALL + ".lowerF64(" + v + "))";
            case CHAR -> CALL + ".lowerChar(" + v + ")";
            case STRING -> throw new IllegalStateException("a string is two flat values");
          };
      case WitType.TupleType tt -> lowerFlat(tt.types().getFirst(), v + ".v0()");
      case WitType.ResultType r -> "(" + v + ".isOk() ? 0 : 1)";
      case WitType.Handle h -> lowerOwn(t, v);
      default -> throw new IllegalStateException("unsupported flat result " + t);
    };
  }

  private String caseIndexOf(JavaTypes.Definition d, List<WitCase> cases, String v) {
    String q = types.qualifiedType(d.ref());
    String simple = JavaTypes.typeName(d.ref().owner(), d.ref().name());
    StringBuilder b = new StringBuilder("switch (").append(v).append(") {");
    for (int i = 0; i < cases.size(); i++) {
      b.append(" case ").append(q).append('.');
      b.append(HostGenerator.caseName(simple, cases.get(i)));
      b.append(" x -> ").append(i).append(";");
    }
    return b.append(" }").toString();
  }

  private String lowerOwn(WitType t, String v) {
    String rt =
        switch (t) {
          case WitType.Handle h -> types.resourceConstant(types.definition(h.resource()).ref());
          case WitType.Named n -> types.resourceConstant(types.definition(n.ref()).ref());
          default -> throw new IllegalStateException("not a handle: " + t);
        };
    return "cx.lowerOwn(" + rt + ", " + v + ".rep())";
  }

  // ---- store

  /** Statements storing the Java value {@code v} (a simple name) of {@code t} at {@code a}. */
  private void store(StringBuilder b, String in, WitType t, String a, String v) {
    String at = "(" + a + ")";
    if (t instanceof WitType.Named n) {
      JavaTypes.Definition d = types.definition(n.ref());
      switch (d.def().kind()) {
        case TypeDefKind.Alias(WitType target) -> store(b, in, target, a, v);
        case TypeDefKind.RecordType r -> {
          List<WitType> fts = r.fields().stream().map(WitField::type).toList();
          List<Integer> offsets = abi.offsets(fts);
          for (int i = 0; i < fts.size(); i++) {
            String x = local();
            b.append(in).append(types.type(fts.get(i))).append(' ').append(x).append(" = ");
            b.append(v).append('.').append(JavaTypes.member(r.fields().get(i).name()));
            b.append("();\n");
            store(b, in, fts.get(i), at + " + " + offsets.get(i), x);
          }
        }
        case TypeDefKind.VariantType vt -> {
          List<Optional<WitType>> cs = vt.cases().stream().map(WitCase::type).toList();
          String q = types.qualifiedType(d.ref());
          String simple = JavaTypes.typeName(d.ref().owner(), d.ref().name());
          String pa = at + " + " + abi.payloadOffset(cs);
          b.append(in).append("switch (").append(v).append(") {\n");
          for (int i = 0; i < vt.cases().size(); i++) {
            WitCase k = vt.cases().get(i);
            String x = local();
            b.append(in).append("  case ").append(q).append('.');
            b.append(HostGenerator.caseName(simple, k)).append(' ').append(x).append(" -> {\n");
            storeDisc(b, in + "    ", cs.size(), at, i);
            if (k.type().isPresent()) {
              String y = local();
              b.append(in).append("    ").append(types.type(k.type().get())).append(' ');
              b.append(y).append(" = ").append(x).append(".value();\n");
              store(b, in + "    ", k.type().get(), pa, y);
            }
            b.append(in).append("  }\n");
          }
          b.append(in).append("}\n");
        }
        case TypeDefKind.EnumType e -> storeDisc(b, in, e.cases().size(), at, v + ".ordinal()");
        case TypeDefKind.ResourceType r ->
            b.append(in)
                .append("cx.storeI32(")
                .append(a)
                .append(", ")
                .append(lowerOwn(t, v))
                .append(");\n");
        case TypeDefKind.FlagsType f ->
            b.append(in)
                .append(
                    f.flags().size() <= 8
                        ? "cx.storeI8("
                        : f.flags().size() <= 16 ? "cx.storeI16(" : "cx.storeI32(")
                .append(a)
                .append(", ")
                .append(flagsHelper(d, f, false))
                .append('(')
                .append(v)
                .append("));\n");
      }
      return;
    }
    switch (t) {
      case WitType.PrimitiveType(Primitive p) -> {
        String call =
            switch (p) {
              case BOOL -> "cx.storeI8(" + a + ", " + v + " ? 1 : 0)";
              case S8, U8 -> "cx.storeI8(" + a + ", " + v + ")";
              case S16, U16 -> "cx.storeI16(" + a + ", " + v + ")";
              case S32, U32 -> "cx.storeI32(" + a + ", " + v + ")";
              case S64, U64 -> "cx.storeI64(" + a + ", " + v + ")";
              case F32 -> "cx.storeI32(" + a + ", " + CALL + ".lowerF32(" + v + "))";
              case F64 -> "cx.storeI64(" + a + ", " + CALL + ".lowerF64(" + v + "))";
              case CHAR -> "cx.storeI32(" + a + ", " + CALL + ".lowerChar(" + v + "))";
              case STRING -> "cx.storeString(" + a + ", " + v + ")";
            };
        b.append(in).append(call).append(";\n");
      }
      case WitType.ListType l -> {
        if (l.element().equals(WitType.of(Primitive.U8))) {
          b.append(in).append("cx.storeBytes(").append(a).append(", ").append(v).append(");\n");
        } else {
          b.append(in).append(listLower(l.element())).append("(cx, ").append(a).append(", ");
          b.append(v).append(");\n");
        }
      }
      case WitType.TupleType tt -> {
        List<Integer> offsets = abi.offsets(tt.types());
        for (int i = 0; i < tt.types().size(); i++) {
          String x = local();
          b.append(in).append(types.type(tt.types().get(i))).append(' ').append(x);
          b.append(" = ").append(v).append(".v").append(i).append("();\n");
          store(b, in, tt.types().get(i), at + " + " + offsets.get(i), x);
        }
      }
      case WitType.OptionType o -> {
        String pa =
            at + " + " + abi.payloadOffset(List.of(Optional.empty(), Optional.of(o.type())));
        b.append(in).append("if (").append(v).append(".isPresent()) {\n");
        storeDisc(b, in + "  ", 2, at, 1);
        String x = local();
        b.append(in).append("  ").append(types.type(o.type())).append(' ').append(x);
        b.append(" = ").append(v).append(".get();\n");
        store(b, in + "  ", o.type(), pa, x);
        b.append(in).append("} else {\n");
        storeDisc(b, in + "  ", 2, at, 0);
        b.append(in).append("}\n");
      }
      case WitType.ResultType r -> {
        String pa = at + " + " + abi.payloadOffset(List.of(r.ok(), r.err()));
        String gen = "<" + resultArgs(r) + ">";
        b.append(in).append("switch (").append(v).append(") {\n");
        storeResultArm(b, in, "Ok" + gen, 0, r.ok(), "value", at, pa);
        storeResultArm(b, in, "Err" + gen, 1, r.err(), "error", at, pa);
        b.append(in).append("}\n");
      }
      case WitType.Handle h ->
          b.append(in)
              .append("cx.storeI32(")
              .append(a)
              .append(", ")
              .append(lowerOwn(t, v))
              .append(");\n");
      default -> throw new IllegalStateException("unsupported " + t);
    }
  }

  /** One arm of a switch storing a {@code Result}: its discriminant, then its payload if any. */
  private void storeResultArm(
      StringBuilder b,
      String in,
      String caseClass,
      int disc,
      Optional<WitType> payload,
      String accessor,
      String at,
      String pa) {
    String x = local();
    b.append(in).append("  case dev.wasidl.bindings.Result.").append(caseClass).append(' ');
    b.append(x).append(" -> {\n");
    storeDisc(b, in + "    ", 2, at, disc);
    if (payload.isPresent()) {
      String y = local();
      b.append(in).append("    ").append(types.type(payload.get())).append(' ').append(y);
      b.append(" = ").append(x).append('.').append(accessor).append("();\n");
      store(b, in + "    ", payload.get(), pa, y);
    }
    b.append(in).append("  }\n");
  }

  private static void storeDisc(StringBuilder b, String in, int cases, String at, Object index) {
    String op =
        switch (AbiShape.discSize(cases)) {
          case 1 -> "cx.storeI8";
          case 2 -> "cx.storeI16";
          default -> "cx.storeI32";
        };
    b.append(in).append(op).append('(').append(at).append(", ").append(index).append(");\n");
  }

  private String local() {
    return "v" + locals++;
  }

  // ---- lists

  private String listLift(WitType element) {
    return listLifts.computeIfAbsent(element, k -> "liftList$" + listLifts.size());
  }

  private String listLower(WitType element) {
    return listLowers.computeIfAbsent(element, k -> "lowerList$" + listLowers.size());
  }

  /**
   * The helper lifting a flags type from its word (a {@code java.util.Set} of its enum), or
   * lowering one to it; bits beyond its flags are ignored, as {@code unpack_flags_from_int}.
   */
  private String flagsHelper(JavaTypes.Definition d, TypeDefKind.FlagsType f, boolean lift) {
    String q = types.qualifiedType(d.ref());
    String name = (lift ? "liftFlags$" : "lowerFlags$") + q.replace('.', '_');
    flagsHelpers.computeIfAbsent(
        name,
        k -> {
          StringBuilder b = new StringBuilder();
          String set = "java.util.Set<" + q + ">";
          if (lift) {
            b.append("  private static ").append(set).append(' ').append(k).append("(int w) {\n");
            b.append("    ").append(set).append(" s = java.util.EnumSet.noneOf(").append(q);
            b.append(".class);\n");
            for (int i = 0; i < f.flags().size(); i++) {
              b.append("    if ((w & (1 << ")
                  .append(i)
                  .append(")) != 0) {\n      s.add(")
                  .append(q);
              b.append('.')
                  .append(JavaTypes.constant(f.flags().get(i).name()))
                  .append(");\n    }\n");
            }
            b.append("    return s;\n  }\n\n");
          } else {
            b.append("  private static int ").append(k).append('(').append(set).append(" v) {\n");
            b.append("    int w = 0;\n");
            for (int i = 0; i < f.flags().size(); i++) {
              b.append("    if (v.contains(").append(q).append('.');
              b.append(JavaTypes.constant(f.flags().get(i).name())).append(")) {\n");
              b.append("      w |= 1 << ").append(i).append(";\n    }\n");
            }
            b.append("    return w;\n  }\n\n");
          }
          return b.toString();
        });
    return name;
  }

  private String typeConstant(WitType t) {
    return typeConstants.computeIfAbsent(t, k -> "LOWERED_TYPE$" + typeConstants.size());
  }

  private String boxedList(List<WitType> ts) {
    return String.join(", ", ts.stream().map(types::boxed).toList());
  }

  private String resultArgs(WitType.ResultType r) {
    return r.ok().map(types::boxed).orElse("java.lang.Void")
        + ", "
        + r.err().map(types::boxed).orElse("java.lang.Void");
  }

  /** The list helpers and type constants the methods so far use; then forgets them. */
  String drainHelpers() {
    StringBuilder b = new StringBuilder();
    Set<String> done = new HashSet<>();
    boolean more = true;
    while (more) {
      more = false;
      for (Map.Entry<WitType, String> e : List.copyOf(listLifts.entrySet())) {
        if (done.add(e.getValue())) {
          more = true;
          WitType el = e.getKey();
          int size = abi.size(el);
          String jt = types.boxed(el);
          b.append("  private static java.util.List<").append(jt).append("> ");
          b.append(e.getValue()).append('(').append(CALL).append(" cx, int ptr, int len) {\n");
          b.append("    int base = cx.listElements(ptr, len, ").append(size).append(", ");
          b.append(abi.alignment(el)).append(");\n");
          b.append("    java.util.List<")
              .append(jt)
              .append("> out = new java.util.ArrayList<>(len);\n");
          b.append("    for (int i = 0; i < len; i++) {\n");
          b.append("      out.add(").append(load(el, "base + i * " + size)).append(");\n");
          b.append("    }\n    return out;\n  }\n\n");
        }
      }
      for (Map.Entry<WitType, String> e : List.copyOf(listLowers.entrySet())) {
        if (done.add(e.getValue())) {
          more = true;
          WitType el = e.getKey();
          int size = abi.size(el);
          String jt = types.boxed(el);
          b.append("  private static void ").append(e.getValue()).append('(').append(CALL);
          b.append(" cx, int a, java.util.List<").append(jt).append("> v) {\n");
          b.append("    int n = v.size();\n");
          b.append("    int base = cx.allocList(n, ").append(size).append(", ");
          b.append(abi.alignment(el)).append(");\n");
          b.append("    for (int i = 0; i < n; i++) {\n");
          b.append("      ").append(jt).append(" e = v.get(i);\n");
          store(b, "      ", el, "base + i * " + size, "e");
          b.append("    }\n    cx.storeI32(a, base);\n    cx.storeI32(a + 4, n);\n  }\n\n");
        }
      }
    }
    for (Map.Entry<WitType, String> e : typeConstants.entrySet()) {
      b.append("  private static final dev.wasidl.types.Type ").append(e.getValue());
      b.append(" =\n      ").append(types.typeExpr(e.getKey())).append(";\n\n");
    }
    flagsHelpers.values().forEach(b::append);
    listLifts.clear();
    listLowers.clear();
    typeConstants.clear();
    flagsHelpers.clear();
    return b.toString();
  }
}

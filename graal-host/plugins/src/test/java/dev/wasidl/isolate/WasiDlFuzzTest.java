package dev.wasidl.isolate;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wasidl.abi.Trap;
import dev.wasidl.component.Export;
import dev.wasidl.component.Sort;
import dev.wasidl.dl.DlCtx;
import dev.wasidl.dl.DlLimits;
import dev.wasidl.dl.WasiDl;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.nativetests.NativeLibs;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Func;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.types.BorrowType;
import dev.wasidl.types.EnumType;
import dev.wasidl.types.FlagsType;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.ListType;
import dev.wasidl.types.OptionType;
import dev.wasidl.types.OwnType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.ResourceType;
import dev.wasidl.types.ResultType;
import dev.wasidl.types.Type;
import dev.wasidl.types.TypeResolver;
import dev.wasidl.types.Val;
import dev.wasidl.types.VariantType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Random sequences of wasi:dl calls against native-tests' {@code libwasidl_prims.so}, guided by
 * coverage (Jazzer): each step calls one function of wasi:dl (through the component that imports
 * and re-exports the host's, as a worker serves it) with arguments drawn from the input: handles
 * the sequence holds (or made-up ones), primitive types and struct types nested at random,
 * signatures of any shape, values of every setter, library and symbol names granted, refused and
 * unknown. A call returns or traps (after which the instance is done and the sequence ends); any
 * other exception is a finding, and so is the JVM crashing.
 *
 * <p>What the sequence leaves out is only what wasi:dl cannot check by its nature: it writes only
 * through allocs it made ({@code alloc.new}), not through pointers a C function returned, and makes
 * functions ({@code from-alloc}) only from a function's own {@code get-alloc}, not from arbitrary
 * addresses; the library's functions read their arguments only, so any signature is safe to call.
 * Replays {@code WasiDlFuzzTestInputs} without {@code JAZZER_FUZZ}; the build's {@code fuzz-dl}
 * execution fuzzes it.
 */
class WasiDlFuzzTest {
  private static final String PRIMS = NativeLibs.path("wasidl_prims").toString();
  private static final List<String> LIBRARIES =
      List.of(PRIMS, "libm.so.6", "libwasidl_prims.so", "/nonexistent/lib.so", "", "../x.so");
  private static final List<String> SYMBOLS = symbols();
  private static final int STEPS = 64;

  private static GraalRuntime runtime;
  private static Linker linker;
  private static Component reexport;

  @BeforeAll
  static void setUp() {
    runtime = GraalRuntime.create();
    linker = Linker.of(runtime);
    WasiDl.add(linker);
    reexport = DlIsolation.reexport();
  }

  @AfterAll
  static void tearDown() {
    runtime.close();
  }

  private static List<String> symbols() {
    List<String> names = new ArrayList<>();
    for (String s :
        List.of(
            "schar", "uchar", "short", "ushort", "int", "uint", "long", "ulong", "llong", "ullong",
            "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "float", "double", "ptr")) {
      Stream.of("id_", "min_", "max_", "add_", "widen_").forEach(p -> names.add(p + s));
    }
    names.addAll(
        List.of(
            "classify_double",
            "classify_float",
            "nan_double",
            "nan_float",
            "inf_double",
            "inf_float",
            "denorm_double",
            "denorm_float",
            "noop",
            "add",
            "mix",
            "no_such_symbol",
            "",
            "malloc"));
    return List.copyOf(names);
  }

  /** Where an alloc came from: what the sequence may do with it. */
  private enum Origin {
    /** {@code alloc.new}: memory the host owns, safe to write. */
    OWNED,
    /** A function's {@code get-alloc}: a function's own address. */
    FUNCTION,
    /** Anything else (a symbol, a pointer a C function returned): read only. */
    FOREIGN
  }

  /** The handles the sequence holds, by resource type, and where each alloc came from. */
  private static final class Handles {
    final Map<ResourceType, List<Integer>> byType = new HashMap<>();
    final Map<Integer, Origin> allocs = new HashMap<>();
  }

  @FuzzTest
  void callSequence(FuzzedDataProvider data) {
    DlPolicy policy = DlPolicy.builder().allow(PRIMS).build();
    try (DlCtx ctx = new DlCtx(policy, DlLimits.DEFAULT.withMaxMemory(1 << 20));
        Instance instance = linker.instantiate(reexport, ctx)) {
      List<Named> funcs = functions(instance);
      Handles handles = new Handles();
      for (int step = 0; step < STEPS && data.remainingBytes() > 0; step++) {
        Named f = funcs.get(data.consumeInt(0, funcs.size() - 1));
        List<Val> args = arguments(f, data, handles);
        if (args == null) {
          continue; // nothing safe to pass
        }
        Optional<Val> result;
        try {
          result = f.func().call(args);
        } catch (Trap expected) {
          return; // a clear error: the instance is done
        }
        result.ifPresent(r -> keep(f, f.func().type().result().orElseThrow(), r, handles));
      }
    }
  }

  private record Named(String name, Func func) {}

  private static List<Named> functions(Instance instance) {
    List<Named> funcs = new ArrayList<>();
    TypeResolver resolver = TypeResolver.of(reexport.model());
    for (Export e : reexport.model().exports()) {
      String name = e.name().text();
      TypeResolver scope = resolver.instance(e.target().index());
      scope
          .exports()
          .forEach(
              (item, sort) -> {
                if (sort == Sort.FUNC) {
                  instance.func(name, item).ifPresent(f -> funcs.add(new Named(item, f)));
                }
              });
    }
    funcs.sort((a, b) -> a.name().compareTo(b.name()));
    return funcs;
  }

  /** Arguments for {@code f}, or null when the sequence holds nothing it may safely pass. */
  private static List<Val> arguments(Named f, FuzzedDataProvider data, Handles handles) {
    FuncType type = f.func().type();
    List<Val> args = new ArrayList<>();
    Set<Integer> moved = new HashSet<>();
    for (int i = 0; i < type.params().size(); i++) {
      Type t = type.params().get(i).type();
      boolean self = i == 0 && f.name().startsWith("[method]");
      Val v;
      if (self && f.name().startsWith("[method]alloc.write-")) {
        v = handle(t, data, handles, moved, Origin.OWNED);
      } else if (f.name().equals("[static]function.from-alloc") && i == 0) {
        v = handle(t, data, handles, moved, Origin.FUNCTION);
      } else {
        v = value(t, data, handles, moved, 3);
      }
      if (v == null) {
        return null;
      }
      args.add(v);
    }
    // an own passed is the callee's now
    handles.byType.values().forEach(reps -> reps.removeIf(moved::contains));
    moved.forEach(handles.allocs::remove);
    return args;
  }

  /** A held alloc of {@code origin} for {@code t}, or null if there is none. */
  private static Val handle(
      Type t, FuzzedDataProvider data, Handles handles, Set<Integer> moved, Origin origin) {
    List<Integer> reps =
        handles.allocs.entrySet().stream()
            .filter(e -> e.getValue() == origin && !moved.contains(e.getKey()))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    if (reps.isEmpty()) {
      return null;
    }
    int rep = reps.get(data.consumeInt(0, reps.size() - 1));
    if (t instanceof OwnType) {
      moved.add(rep);
      return new Val.Own(rep);
    }
    return new Val.Borrow(rep);
  }

  private static Val value(
      Type t, FuzzedDataProvider data, Handles handles, Set<Integer> moved, int depth) {
    return switch (t) {
      case Primitive p -> primitive(p, data);
      case EnumType e -> new Val.EnumVal(e.names().get(data.consumeInt(0, e.names().size() - 1)));
      case FlagsType f -> {
        Set<String> on = new HashSet<>();
        f.names()
            .forEach(
                n -> {
                  if (data.consumeBoolean()) {
                    on.add(n);
                  }
                });
        yield new Val.Flags(on);
      }
      case OptionType o ->
          new Val.OptionVal(
              data.consumeBoolean()
                  ? Optional.ofNullable(value(o.type(), data, handles, moved, depth))
                  : Optional.empty());
      case ListType l -> {
        int n = depth <= 0 ? 0 : data.consumeInt(0, 6);
        List<Val> elements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          Val v = value(l.element(), data, handles, moved, depth - 1);
          if (v == null) {
            break;
          }
          elements.add(v);
        }
        yield new Val.ListVal(elements);
      }
      case VariantType v -> {
        VariantType.Case c = v.cases().get(data.consumeInt(0, v.cases().size() - 1));
        if (c.type().isEmpty()) {
          yield new Val.Variant(c.name(), Optional.empty());
        }
        Val payload = value(c.type().get(), data, handles, moved, depth - 1);
        yield payload == null ? null : new Val.Variant(c.name(), Optional.of(payload));
      }
      case OwnType o -> held(o.resource(), true, data, handles, moved);
      case BorrowType b -> held(b.resource(), false, data, handles, moved);
      default -> throw new IllegalStateException("wasi:dl takes no " + t);
    };
  }

  /** A held handle of {@code type} (sometimes a made-up one), or null if none is held. */
  private static Val held(
      ResourceType type,
      boolean own,
      FuzzedDataProvider data,
      Handles handles,
      Set<Integer> moved) {
    List<Integer> reps =
        handles.byType.getOrDefault(type, List.of()).stream()
            .filter(r -> !moved.contains(r))
            .toList();
    int rep;
    if (data.consumeInt(0, 15) == 0) {
      rep = data.consumeInt(); // not a handle the sequence holds: the host must refuse it
    } else if (reps.isEmpty()) {
      return null;
    } else {
      rep = reps.get(data.consumeInt(0, reps.size() - 1));
    }
    if (own) {
      moved.add(rep);
      return new Val.Own(rep);
    }
    return new Val.Borrow(rep);
  }

  private static Val primitive(Primitive p, FuzzedDataProvider data) {
    return switch (p) {
      case BOOL -> new Val.Bool(data.consumeBoolean());
      case S8 -> new Val.S8(data.consumeByte());
      case U8 -> new Val.U8(data.consumeInt(0, 255));
      case S16 -> new Val.S16(data.consumeShort());
      case U16 -> new Val.U16(data.consumeInt(0, 65535));
      case S32 -> new Val.S32(data.consumeInt());
      case U32 -> new Val.U32(data.consumeLong(0, 0xFFFF_FFFFL));
      case S64 -> new Val.S64(data.consumeLong());
      case U64 -> new Val.U64(data.consumeLong());
      case F32 -> new Val.F32(data.consumeFloat());
      case F64 -> new Val.F64(data.consumeDouble());
      case CHAR -> new Val.Char('a');
      case STRING ->
          new Val.Str(
              switch (data.consumeInt(0, 2)) {
                case 0 -> LIBRARIES.get(data.consumeInt(0, LIBRARIES.size() - 1));
                case 1 -> SYMBOLS.get(data.consumeInt(0, SYMBOLS.size() - 1));
                default -> data.consumeString(32);
              });
    };
  }

  /** Keeps the handles {@code v} (of type {@code t}, returned by {@code f}) hands out. */
  private static void keep(Named f, Type t, Val v, Handles handles) {
    switch (t) {
      case OwnType o when v instanceof Val.Own(int rep) -> {
        handles.byType.computeIfAbsent(o.resource(), k -> new ArrayList<>()).add(rep);
        if (f.name().equals("[static]alloc.new") || f.name().endsWith(".get-alloc")) {
          handles.allocs.put(rep, origin(f.name()));
        }
      }
      case ResultType r when v instanceof Val.ResultVal(boolean ok, Optional<Val> payload) -> {
        Optional<Type> side = ok ? r.ok() : r.error();
        if (side.isPresent() && payload.isPresent()) {
          keep(f, side.get(), payload.get(), handles);
        }
      }
      case OptionType o when v instanceof Val.OptionVal(Optional<Val> inner) ->
          inner.ifPresent(x -> keep(f, o.type(), x, handles));
      case ListType l when v instanceof Val.ListVal(List<Val> elements) ->
          elements.forEach(x -> keep(f, l.element(), x, handles));
      case VariantType vt when v instanceof Val.Variant(String name, Optional<Val> payload) ->
          vt.cases().stream()
              .filter(c -> c.name().equals(name))
              .findFirst()
              .flatMap(VariantType.Case::type)
              .ifPresent(ct -> payload.ifPresent(x -> keep(f, ct, x, handles)));
      default -> {}
    }
  }

  private static Origin origin(String function) {
    return switch (function) {
      case "[static]alloc.new" -> Origin.OWNED;
      case "[method]function.get-alloc" -> Origin.FUNCTION;
      default -> Origin.FOREIGN;
    };
  }
}

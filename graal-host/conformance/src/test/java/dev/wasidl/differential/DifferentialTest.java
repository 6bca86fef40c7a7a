package dev.wasidl.differential;

import static org.junit.jupiter.api.Assertions.fail;

import dev.wasidl.abi.Trap;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Func;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.runtime.LinkerInstance;
import dev.wasidl.testkit.component.Guests;
import dev.wasidl.testkit.component.Json;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.ResourceType;
import dev.wasidl.types.Val;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential testing against a reference runtime no one here wrote: every call of the tables
 * below runs on graal-host and on node (the same component transpiled by jco 1.35.0, see
 * testdata/node/harness.mjs), with hosts that behave alike, and the two must agree call by call:
 * the result in jco's JSON form ({@link JsValues}), or both trap, and the same host imports called
 * with the same arguments in the same order. Each component is transpiled once per run of the
 * class.
 */
class DifferentialTest {
  private static final String API = "test:guest/api@0.1.0";
  private static final String MATH = "test:nested/math@0.1.0";
  private static final String ECHO = "test:echo/host@0.1.0";

  /**
   * Reviewed exclusions: calls on which graal-host and jco disagree because of a jco bug, by call
   * id, with the evidence. An excluded call must still disagree (so a fix is noticed). Empty: no
   * jco bug found on these components.
   */
  static final Map<String, String> JCO_BUGS = Map.of();

  // ---- the tables ------------------------------------------------------------------------------

  /** One call: where, what, and its arguments (built with the session's handle names). */
  record Call(@Nullable String export, String func, Function<JsValues, List<Val>> args) {}

  /** Calls run in order on one fresh instance. */
  record Session(String name, List<Call> calls) {}

  /** A component, its host and its sessions. */
  record Guest(String file, Function<List<String>, Linker> host, List<Session> sessions) {}

  private static Call call(@Nullable String export, String func, Val... args) {
    List<Val> list = List.of(args);
    return new Call(export, func, h -> list);
  }

  private static Call api(String func, Val... args) {
    return call(API, func, args);
  }

  private static Call blobRead(String blob, long offset, long len) {
    return new Call(
        API, "[method]blob.read", h -> List.of(new Val.Borrow(h.rep(blob)), u32(offset), u32(len)));
  }

  private static Call blobSize(String blob) {
    return new Call(API, "[method]blob.size", h -> List.of(new Val.Borrow(h.rep(blob))));
  }

  static Val u32(long v) {
    return new Val.U32(v);
  }

  static Val s32(int v) {
    return new Val.S32(v);
  }

  static Val str(String s) {
    return new Val.Str(s);
  }

  static Val point(int x, int y) {
    return new Val.RecordVal(List.of(new Val.Field("x", s32(x)), new Val.Field("y", s32(y))));
  }

  static Val person(String name, int age, List<String> tags, Optional<Val> home) {
    return new Val.RecordVal(
        List.of(
            new Val.Field("name", str(name)),
            new Val.Field("age", new Val.U8(age)),
            new Val.Field(
                "tags", new Val.ListVal(tags.stream().map(DifferentialTest::str).toList())),
            new Val.Field("home", new Val.OptionVal(home))));
  }

  static Val circle(double r) {
    return new Val.Variant("circle", Optional.of(new Val.F64(r)));
  }

  static Val rect(int x, int y) {
    return new Val.Variant("rect", Optional.of(point(x, y)));
  }

  static Val s32s(int... xs) {
    return new Val.ListVal(IntStream.of(xs).mapToObj(DifferentialTest::s32).toList());
  }

  static Val bytes(int... bs) {
    return new Val.ListVal(IntStream.of(bs).mapToObj(b -> (Val) new Val.U8(b)).toList());
  }

  static Val mix(int a, int b, int c, float d) {
    return new Val.Tuple(
        List.of(new Val.S8((byte) a), new Val.U16(b), new Val.Char(c), new Val.F32(d)));
  }

  private static List<Call> mixCalls(Val... tuples) {
    return Stream.of(tuples)
        .map(t -> api("mix", ((Val.Tuple) t).values().toArray(Val[]::new)))
        .toList();
  }

  private static final int MAX = Integer.MAX_VALUE;
  private static final int MIN = Integer.MIN_VALUE;
  private static final long U32_MAX = 0xffff_ffffL;

  /** The hosts' counter constructor traps on this start value (in both runtimes). */
  private static final long TRAPPING_START = 0xdead;

  static List<Session> typesC() {
    List<Call> values = new ArrayList<>();
    values.add(call(null, "version"));
    values.add(api("greet", person("Ada", 36, List.of("x", "yz"), Optional.of(point(1, 2)))));
    values.add(api("greet", person("", 0, List.of(), Optional.empty())));
    values.add(
        api(
            "greet",
            person("Zoë 😀 日本語", 17, List.of("ünï", "", "😀😀"), Optional.of(point(MIN, MAX)))));
    values.add(
        api("greet", person("tab\tnl\nnul\0 \"q\" \\", 18, List.of("\u007f"), Optional.empty())));
    values.add(
        api(
            "greet",
            person(
                "\uffff\ud7ff\ue000\udbff\udfff",
                255,
                List.of("a".repeat(1000)),
                Optional.of(point(0, 0)))));
    values.add(
        api(
            "greet",
            person(
                "many",
                1,
                IntStream.range(0, 100).mapToObj(Integer::toString).toList(),
                Optional.empty())));
    for (double r :
        new double[] {
          2.0,
          -2.0,
          0.0,
          -0.0,
          1e-200,
          Double.MIN_VALUE,
          1e300,
          Double.MAX_VALUE,
          Double.NaN,
          Double.longBitsToDouble(0xfff0_0000_0000_0001L),
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY,
          0.1
        }) {
      values.add(api("area", circle(r)));
    }
    values.add(api("area", rect(3, 4)));
    values.add(api("area", rect(-1, 0)));
    values.add(api("area", rect(MIN, MAX)));
    values.add(api("area", rect(MIN, MIN)));
    values.add(api("area", new Val.Variant("none", Optional.empty())));
    for (String color : List.of("red", "green", "blue")) {
      for (int perms = 0; perms < 8; perms++) {
        List<String> set = new ArrayList<>();
        for (int bit = 0; bit < 3; bit++) {
          if ((perms & (1 << bit)) != 0) {
            set.add(List.of("read", "write", "exec").get(bit));
          }
        }
        values.add(api("check", new Val.EnumVal(color), Val.Flags.of(set.toArray(String[]::new))));
      }
    }
    for (String s :
        List.of(
            "-42",
            "4x",
            "",
            "-",
            "0",
            "-0",
            "007",
            "+1",
            "9223372036854775807",
            "-9223372036854775808",
            "18446744073709551615",
            "123456789012345678901234567890",
            "١٢",
            "1 ")) {
      values.add(api("parse", str(s)));
    }
    values.add(api("sum", s32s(1, 2, 3)));
    values.add(api("sum", s32s()));
    values.add(api("sum", s32s(0)));
    values.add(api("sum", s32s(-1)));
    values.add(api("sum", s32s(MAX, MAX)));
    values.add(api("sum", s32s(MIN)));
    values.add(api("sum", s32s(IntStream.generate(() -> MIN).limit(1000).toArray())));
    values.addAll(
        mixCalls(
            mix(-5, 65535, 'A', 2.5f),
            mix(-128, 0, 0, 0f),
            mix(127, 65535, 0x10ffff, Float.MAX_VALUE),
            mix(0, 0, 0x1f600, Float.NaN),
            mix(0, 0, 0xd7ff, Float.intBitsToFloat(0xffc0_0001)),
            mix(-1, 1, 'é', -1.5f),
            mix(0, 1, 0xe000, Float.POSITIVE_INFINITY),
            mix(0, 2, 0xffff, Float.NEGATIVE_INFINITY),
            mix(0, 3, 'x', -0.0f),
            mix(0, 4, 'y', Float.MIN_VALUE),
            mix(0, 5, 'z', 1e19f),
            mix(0, 6, '0', 0.1f)));
    values.add(call(null, "version"));

    List<Call> resources = new ArrayList<>();
    for (long start : new long[] {10, 0, U32_MAX, U32_MAX - 1}) {
      resources.add(api("count-up", u32(start)));
    }
    resources.add(api("[constructor]blob", bytes(7, 8, 9)));
    resources.add(api("[constructor]blob", bytes()));
    resources.add(api("[constructor]blob", bytes(IntStream.range(0, 256).toArray())));
    resources.add(blobSize("blob#1"));
    resources.add(blobSize("blob#2"));
    resources.add(blobSize("blob#3"));
    resources.add(blobRead("blob#1", 1, 2));
    resources.add(blobRead("blob#1", 0, 3));
    resources.add(blobRead("blob#1", 3, 0));
    resources.add(blobRead("blob#1", 1, 5));
    resources.add(blobRead("blob#1", U32_MAX, 1));
    resources.add(blobRead("blob#1", U32_MAX, U32_MAX));
    resources.add(blobRead("blob#2", 0, 0));
    resources.add(blobRead("blob#2", 0, 1));
    resources.add(blobRead("blob#3", 250, 6));
    resources.add(blobRead("blob#3", 0, 256));
    resources.add(api("count-up", u32(1)));
    // A trap poisons the instance: later calls trap too ("cannot enter component instance").
    List<Call> trap =
        List.of(
            api("count-up", u32(1)),
            api("count-up", u32(TRAPPING_START)),
            call(null, "version"),
            api("count-up", u32(1)),
            api("sum", s32s(1)));
    return List.of(
        new Session("values", values),
        new Session("resources", resources),
        new Session("trap", trap));
  }

  private static Call echo(String type, Val v) {
    return call(ECHO, "echo-" + type, v);
  }

  static Val flags(String... names) {
    return Val.Flags.of(names);
  }

  static Val prims(
      boolean a,
      int b,
      int c,
      int d,
      int e,
      int f,
      long g,
      long h,
      long i,
      float j,
      double k,
      int l) {
    List<Val> vs =
        List.of(
            new Val.Bool(a),
            new Val.S8((byte) b),
            new Val.U8(c),
            new Val.S16((short) d),
            new Val.U16(e),
            s32(f),
            u32(g),
            new Val.S64(h),
            new Val.U64(i),
            new Val.F32(j),
            new Val.F64(k),
            new Val.Char(l));
    List<Val.Field> fields = new ArrayList<>();
    for (int n = 0; n < vs.size(); n++) {
      fields.add(new Val.Field(String.valueOf((char) ('a' + n)), vs.get(n)));
    }
    return new Val.RecordVal(fields);
  }

  static Val tuple(int a, String b, double c) {
    return new Val.Tuple(List.of(new Val.U8(a), str(b), new Val.F64(c)));
  }

  /** echo-c: each export passes its argument through the host's echo import and back. */
  static List<Session> echoC() {
    List<Call> calls = new ArrayList<>();
    calls.add(echo("bool", new Val.Bool(true)));
    calls.add(echo("bool", new Val.Bool(false)));
    for (int v : new int[] {-128, 127, 0, -1}) {
      calls.add(echo("s8", new Val.S8((byte) v)));
    }
    calls.add(echo("u8", new Val.U8(0)));
    calls.add(echo("u8", new Val.U8(255)));
    calls.add(echo("s16", new Val.S16(Short.MIN_VALUE)));
    calls.add(echo("s16", new Val.S16(Short.MAX_VALUE)));
    calls.add(echo("u16", new Val.U16(0)));
    calls.add(echo("u16", new Val.U16(65535)));
    for (int v : new int[] {MIN, MAX, -1}) {
      calls.add(echo("s32", s32(v)));
    }
    calls.add(echo("u32", u32(0)));
    calls.add(echo("u32", u32(U32_MAX)));
    for (long v : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0}) {
      calls.add(echo("s64", new Val.S64(v)));
    }
    for (long v : new long[] {0, -1, Long.MIN_VALUE, Long.MAX_VALUE}) {
      calls.add(echo("u64", new Val.U64(v)));
    }
    for (float v :
        new float[] {
          Float.NaN,
          Float.intBitsToFloat(0x7fa0_0000),
          Float.intBitsToFloat(0xffc0_0001),
          -0.0f,
          0.0f,
          Float.POSITIVE_INFINITY,
          Float.NEGATIVE_INFINITY,
          Float.MIN_VALUE,
          Float.MAX_VALUE,
          0.1f,
          -1.5f,
          16777216f,
          Math.nextUp(16777216f)
        }) {
      calls.add(echo("f32", new Val.F32(v)));
    }
    for (double v :
        new double[] {
          Double.NaN,
          Double.longBitsToDouble(0x7ff4_0000_0000_0000L),
          -0.0,
          0.0,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY,
          Double.MIN_VALUE,
          Double.MAX_VALUE,
          0.1,
          1e21,
          1e-7,
          123456789.125,
          -2.5e-300
        }) {
      calls.add(echo("f64", new Val.F64(v)));
    }
    for (int c :
        new int[] {
          0, 'A', 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xffff, 0x10000, 0x1f600, 0x10ffff
        }) {
      calls.add(echo("char", new Val.Char(c)));
    }
    for (String v :
        List.of("", "héllo", "😀", "a\0b", "日本語\n\t\"", "x".repeat(10_000), "\uffff\ud800\udc00")) {
      calls.add(echo("string", str(v)));
    }
    calls.add(echo("bytes", bytes()));
    calls.add(echo("bytes", bytes(0, 255, 128)));
    calls.add(echo("bytes", bytes(IntStream.range(0, 5000).map(i -> i % 256).toArray())));
    calls.add(echo("strings", new Val.ListVal(List.of())));
    calls.add(echo("strings", new Val.ListVal(List.of(str(""), str("a"), str("😀 ünï")))));
    calls.add(echo("points", new Val.ListVal(List.of())));
    calls.add(echo("points", new Val.ListVal(List.of(point(MIN, MAX), point(0, -1)))));
    calls.add(echo("point", point(1, -1)));
    calls.add(
        echo(
            "prims",
            prims(
                true,
                -128,
                255,
                -32768,
                65535,
                MIN,
                U32_MAX,
                Long.MIN_VALUE,
                -1L,
                Float.NaN,
                -0.0,
                0x10ffff)));
    calls.add(
        echo(
            "prims", prims(false, 127, 0, 32767, 0, MAX, 0, Long.MAX_VALUE, 0, 0.5f, 1e-300, 'a')));
    for (String c : List.of("red", "green", "blue")) {
      calls.add(echo("color", new Val.EnumVal(c)));
    }
    calls.add(echo("small", flags()));
    calls.add(echo("small", flags("a")));
    calls.add(echo("small", flags("c")));
    calls.add(echo("small", flags("a", "b", "c")));
    calls.add(echo("big", flags()));
    calls.add(echo("big", flags("b0")));
    calls.add(echo("big", flags("b31")));
    calls.add(echo("big", flags("b0", "b15", "b16", "b31")));
    calls.add(
        echo("big", flags(IntStream.range(0, 32).mapToObj(i -> "b" + i).toArray(String[]::new))));
    calls.add(echo("shape", circle(Double.NaN)));
    calls.add(echo("shape", circle(-0.0)));
    calls.add(echo("shape", rect(MIN, MAX)));
    calls.add(echo("shape", new Val.Variant("label", Optional.of(str("")))));
    calls.add(echo("shape", new Val.Variant("label", Optional.of(str("😀 ünï")))));
    calls.add(echo("shape", new Val.Variant("none", Optional.empty())));
    calls.add(echo("option", new Val.OptionVal(Optional.empty())));
    calls.add(echo("option", new Val.OptionVal(Optional.of(str("")))));
    calls.add(echo("option", new Val.OptionVal(Optional.of(str("x")))));
    calls.add(echo("result", Val.ResultVal.ok(u32(0))));
    calls.add(echo("result", Val.ResultVal.ok(u32(U32_MAX))));
    calls.add(echo("result", Val.ResultVal.err(str(""))));
    calls.add(echo("result", Val.ResultVal.err(str("bad ✗"))));
    calls.add(echo("tuple", tuple(0, "", 0.0)));
    calls.add(echo("tuple", tuple(255, "😀", -0.0)));
    calls.add(echo("tuple", tuple(1, "x", Double.NaN)));
    calls.add(
        call(
            ECHO,
            "sum17",
            LongStream.rangeClosed(1, 17).mapToObj(DifferentialTest::u32).toArray(Val[]::new)));
    calls.add(
        call(
            ECHO,
            "sum17",
            LongStream.generate(() -> U32_MAX)
                .limit(17)
                .mapToObj(DifferentialTest::u32)
                .toArray(Val[]::new)));
    return List.of(new Session("echoes", calls));
  }

  static List<Session> nestedWat() {
    List<Call> calls = new ArrayList<>();
    for (long x : new long[] {21, 0, U32_MAX, 1L << 31}) {
      calls.add(call(null, "double", u32(x)));
    }
    for (long x : new long[] {7, U32_MAX, 1L << 30}) {
      calls.add(call(null, "quad", u32(x)));
    }
    long[][] pairs = {
      {7, 8}, {0, 0}, {U32_MAX, U32_MAX}, {U32_MAX, 1}, {65536, 65536}, {0, U32_MAX}
    };
    for (long[] p : pairs) {
      calls.add(call(MATH, "add", u32(p[0]), u32(p[1])));
      calls.add(call(MATH, "mul", u32(p[0]), u32(p[1])));
    }
    return List.of(new Session("calls", calls));
  }

  // ---- the hosts, mirroring hosts() in harness.mjs ----------------------------------------------

  /** test:guest/host: a name, a log, and counters kept by representation from 100. */
  static Linker typesHost(List<String> events) {
    Map<Integer, Long> counters = new HashMap<>();
    int[] next = {100};
    Linker linker = Linker.of(runtime);
    linker
        .instance("test:guest/host@0.1.0")
        .func(
            "get-name",
            (cx, a) -> {
              events.add("get-name()");
              return Optional.of(str("GraalWasm"));
            })
        .func(
            "log",
            (cx, a) -> {
              events.add(
                  "log("
                      + Json.quote(((Val.EnumVal) a.get(0)).caseName())
                      + ", "
                      + Json.quote(((Val.Str) a.get(1)).value())
                      + ")");
              return Optional.empty();
            })
        .resource(
            "counter",
            ResourceType.host("counter"),
            (cx, rep) -> events.add("counter#" + rep + " dropped"))
        .func(
            "[constructor]counter",
            (cx, a) -> {
              long start = ((Val.U32) a.get(0)).value();
              if (start == TRAPPING_START) {
                events.add("counter(" + start + ") traps");
                throw new Trap("host trap: counter(" + start + ")");
              }
              int rep = next[0]++;
              counters.put(rep, start);
              events.add("counter(" + start + ") = #" + rep);
              return Optional.of(new Val.Own(rep));
            })
        .func(
            "[method]counter.increment",
            (cx, a) -> {
              int rep = ((Val.Borrow) a.get(0)).rep();
              long by = ((Val.U32) a.get(1)).value();
              long v = (counters.get(rep) + by) & U32_MAX;
              counters.put(rep, v);
              events.add("counter#" + rep + ".increment(" + by + ") = " + v);
              return Optional.of(u32(v));
            })
        .func(
            "[method]counter.value",
            (cx, a) -> {
              int rep = ((Val.Borrow) a.get(0)).rep();
              events.add("counter#" + rep + ".value() = " + counters.get(rep));
              return Optional.of(u32(counters.get(rep)));
            })
        .func(
            "[static]counter.make",
            (cx, a) -> {
              int rep = next[0]++;
              counters.put(rep, 1000L);
              events.add("counter.make() = #" + rep);
              return Optional.of(new Val.Own(rep));
            });
    return linker;
  }

  /** test:echo/types and test:echo/host: every echo returns its argument. */
  static Linker echoHost(List<String> events) {
    Linker linker = Linker.of(runtime);
    linker
        .instance("test:echo/types@0.1.0")
        .resource("thing", ResourceType.host("thing"), (cx, rep) -> {})
        .func(
            "[constructor]thing",
            (cx, a) -> Optional.of(new Val.Own((int) ((Val.U32) a.get(0)).value())))
        .func("[method]thing.value", (cx, a) -> Optional.of(u32(((Val.Borrow) a.get(0)).rep())));
    LinkerInstance host = linker.instance(ECHO);
    for (String name :
        List.of(
            "bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64", "f32", "f64", "char",
            "string", "bytes", "strings", "points", "point", "prims", "color", "small", "big",
            "shape", "option", "result", "tuple", "thing")) {
      host.func("echo-" + name, (cx, a) -> Optional.of(a.getFirst()));
    }
    host.func("peek-thing", (cx, a) -> Optional.of(u32(10L * ((Val.Borrow) a.getFirst()).rep())));
    host.func(
        "sum17",
        (cx, a) ->
            Optional.of(new Val.U64(a.stream().mapToLong(v -> ((Val.U32) v).value()).sum())));
    return linker;
  }

  /** test:nested/log. */
  static Linker nestedHost(List<String> events) {
    Linker linker = Linker.of(runtime);
    linker
        .instance("test:nested/log@0.1.0")
        .func(
            "log",
            (cx, a) -> {
              events.add("log(" + Json.quote(((Val.Str) a.getFirst()).value()) + ")");
              return Optional.empty();
            });
    return linker;
  }

  // ---- running ---------------------------------------------------------------------------------

  /** One call as run on graal-host: its id, what node is sent, and graal-host's outcome line. */
  record Ran(String id, FuncType type, Json nodeCall, Json.Obj graal, JsValues values) {}

  private static GraalRuntime runtime;
  private static final Map<String, List<Ran>> graalRuns = new LinkedHashMap<>();
  private static final Map<String, List<String>> nodeLines = new LinkedHashMap<>();

  private static final Map<String, Guest> GUESTS = new LinkedHashMap<>();

  static {
    GUESTS.put("types-c", new Guest("types-c.wasm", DifferentialTest::typesHost, typesC()));
    GUESTS.put("echo-c", new Guest("echo-c.wasm", DifferentialTest::echoHost, echoC()));
    GUESTS.put(
        "nested-wat", new Guest("nested-wat.wasm", DifferentialTest::nestedHost, nestedWat()));
  }

  @BeforeAll
  static void runBoth(@TempDir Path tmp) throws IOException {
    NodeHarness.requireInstalled();
    runtime = GraalRuntime.create();
    Map<String, NodeHarness> nodes = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Guest> g : GUESTS.entrySet()) {
        Path file = tmp.resolve(g.getValue().file());
        Files.write(file, guest(g.getValue().file()));
        nodes.put(g.getKey(), NodeHarness.start(file)); // transpiles while graal-host runs
      }
      for (Map.Entry<String, Guest> g : GUESTS.entrySet()) {
        graalRuns.put(g.getKey(), runOnGraal(g.getKey(), g.getValue()));
      }
      for (Map.Entry<String, NodeHarness> n : nodes.entrySet()) {
        List<Ran> runs = graalRuns.get(n.getKey());
        Guest g = GUESTS.get(n.getKey());
        List<Json> sessions = new ArrayList<>();
        int i = 0;
        for (Session s : g.sessions()) {
          List<Json> calls =
              runs.subList(i, i + s.calls().size()).stream().map(Ran::nodeCall).toList();
          i += s.calls().size();
          sessions.add(Json.obj(Map.of("name", Json.of(s.name()), "calls", new Json.Arr(calls))));
        }
        Json calls = Json.obj(Map.of("sessions", new Json.Arr(sessions)));
        nodeLines.put(n.getKey(), n.getValue().run(calls));
        dump(n.getKey(), calls, runs, nodeLines.get(n.getKey()));
      }
    } finally {
      nodes.values().forEach(NodeHarness::abort);
    }
  }

  /**
   * With {@code -Ddifferential.dump=DIR}, writes each component's calls (the harness's input) and
   * both runtimes' lines there, to rerun node by hand ({@code node harness.mjs X.wasm
   * X.calls.json}).
   */
  private static void dump(String name, Json calls, List<Ran> runs, List<String> node)
      throws IOException {
    String dir = System.getProperty("differential.dump");
    if (dir == null) {
      return;
    }
    Path d = Files.createDirectories(Path.of(dir));
    Files.writeString(d.resolve(name + ".calls.json"), Json.write(calls));
    Files.write(
        d.resolve(name + ".graal.jsonl"), runs.stream().map(r -> Json.write(r.graal())).toList());
    Files.write(d.resolve(name + ".node.jsonl"), node);
  }

  @AfterAll
  static void tearDown() {
    if (runtime != null) {
      runtime.close();
    }
  }

  static byte[] guest(String name) {
    return Guests.bytes(name);
  }

  private static List<Ran> runOnGraal(String name, Guest guest) {
    Component component = Component.of(name, guest(guest.file()));
    List<Ran> runs = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    for (Session session : guest.sessions()) {
      List<String> events = new ArrayList<>();
      JsValues values = new JsValues();
      try (Instance instance = guest.host().apply(events).instantiate(component)) {
        for (Call call : session.calls()) {
          Func func =
              (call.export() == null
                      ? instance.func(call.func())
                      : instance.func(call.export(), call.func()))
                  .orElseThrow(() -> new AssertionError("no export " + call));
          FuncType type = func.type();
          values.learnNames(call.func(), type);
          List<Val> args;
          try {
            args = call.args().apply(values);
          } catch (IllegalArgumentException e) {
            throw new AssertionError(
                name
                    + " "
                    + session.name()
                    + ": cannot build the arguments of "
                    + call.func()
                    + " ("
                    + e.getMessage()
                    + ") after graal-host ran:\n"
                    + runs.stream()
                        .map(r -> Json.write(r.graal()))
                        .collect(Collectors.joining("\n")),
                e);
          }
          List<Json> argsJson = new ArrayList<>();
          for (int i = 0; i < args.size(); i++) {
            argsJson.add(values.encodeArg(type.paramTypes().get(i), args.get(i)));
          }
          String baseId =
              name
                  + " "
                  + session.name()
                  + ": "
                  + (call.export() == null ? "" : call.export() + "#")
                  + call.func()
                  + Json.write(new Json.Arr(argsJson));
          // calls that differ only in a NaN payload print alike: number the repeats
          int seen = ids.merge(baseId, 1, Integer::sum);
          String id = seen == 1 ? baseId : baseId + " (" + seen + ")";
          events.clear();
          Map<String, Json> line = new LinkedHashMap<>();
          line.put("id", Json.of(id));
          try {
            Optional<Val> result = func.call(args);
            type.result()
                .ifPresent(t -> line.put("value", values.encodeResult(t, result.orElseThrow())));
          } catch (Trap t) {
            line.put("trap", Json.of(String.valueOf(t.getMessage())));
          } catch (RuntimeException e) {
            line.put("error", Json.of(e.toString()));
          }
          line.put("events", new Json.Arr(events.stream().map(Json::of).toList()));
          Map<String, Json> nodeCall = new LinkedHashMap<>();
          nodeCall.put("id", Json.of(id));
          nodeCall.put("export", call.export() == null ? new Json.Null() : Json.of(call.export()));
          nodeCall.put("func", Json.of(call.func()));
          nodeCall.put(
              "params", new Json.Arr(type.paramTypes().stream().map(values::describe).toList()));
          nodeCall.put("result", values.describeOptional(type.result()));
          nodeCall.put("args", new Json.Arr(argsJson));
          runs.add(new Ran(id, type, Json.obj(nodeCall), Json.obj(line), values));
        }
      }
    }
    return runs;
  }

  @TestFactory
  Stream<DynamicTest> typesCAgreesWithJco() {
    return compare("types-c");
  }

  @TestFactory
  Stream<DynamicTest> echoCAgreesWithJco() {
    return compare("echo-c");
  }

  @TestFactory
  Stream<DynamicTest> nestedWatAgreesWithJco() {
    return compare("nested-wat");
  }

  private static Stream<DynamicTest> compare(String name) {
    List<Ran> runs = graalRuns.get(name);
    List<String> lines = nodeLines.get(name);
    if (runs.size() != lines.size()) {
      fail("node printed " + lines.size() + " lines for " + runs.size() + " calls:\n" + lines);
    }
    return IntStream.range(0, runs.size())
        .mapToObj(
            i -> DynamicTest.dynamicTest(runs.get(i).id(), () -> agree(runs.get(i), lines.get(i))));
  }

  /** The outcome without id, trap messages blanked (the two runtimes word traps differently). */
  static String outcome(Json.Obj line) {
    Map<String, Json> m = new LinkedHashMap<>(line.members());
    m.remove("id");
    m.computeIfPresent("trap", (k, v) -> Json.of("(trap)"));
    return Json.write(Json.obj(m));
  }

  private static String withoutId(Json.Obj line) {
    Map<String, Json> m = new LinkedHashMap<>(line.members());
    m.remove("id");
    return Json.write(Json.obj(m));
  }

  private static void agree(Ran ran, String nodeText) {
    Json.Obj node = (Json.Obj) Json.parse(nodeText);
    if (!Json.write(node.get("id")).equals(Json.write(Json.of(ran.id())))) {
      fail("node answered " + node.get("id") + " for " + ran.id());
    }
    // node's value must be a well-formed value of the result type (JsValues.decode is strict)
    String malformed = null;
    if (node.members().containsKey("value")) {
      try {
        ran.values().decode(ran.type().result().orElseThrow(), node.get("value"));
      } catch (RuntimeException e) {
        malformed = e.getMessage();
      }
    }
    boolean same = malformed == null && outcome(ran.graal()).equals(outcome(node));
    String diff =
        "graal-host and jco disagree on "
            + ran.id()
            + "\n  type:  "
            + ran.type()
            + "\n  graal: "
            + withoutId(ran.graal())
            + "\n  node:  "
            + withoutId(node)
            + (malformed == null ? "" : "\n  node's value is not of the result type: " + malformed);
    String excluded = JCO_BUGS.get(ran.id());
    if (excluded != null) {
      if (same) {
        fail("excluded as a jco bug (" + excluded + ") but now agrees: remove it from JCO_BUGS");
      }
      return;
    }
    if (!same) {
      fail(diff);
    }
  }
}

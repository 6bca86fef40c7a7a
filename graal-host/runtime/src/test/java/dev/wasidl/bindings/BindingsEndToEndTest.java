package dev.wasidl.bindings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.runtime.UnlinkableException;
import dev.wasidl.testbindings.test.echo.Host;
import dev.wasidl.testbindings.test.echo.HostBindings;
import dev.wasidl.testbindings.test.echo.HostGuest;
import dev.wasidl.testbindings.test.echo.Types;
import dev.wasidl.testbindings.test.echo.Types.Big;
import dev.wasidl.testbindings.test.echo.Types.Color;
import dev.wasidl.testbindings.test.echo.Types.Point;
import dev.wasidl.testbindings.test.echo.Types.Prims;
import dev.wasidl.testbindings.test.echo.Types.Shape;
import dev.wasidl.testbindings.test.echo.Types.Small;
import dev.wasidl.testbindings.test.echo.Types.Thing;
import dev.wasidl.testbindings.test.echo.TypesBindings;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.Primitive;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated bindings end to end: the build generates Java host bindings for the echo-c guest's
 * world ({@code testdata/guests/echo-c/echo.wit}); the host below implements the generated
 * interfaces, {@code HostBindings.add} and {@code TypesBindings.add} define them on a Linker, and
 * the generated {@code HostGuest} calls the guest's exports, which pass every value to the host's
 * import of the same name and return what it returned. Every WIT type crosses Java -> guest -> Java
 * -> guest -> Java through generated converters only.
 */
class BindingsEndToEndTest {
  private static GraalRuntime runtime;
  private static Component component;
  private static Instance instance;
  private static Host guest;
  private static final List<String> calls = new ArrayList<>();
  private static final List<Integer> dropped = new ArrayList<>();
  private static final HostTable things = new HostTable();

  /** The host: echoes, recording each call so the test sees the host ran. */
  private static class EchoHost implements Host {
    private <T> T echo(String name, T v) {
      calls.add(name);
      return v;
    }

    @Override
    public boolean echoBool(boolean v) {
      return echo("bool", v);
    }

    @Override
    public byte echoS8(byte v) {
      return echo("s8", v);
    }

    @Override
    public byte echoU8(byte v) {
      return echo("u8", v);
    }

    @Override
    public short echoS16(short v) {
      return echo("s16", v);
    }

    @Override
    public short echoU16(short v) {
      return echo("u16", v);
    }

    @Override
    public int echoS32(int v) {
      return echo("s32", v);
    }

    @Override
    public int echoU32(int v) {
      return echo("u32", v);
    }

    @Override
    public long echoS64(long v) {
      return echo("s64", v);
    }

    @Override
    public long echoU64(long v) {
      return echo("u64", v);
    }

    @Override
    public float echoF32(float v) {
      return echo("f32", v);
    }

    @Override
    public double echoF64(double v) {
      return echo("f64", v);
    }

    @Override
    public int echoChar(int v) {
      return echo("char", v);
    }

    @Override
    public String echoString(String v) {
      return echo("string", v);
    }

    @Override
    public byte[] echoBytes(byte[] v) {
      return echo("bytes", v);
    }

    @Override
    public List<String> echoStrings(List<String> v) {
      return echo("strings", v);
    }

    @Override
    public List<Point> echoPoints(List<Point> v) {
      return echo("points", v);
    }

    @Override
    public Point echoPoint(Point v) {
      return echo("point", v);
    }

    @Override
    public Prims echoPrims(Prims v) {
      return echo("prims", v);
    }

    @Override
    public Color echoColor(Color v) {
      return echo("color", v);
    }

    @Override
    public Set<Small> echoSmall(Set<Small> v) {
      return echo("small", v);
    }

    @Override
    public Set<Big> echoBig(Set<Big> v) {
      return echo("big", v);
    }

    @Override
    public Shape echoShape(Shape v) {
      return echo("shape", v);
    }

    @Override
    public Optional<String> echoOption(Optional<String> v) {
      return echo("option", v);
    }

    @Override
    public Result<Integer, String> echoResult(Result<Integer, String> v) {
      return echo("result", v);
    }

    @Override
    public Tuple3<Byte, String, Double> echoTuple(Tuple3<Byte, String, Double> v) {
      return echo("tuple", v);
    }

    @Override
    public Resource<Thing> echoThing(Resource<Thing> v) {
      return echo("thing", v);
    }

    @Override
    public int peekThing(Resource<Thing> v) {
      calls.add("peek");
      return 10 * things.get(v, Integer.class);
    }

    @Override
    public long sum17(
        int a,
        int b,
        int c,
        int d,
        int e,
        int f,
        int g,
        int h,
        int i,
        int j,
        int k,
        int l,
        int m,
        int n,
        int o,
        int p,
        int q) {
      calls.add("sum17");
      return IntStream.of(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q)
          .mapToLong(Integer::toUnsignedLong)
          .sum();
    }
  }

  /** The resource {@code thing}: a number kept in a host table. */
  private static final class ThingHost implements Types {
    @Override
    public Resource<Thing> newThing(int n) {
      return things.push(n);
    }

    @Override
    public int thingValue(Resource<Thing> self) {
      return things.get(self, Integer.class);
    }

    @Override
    public void dropThing(Resource<Thing> self) {
      dropped.add((Integer) things.delete(self));
    }
  }

  @BeforeAll
  static void setUp() throws IOException {
    runtime = GraalRuntime.create();
    Linker linker = Linker.of(runtime);
    TypesBindings.addShared(linker, new ThingHost());
    HostBindings.addShared(linker, new EchoHost());
    byte[] bytes;
    try (InputStream in =
        Objects.requireNonNull(
            BindingsEndToEndTest.class.getResourceAsStream("/guests/echo-c.wasm"))) {
      bytes = in.readAllBytes();
    }
    component = Component.of("echo-c", bytes);
    instance = linker.instantiate(component);
    guest = new HostGuest(instance);
  }

  @AfterAll
  static void tearDown() {
    instance.close();
    runtime.close();
  }

  private static <T> T roundTrip(String name, T expected, T actual) {
    assertEquals(expected, actual, name);
    assertEquals(name, calls.getLast(), "the host's echo-" + name + " ran");
    return actual;
  }

  @Test
  void primitivesAtTheirEdges() {
    roundTrip("bool", true, guest.echoBool(true));
    roundTrip("s8", Byte.MIN_VALUE, guest.echoS8(Byte.MIN_VALUE));
    roundTrip("u8", (byte) 0xff, guest.echoU8((byte) 0xff)); // 255
    roundTrip("s16", Short.MIN_VALUE, guest.echoS16(Short.MIN_VALUE));
    roundTrip("u16", (short) 0xffff, guest.echoU16((short) 0xffff)); // 65535
    roundTrip("s32", Integer.MIN_VALUE, guest.echoS32(Integer.MIN_VALUE));
    roundTrip("u32", -1, guest.echoU32(-1)); // 4294967295
    roundTrip("s64", Long.MIN_VALUE, guest.echoS64(Long.MIN_VALUE));
    roundTrip("u64", -1L, guest.echoU64(-1L)); // 2^64-1
    roundTrip("f32", -0.0f, guest.echoF32(-0.0f));
    roundTrip("f64", Double.MAX_VALUE, guest.echoF64(Double.MAX_VALUE));
    roundTrip("char", 0x1F600, guest.echoChar(0x1F600));
    roundTrip("string", "héllo, 世界 😀", guest.echoString("héllo, 世界 😀"));
  }

  @Test
  void listsRecordsAndTuples() {
    byte[] bytes = {0, 1, (byte) 0x80, (byte) 0xff};
    assertArrayEquals(bytes, guest.echoBytes(bytes));
    roundTrip("strings", List.of("a", "", "ccc"), guest.echoStrings(List.of("a", "", "ccc")));
    List<Point> points = List.of(new Point(1, -2), new Point(Integer.MAX_VALUE, 0));
    roundTrip("points", points, guest.echoPoints(points));
    roundTrip("point", new Point(3, 4), guest.echoPoint(new Point(3, 4)));
    Prims prims =
        new Prims(
            true,
            (byte) -1,
            (byte) 200,
            (short) -300,
            (short) 60000,
            -5,
            -6,
            -7L,
            -8L,
            1.5f,
            2.25,
            'x');
    roundTrip("prims", prims, guest.echoPrims(prims));
    var tuple = new Tuple3<>((byte) 7, "seven", 7.5);
    roundTrip("tuple", tuple, guest.echoTuple(tuple));
  }

  @Test
  void enumsFlagsVariantsOptionsResults() {
    roundTrip("color", Color.BLUE, guest.echoColor(Color.BLUE));
    roundTrip("small", EnumSet.of(Small.A, Small.C), guest.echoSmall(EnumSet.of(Small.A, Small.C)));
    roundTrip("small", EnumSet.noneOf(Small.class), guest.echoSmall(EnumSet.noneOf(Small.class)));
    roundTrip("big", EnumSet.allOf(Big.class), guest.echoBig(EnumSet.allOf(Big.class)));
    roundTrip("big", EnumSet.of(Big.B0, Big.B31), guest.echoBig(EnumSet.of(Big.B0, Big.B31)));
    for (Shape s :
        List.<Shape>of(
            new Shape.Circle(1.5),
            new Shape.Rect(new Point(2, 3)),
            new Shape.Label("tag"),
            new Shape.None())) {
      roundTrip("shape", s, guest.echoShape(s));
    }
    roundTrip("option", Optional.of("x"), guest.echoOption(Optional.of("x")));
    roundTrip("option", Optional.empty(), guest.echoOption(Optional.empty()));
    roundTrip("result", Result.ok(-1), guest.echoResult(Result.ok(-1)));
    roundTrip("result", Result.err("bad"), guest.echoResult(Result.err("bad")));
  }

  @Test
  void manyParametersSpillToMemory() {
    int[] a = IntStream.rangeClosed(1, 17).toArray();
    a[16] = -1; // u32 max
    long sum =
        guest.sum17(
            a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13],
            a[14], a[15], a[16]);
    assertEquals(136L + 0xffff_ffffL, sum); // 1..16, then u32 max
  }

  @Test
  void hostResourcesThroughTheTable() {
    Resource<Thing> t = new ThingHost().newThing(42);
    Resource<Thing> back = guest.echoThing(t);
    assertEquals(42, things.get(back, Integer.class), "the same host object came back");
    assertEquals(420, guest.peekThing(back));
    assertEquals("peek", calls.getLast());
  }

  @Test
  void aHostDefinedAtAnotherTypeIsRefusedAtInstantiation() {
    // Generated bindings define each function with its WIT type; the Linker compares it with the
    // component's import (one code path: resolved dev.wasidl.types, resources by identity).
    Linker linker = Linker.of(runtime).allowShadowing(true);
    TypesBindings.addShared(linker, new ThingHost());
    HostBindings.addShared(linker, new EchoHost());
    linker
        .instance(Host.NAME)
        .func(
            "echo-u32",
            new FuncType(
                List.of(new FuncType.Param("v", Primitive.S32)), Optional.of(Primitive.S32)),
            (cx, a) -> Optional.of(a.getFirst()));
    UnlinkableException e =
        assertThrows(UnlinkableException.class, () -> linker.instantiate(component));
    assertEquals(
        "import test:echo/host@0.1.0#echo-u32 has type func(v: u32) -> u32 but the host defines it"
            + " as func(v: s32) -> s32",
        e.getMessage());
  }

  @Test
  void aNullFromAJavaCallerIsRefusedBeforeTheGuestRuns() {
    int before = calls.size();
    NullPointerException e = assertThrows(NullPointerException.class, () -> guest.echoString(null));
    assertEquals("a WIT string cannot be null", e.getMessage());
    assertEquals(before, calls.size(), "the guest was not entered");
  }

  @Test
  void aHostThatReturnsNullTrapsTheGuestAndTheInstanceSaysWhy() {
    // A fresh instance whose host breaks the contract: the guest traps with the host's failure.
    Linker linker = Linker.of(runtime);
    TypesBindings.addShared(linker, new ThingHost());
    HostBindings.addShared(
        linker,
        new EchoHost() {
          @Override
          public String echoString(String v) {
            return null;
          }
        });
    try (Instance broken = linker.instantiate(component)) {
      Trap t = assertThrows(Trap.class, () -> new HostGuest(broken).echoString("x"));
      assertTrue(t.getMessage().contains("a WIT string cannot be null"), t.getMessage());
    }
  }
}

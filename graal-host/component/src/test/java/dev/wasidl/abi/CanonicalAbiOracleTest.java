package dev.wasidl.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.testkit.component.Json;
import dev.wasidl.types.BorrowType;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.OwnType;
import dev.wasidl.types.ResourceType;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Checks the Java canonical ABI against vectors computed by the spec's own Python definitions
 * (testdata/abi-oracle/gen_vectors.py wrote testdata/resources/abi/vectors.json): layouts and
 * flattening, every byte stored, every realloc call, every flat value, every lifted value, every
 * trap.
 */
class CanonicalAbiOracleTest {
  private static final Map<String, Object> DOC = load();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load() {
    try (InputStream in = CanonicalAbiOracleTest.class.getResourceAsStream("/abi/vectors.json")) {
      return (Map<String, Object>)
          Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).toJava();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final long HEAP = OracleForms.num(DOC.get("heap"));
  private static final int MEMORY_SIZE = (int) OracleForms.num(DOC.get("memorySize"));

  /**
   * A fresh memory of {@code size} bytes, a bump realloc from the heap, and a context over them.
   */
  private record Setup(FakeMemory memory, BumpRealloc realloc, LiftLowerContext cx) {
    static Setup of(Map<String, Object> v) {
      int size =
          v.containsKey("memorySize") ? (int) OracleForms.num(v.get("memorySize")) : MEMORY_SIZE;
      FakeMemory memory = new FakeMemory(size);
      BumpRealloc realloc = new BumpRealloc(memory, HEAP);
      LiftLowerContext cx =
          LiftLowerContext.of(ResourceTable.of(Set.of()))
              .withMemory(memory)
              .withRealloc(realloc)
              .withStringEncoding(OracleForms.encoding(v.getOrDefault("encoding", "utf8")));
      if (v.get("memory") instanceof List<?> segments) {
        for (Object s : segments) {
          List<Object> seg = OracleForms.list(s);
          memory.with((int) OracleForms.num(seg.get(0)), (String) seg.get(1));
        }
      }
      return new Setup(memory, realloc, cx);
    }

    void assertMemoryAndReallocs(Map<String, Object> v) {
      assertEquals(OracleForms.reallocs(v.get("reallocs")), realloc.log, "realloc calls");
      assertEquals(OracleForms.segments(v.get("memory")), memory.segments(), "memory");
    }
  }

  @TestFactory
  Stream<DynamicTest> vectors() {
    List<DynamicTest> tests = new ArrayList<>();
    List<Object> vectors = OracleForms.list(DOC.get("vectors"));
    for (int i = 0; i < vectors.size(); i++) {
      @SuppressWarnings("unchecked")
      Map<String, Object> v = (Map<String, Object>) vectors.get(i);
      tests.add(DynamicTest.dynamicTest(name(i, v), check(v)));
    }
    return tests.stream();
  }

  @org.junit.jupiter.api.Test
  void theVectorsComeFromTheSpec() {
    assertTrue(((String) DOC.get("spec")).startsWith("WebAssembly/component-model@"));
    assertTrue(OracleForms.list(DOC.get("vectors")).size() > 1000);
  }

  private static String name(int i, Map<String, Object> v) {
    Object t = v.containsKey("type") ? OracleForms.type(v.get("type")) : v.get("types");
    String what = t == null ? "" : " " + t;
    if (what.length() > 80) {
      what = what.substring(0, 77) + "...";
    }
    return "#"
        + i
        + " "
        + v.get("kind")
        + what
        + (v.containsKey("encoding") ? " " + v.get("encoding") : "");
  }

  private static boolean traps(Map<String, Object> v) {
    return Boolean.TRUE.equals(v.get("trap"));
  }

  private static Executable check(Map<String, Object> v) {
    return switch ((String) v.get("kind")) {
      case "layout" -> () -> layout(v);
      case "store" -> () -> store(v);
      case "lower_flat" -> () -> lowerFlat(v);
      case "lift_flat" -> () -> liftFlat(v);
      case "load" -> () -> load(v);
      case "store_string" -> () -> storeString(v);
      case "functype" -> () -> functype(v);
      case "lower_flat_values" -> () -> lowerFlatValues(v);
      case "lift_flat_values" -> () -> liftFlatValues(v);
      case "handles" -> () -> handles(v);
      default -> throw new IllegalArgumentException("unknown kind " + v.get("kind"));
    };
  }

  private static void layout(Map<String, Object> v) {
    Type t = OracleForms.type(v.get("type"));
    assertEquals(OracleForms.num(v.get("alignment")), CanonicalAbi.alignment(t), "alignment");
    assertEquals(OracleForms.num(v.get("size")), CanonicalAbi.elemSize(t), "elem_size");
    assertEquals(OracleForms.flatTypes(v.get("flat")), CanonicalAbi.flattenType(t), "flatten_type");
  }

  private static void store(Map<String, Object> v) {
    Type t = OracleForms.type(v.get("type"));
    Val value = OracleForms.val(t, v.get("value"));
    Setup s = Setup.of(v);
    int ptr = (int) OracleForms.num(v.get("ptr"));
    if (traps(v)) {
      assertThrows(Trap.class, () -> CanonicalAbi.store(s.cx(), value, t, ptr));
      return;
    }
    CanonicalAbi.store(s.cx(), value, t, ptr);
    s.assertMemoryAndReallocs(v);
    assertEquals(OracleForms.val(t, v.get("lifted")), CanonicalAbi.load(s.cx(), ptr, t), "load");
  }

  private static void lowerFlat(Map<String, Object> v) {
    Type t = OracleForms.type(v.get("type"));
    Val value = OracleForms.val(t, v.get("value"));
    Setup s = Setup.of(v);
    if (traps(v)) {
      assertThrows(Trap.class, () -> CanonicalAbi.lowerFlat(s.cx(), value, t));
      return;
    }
    long[] flat = CanonicalAbi.lowerFlat(s.cx(), value, t);
    assertArrayEquals(OracleForms.flat(v.get("flat")), flat, "flat values");
    s.assertMemoryAndReallocs(v);
    assertEquals(
        OracleForms.val(t, v.get("lifted")),
        CanonicalAbi.liftFlat(s.cx(), CoreValueIter.of(flat), t),
        "lift_flat");
  }

  private static void liftFlat(Map<String, Object> v) {
    Type t = OracleForms.type(v.get("type"));
    Setup s = Setup.of(v);
    CoreValueIter flat = CoreValueIter.of(OracleForms.flat(v.get("flat")));
    if (traps(v)) {
      assertThrows(Trap.class, () -> CanonicalAbi.liftFlat(s.cx(), flat, t));
      return;
    }
    assertEquals(OracleForms.val(t, v.get("lifted")), CanonicalAbi.liftFlat(s.cx(), flat, t));
    assertTrue(flat.done(), "every flat value read");
  }

  private static void load(Map<String, Object> v) {
    Type t = OracleForms.type(v.get("type"));
    Setup s = Setup.of(v);
    int ptr = (int) OracleForms.num(v.get("ptr"));
    if (traps(v)) {
      assertThrows(Trap.class, () -> CanonicalAbi.load(s.cx(), ptr, t));
      return;
    }
    assertEquals(OracleForms.val(t, v.get("lifted")), CanonicalAbi.load(s.cx(), ptr, t));
  }

  private static void storeString(Map<String, Object> v) {
    Setup s = Setup.of(v);
    String value = (String) v.get("value");
    var srcEncoding = OracleForms.encoding(v.get("srcEncoding"));
    long units = OracleForms.num(v.get("srcTaggedCodeUnits"));
    if (traps(v)) {
      assertThrows(
          Trap.class, () -> CanonicalAbi.storeStringIntoRange(s.cx(), value, srcEncoding, units));
      assertEquals(OracleForms.reallocs(v.get("reallocs")), s.realloc().log, "realloc calls");
      return;
    }
    CanonicalAbi.Range r = CanonicalAbi.storeStringIntoRange(s.cx(), value, srcEncoding, units);
    List<Object> expected = OracleForms.list(v.get("result"));
    assertEquals(OracleForms.num(expected.get(0)), r.ptr(), "ptr");
    assertEquals(OracleForms.num(expected.get(1)), r.length(), "tagged code units");
    s.assertMemoryAndReallocs(v);
  }

  private static void functype(Map<String, Object> v) {
    List<FuncType.Param> params = new ArrayList<>();
    List<Object> ps = OracleForms.list(v.get("params"));
    for (int i = 0; i < ps.size(); i++) {
      params.add(new FuncType.Param("p" + i, OracleForms.type(ps.get(i))));
    }
    FuncType ft = new FuncType(params, Optional.ofNullable(v.get("result")).map(OracleForms::type));
    for (FlatFuncType.Context c : FlatFuncType.Context.values()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> e =
          (Map<String, Object>) v.get(c == FlatFuncType.Context.LIFT ? "lift" : "lower");
      FlatFuncType flat = CanonicalAbi.flattenFuncType(ft, c);
      assertEquals(OracleForms.flatTypes(e.get("params")), flat.params(), c + " params");
      assertEquals(OracleForms.flatTypes(e.get("results")), flat.results(), c + " results");
    }
  }

  private static List<Type> types(Map<String, Object> v) {
    return OracleForms.list(v.get("types")).stream().map(OracleForms::type).toList();
  }

  private static List<Val> vals(List<Type> ts, Object j) {
    List<Val> out = new ArrayList<>();
    for (int i = 0; i < ts.size(); i++) {
      out.add(OracleForms.val(ts.get(i), OracleForms.list(j).get(i)));
    }
    return out;
  }

  private static void lowerFlatValues(Map<String, Object> v) {
    List<Type> ts = types(v);
    List<Val> values = vals(ts, v.get("values"));
    int maxFlat = (int) OracleForms.num(v.get("maxFlat"));
    Object outParam = v.get("outParam");
    Setup s = Setup.of(v);
    CoreValueIter out = outParam == null ? null : CoreValueIter.of(OracleForms.num(outParam));
    if (traps(v)) {
      assertThrows(
          Trap.class, () -> CanonicalAbi.lowerFlatValues(s.cx(), maxFlat, values, ts, out));
      return;
    }
    long[] flat = CanonicalAbi.lowerFlatValues(s.cx(), maxFlat, values, ts, out);
    assertArrayEquals(OracleForms.flat(v.get("flat")), flat, "flat values");
    s.assertMemoryAndReallocs(v);
    boolean spilled = CanonicalAbi.flattenTypes(ts).size() > maxFlat;
    long[] liftIn = outParam != null && spilled ? new long[] {OracleForms.num(outParam)} : flat;
    assertEquals(
        vals(ts, v.get("lifted")),
        CanonicalAbi.liftFlatValues(s.cx(), maxFlat, CoreValueIter.of(liftIn), ts),
        "lift_flat_values");
  }

  /** A sequence of handle operations on one instance's table, up to the first trap. */
  private static void handles(Map<String, Object> v) {
    ResourceType a = ResourceType.guest("A");
    ResourceType b = ResourceType.guest("B");
    ResourceTable table = ResourceTable.of(Set.of(a));
    BorrowScope task = BorrowScope.open();
    BorrowScope subtask = BorrowScope.open();
    LiftLowerContext cx = LiftLowerContext.of(table);
    List<Integer> dropped = new ArrayList<>();
    for (Object o : OracleForms.list(v.get("ops"))) {
      List<Object> op = OracleForms.list(o);
      String name = (String) op.get(0);
      ResourceType rt = op.get(1).equals("A") ? a : b;
      int arg = (int) OracleForms.num(op.get(2));
      Object expected = op.get(3);
      dropped.clear();
      Executable run =
          () -> {
            Object actual =
                switch (name) {
                  case "new" -> BigInteger.valueOf(table.resourceNew(rt, arg));
                  case "rep" -> BigInteger.valueOf(table.resourceRep(rt, arg));
                  case "drop" -> {
                    table.resourceDrop(rt, arg, dropped::add);
                    yield dropped.stream().map(BigInteger::valueOf).toList();
                  }
                  case "lower_own" -> flat(cx, new Val.Own(arg), new OwnType(rt));
                  case "lift_own" ->
                      BigInteger.valueOf(
                          ((Val.Own)
                                  CanonicalAbi.liftFlat(cx, CoreValueIter.of(arg), new OwnType(rt)))
                              .rep());
                  case "lower_borrow" ->
                      flat(cx.withBorrowScope(task), new Val.Borrow(arg), new BorrowType(rt));
                  case "lift_borrow" ->
                      BigInteger.valueOf(
                          ((Val.Borrow)
                                  CanonicalAbi.liftFlat(
                                      cx.withBorrowScope(subtask),
                                      CoreValueIter.of(arg),
                                      new BorrowType(rt)))
                              .rep());
                  case "end_subtask" -> {
                    subtask.close();
                    yield null;
                  }
                  case "end_task" -> {
                    task.close();
                    yield null;
                  }
                  default -> throw new IllegalArgumentException(name);
                };
            assertEquals(expected, actual, op.toString());
          };
      if ("trap".equals(expected)) {
        assertThrows(Trap.class, run, op.toString());
        return;
      }
      assertDoesNotThrow(run, op.toString());
    }
  }

  private static BigInteger flat(LiftLowerContext cx, Val v, Type t) {
    return BigInteger.valueOf(CanonicalAbi.lowerFlat(cx, v, t)[0]);
  }

  private static void liftFlatValues(Map<String, Object> v) {
    List<Type> ts = types(v);
    int maxFlat = (int) OracleForms.num(v.get("maxFlat"));
    Setup s = Setup.of(v);
    CoreValueIter flat = CoreValueIter.of(OracleForms.flat(v.get("flat")));
    if (traps(v)) {
      assertThrows(Trap.class, () -> CanonicalAbi.liftFlatValues(s.cx(), maxFlat, flat, ts));
      return;
    }
    assertEquals(vals(ts, v.get("lifted")), CanonicalAbi.liftFlatValues(s.cx(), maxFlat, flat, ts));
  }
}

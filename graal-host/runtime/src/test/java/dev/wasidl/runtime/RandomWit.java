package dev.wasidl.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A random WIT interface for {@link RandomWitLoweringPropertyTest}: value types of every kind
 * (primitives, strings, lists, {@code list<u8>}, options, results of each shape, tuples, records,
 * variants, enums up to 300 cases, flags up to 32 names, owned handles), nested a few levels, and
 * echo functions {@code fN: func(a: T, ...) -> T} over them, some with borrowed handles and some
 * with more than 16 flat parameters, so their arguments spill to memory. Deterministic per seed.
 */
final class RandomWit {
  private static final String[] PRIMITIVES = {
    "bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64", "f32", "f64", "char", "string"
  };

  private final SplittableRandom random;
  private final List<String> typedefs = new ArrayList<>();
  private final List<String> functions = new ArrayList<>();
  private int names;

  private RandomWit(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The WIT text of package {@code test:random}: interface {@code host}, world {@code w}. */
  static String of(long seed, int functionCount) {
    RandomWit w = new RandomWit(seed);
    for (int i = 0; i < functionCount; i++) {
      w.function(i);
    }
    StringBuilder b = new StringBuilder("package test:random;\n\ninterface host {\n");
    b.append("  resource thing;\n");
    w.typedefs.forEach(t -> b.append("  ").append(t).append('\n'));
    w.functions.forEach(f -> b.append("  ").append(f).append('\n'));
    b.append("}\n\nworld w {\n  import host;\n}\n");
    return b.toString();
  }

  private void function(int i) {
    List<String> params = new ArrayList<>();
    String result = type(3);
    params.add("a: " + result);
    int more = random.nextInt(4);
    for (int p = 0; p < more; p++) {
      params.add((char) ('b' + p) + ": " + (random.nextInt(4) == 0 ? "borrow<thing>" : type(2)));
    }
    if (random.nextInt(5) == 0) { // seventeen or more flat parameters: spilled
      for (int p = 0; p < 17; p++) {
        params.add("z" + p + ": u32");
      }
    }
    functions.add("f" + i + ": func(" + String.join(", ", params) + ") -> " + result + ";");
  }

  /** A value type nested at most {@code depth} levels. */
  private String type(int depth) {
    int kinds = depth <= 0 ? 2 : 13;
    return switch (random.nextInt(kinds)) {
      case 0 -> PRIMITIVES[random.nextInt(PRIMITIVES.length)];
      case 1 -> random.nextBoolean() ? "own<thing>" : "string";
      case 2 -> random.nextInt(3) == 0 ? "list<u8>" : "list<" + type(depth - 1) + ">";
      case 3 -> "option<" + type(depth - 1) + ">";
      case 4 ->
          switch (random.nextInt(4)) {
            case 0 -> "result";
            case 1 -> "result<" + type(depth - 1) + ">";
            case 2 -> "result<_, " + type(depth - 1) + ">";
            default -> "result<" + type(depth - 1) + ", " + type(depth - 1) + ">";
          };
      case 5 -> "tuple<" + types(depth - 1, 2 + random.nextInt(3)) + ">"; // bindings: 2 to 8
      case 6 -> record(depth - 1);
      case 7 -> variant(depth - 1);
      case 8 -> enumType();
      case 9 -> flags();
      default -> PRIMITIVES[random.nextInt(PRIMITIVES.length)];
    };
  }

  private String types(int depth, int n) {
    List<String> ts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ts.add(type(depth));
    }
    return String.join(", ", ts);
  }

  private String record(int depth) {
    String name = "r" + names++;
    List<String> fields = new ArrayList<>();
    int n = 1 + random.nextInt(5);
    for (int i = 0; i < n; i++) {
      fields.add("x" + i + ": " + type(depth));
    }
    typedefs.add("record " + name + " { " + String.join(", ", fields) + " }");
    return name;
  }

  private String variant(int depth) {
    String name = "v" + names++;
    List<String> cases = new ArrayList<>();
    int n = 1 + random.nextInt(5);
    for (int i = 0; i < n; i++) {
      cases.add(random.nextInt(3) == 0 ? "c" + i : "c" + i + "(" + type(depth) + ")");
    }
    typedefs.add("variant " + name + " { " + String.join(", ", cases) + " }");
    return name;
  }

  private String enumType() {
    String name = "e" + names++;
    int n = random.nextInt(8) == 0 ? 300 : 1 + random.nextInt(6); // 300: a u16 discriminant
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cases.add("c" + i);
    }
    typedefs.add("enum " + name + " { " + String.join(", ", cases) + " }");
    return name;
  }

  private String flags() {
    String name = "g" + names++;
    int n = random.nextInt(4) == 0 ? 32 : 1 + random.nextInt(12);
    List<String> bits = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      bits.add("b" + i);
    }
    typedefs.add("flags " + name + " { " + String.join(", ", bits) + " }");
    return name;
  }
}

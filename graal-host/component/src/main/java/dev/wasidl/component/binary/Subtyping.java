package dev.wasidl.component.binary;

import dev.wasidl.component.Sort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that a definition may be supplied where a type is expected (instantiation arguments,
 * export ascriptions). Value and function types must be equal, instances may export more than
 * expected, and each expected abstract resource is bound, in declaration order, to the resource
 * supplied for it (the spec's substitution of type imports). Anything not tracked is accepted, and
 * a work budget bounds pathological (shared, deeply nested) types.
 */
final class Subtyping {
  private final Map<Facts, Facts> bound = new HashMap<>();
  private int budget = 200_000;
  private String mismatch = "";

  /** Binds {@code expected} to {@code actual} unless it is bound already. */
  void bind(Facts expected, Facts actual) {
    bound.putIfAbsent(expected, actual);
  }

  /** What did not match, after a check returned false. */
  String mismatch() {
    return mismatch;
  }

  private boolean fail(String what) {
    mismatch = what;
    return false;
  }

  boolean extern(String name, Sort sort, Facts actual, Facts expected) {
    if (--budget < 0 || actual instanceof Facts.Unknown || expected instanceof Facts.Unknown) {
      return true;
    }
    return switch (sort) {
      case TYPE -> type(name, actual, expected);
      case FUNC ->
          !(actual instanceof Facts.Func a && expected instanceof Facts.Func e) || func(name, a, e);
      case INSTANCE ->
          !(actual instanceof Facts.InstanceT a && expected instanceof Facts.InstanceT e)
              || instance(name, a, e);
      case CORE_MODULE ->
          !(actual instanceof Facts.CoreModuleT a && expected instanceof Facts.CoreModuleT e)
              || coreModule(name, a, e);
      case CORE_FUNC,
          CORE_TABLE,
          CORE_MEMORY,
          CORE_GLOBAL,
          CORE_TAG,
          CORE_TYPE,
          CORE_INSTANCE,
          VALUE,
          COMPONENT ->
          true;
    };
  }

  private boolean type(String name, Facts actual, Facts expected) {
    if (expected instanceof Facts.Resource r) {
      if (!(actual instanceof Facts.Resource)) {
        return fail("`" + name + "` must be a resource type");
      }
      Facts previous = bound.putIfAbsent(r, actual);
      return previous == null
          || previous.equals(actual)
          || fail("`" + name + "` is bound to two different resource types");
    }
    if (expected instanceof Facts.ValueType e) {
      if (!(actual instanceof Facts.ValueType a)) {
        return fail("`" + name + "` must be a value type");
      }
      return a.shape() == null
          || e.shape() == null
          || shape(a.shape(), e.shape())
          || fail("`" + name + "` has a different value type");
    }
    if (expected instanceof Facts.Func e && actual instanceof Facts.Func a) {
      return func(name, a, e);
    }
    if (expected instanceof Facts.InstanceT e && actual instanceof Facts.InstanceT a) {
      return instance(name, a, e);
    }
    return true;
  }

  /**
   * A core module matches a module type if it imports no more (each import also declared, of the
   * same type) and exports at least what the type declares (of matching types).
   */
  private boolean coreModule(String name, Facts.CoreModuleT a, Facts.CoreModuleT e) {
    for (int i = 0; i < a.imports().size(); i++) {
      var imp = a.imports().get(i);
      int j = indexOf(e, imp.module(), imp.name());
      if (j < 0) {
        return fail(
            "missing expected import `" + imp.module() + "::" + imp.name() + "` in `" + name + "`");
      }
      var want = e.imports().get(j);
      boolean sameFunc =
          a.importTypes().get(i) == null
              || e.importTypes().get(j) == null
              || a.importTypes().get(i).equals(e.importTypes().get(j));
      if (want.type().sort() != imp.type().sort()
          || !sameFunc
          || !CoreTypes.matches(imp.type(), want.type())) {
        return fail(
            "type mismatch in import `" + imp.module() + "::" + imp.name() + "` of `" + name + "`");
      }
    }
    for (var entry : e.exports().entrySet()) {
      Facts.Extern have = a.exports().get(entry.getKey());
      if (have == null) {
        return fail("missing expected export `" + entry.getKey() + "` in `" + name + "`");
      }
      if (have.sort() != entry.getValue().sort()
          || !CoreTypes.matches(have.info(), entry.getValue().info())) {
        return fail("type mismatch in export `" + entry.getKey() + "` of `" + name + "`");
      }
    }
    return true;
  }

  private static int indexOf(Facts.CoreModuleT m, String module, String name) {
    for (int i = 0; i < m.imports().size(); i++) {
      if (m.imports().get(i).module().equals(module) && m.imports().get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private boolean func(String name, Facts.Func a, Facts.Func e) {
    if (!a.paramLabels().equals(e.paramLabels())) {
      return fail(
          "func `"
              + name
              + "` has parameters "
              + a.paramLabels()
              + ", expected "
              + e.paramLabels());
    }
    for (int i = 0; i < e.params().size(); i++) {
      if (!value(a.params().get(i), e.params().get(i))) {
        return fail(
            "parameter `"
                + e.paramLabels().get(i)
                + "` of func `"
                + name
                + "` has a different type");
      }
    }
    if ((a.result() == null) != (e.result() == null)) {
      return fail("func `" + name + "` has a different result arity");
    }
    return e.result() == null
        || value(a.result(), e.result())
        || fail("the result of func `" + name + "` has a different type");
  }

  private boolean value(Facts a, Facts e) {
    return !(a instanceof Facts.ValueType av && e instanceof Facts.ValueType ev)
        || av.shape() == null
        || ev.shape() == null
        || shape(av.shape(), ev.shape());
  }

  private boolean instance(String name, Facts.InstanceT a, Facts.InstanceT e) {
    for (var entry : e.exports().entrySet()) {
      Facts.Extern have = a.exports().get(entry.getKey());
      String path = name.isEmpty() ? entry.getKey() : name + "/" + entry.getKey();
      if (have == null) {
        return fail("missing export `" + path + "`");
      }
      if (have.sort() != entry.getValue().sort()) {
        return fail(
            "export `"
                + path
                + "` is a "
                + have.sort().specName()
                + ", expected a "
                + entry.getValue().sort().specName());
      }
      if (!extern(path, have.sort(), have.info(), entry.getValue().info())) {
        return false;
      }
    }
    return true;
  }

  private int depth;

  /** Bounds recursion on deeply nested types (accepting what it cannot finish checking). */
  private static final int MAX_DEPTH = 500;

  private boolean shape(Shape a, Shape e) {
    if (--budget < 0 || depth > MAX_DEPTH) {
      return true;
    }
    depth++;
    try {
      return shapeAt(a, e);
    } finally {
      depth--;
    }
  }

  private boolean shapeAt(Shape a, Shape e) {
    return switch (e) {
      case Shape.Prim p -> p.equals(a);
      case Shape.RecordOf r ->
          a instanceof Shape.RecordOf ar
              && ar.labels().equals(r.labels())
              && all(ar.types(), r.types());
      case Shape.Variant v ->
          a instanceof Shape.Variant av
              && av.labels().equals(v.labels())
              && allOptional(av.types(), v.types());
      case Shape.ListOf l -> a instanceof Shape.ListOf al && shape(al.element(), l.element());
      case Shape.Tuple t -> a instanceof Shape.Tuple at && all(at.types(), t.types());
      case Shape.Flags f -> f.equals(a);
      case Shape.EnumOf en -> en.equals(a);
      case Shape.Option o -> a instanceof Shape.Option ao && shape(ao.type(), o.type());
      case Shape.Result r ->
          a instanceof Shape.Result ar
              && optional(ar.ok(), r.ok())
              && optional(ar.error(), r.error());
      case Shape.Handle h ->
          a instanceof Shape.Handle ah
              && ah.own() == h.own()
              && resource(ah.resource(), h.resource());
    };
  }

  private boolean resource(Facts a, Facts e) {
    Facts expected = bound.getOrDefault(e, e);
    return a instanceof Facts.Unknown || expected instanceof Facts.Unknown || a.equals(expected);
  }

  private boolean all(List<Shape> a, List<Shape> e) {
    if (a.size() != e.size()) {
      return false;
    }
    for (int i = 0; i < e.size(); i++) {
      if (!shape(a.get(i), e.get(i))) {
        return false;
      }
    }
    return true;
  }

  private boolean allOptional(List<Optional<Shape>> a, List<Optional<Shape>> e) {
    if (a.size() != e.size()) {
      return false;
    }
    for (int i = 0; i < e.size(); i++) {
      if (!optional(a.get(i), e.get(i))) {
        return false;
      }
    }
    return true;
  }

  private boolean optional(Optional<Shape> a, Optional<Shape> e) {
    return a.isPresent() == e.isPresent() && (e.isEmpty() || shape(a.get(), e.get()));
  }

  // ---- substitution -------------------------------------------------------------------------

  /**
   * {@code facts} with every resource bound by the checks so far replaced by what it is bound to.
   */
  Facts substitute(Facts facts) {
    return bound.isEmpty() ? facts : new Substitution().facts(facts);
  }

  private final class Substitution {
    private final IdentityHashMap<Object, Object> done = new IdentityHashMap<>();
    private int depth;

    Facts facts(Facts f) {
      Object cached = done.get(f);
      if (cached != null) {
        return (Facts) cached;
      }
      if (depth > MAX_DEPTH) {
        return f;
      }
      depth++;
      try {
        return factsAt(f);
      } finally {
        depth--;
      }
    }

    private Facts factsAt(Facts f) {
      Facts result =
          switch (f) {
            case Facts.Resource r -> bound.getOrDefault(r, r);
            case Facts.ValueType v ->
                new Facts.ValueType(
                    v.hasBorrow(),
                    handle(v.handle()),
                    handle(v.okHandle()),
                    v.flat(),
                    v.needsMemory(),
                    v.hasHandle(),
                    v.size(),
                    v.align(),
                    v.shape() == null ? null : shape(v.shape()),
                    v.depth());
            case Facts.Func fn -> {
              List<Facts> params = new ArrayList<>();
              fn.params().forEach(p -> params.add(facts(p)));
              yield new Facts.Func(
                  fn.paramLabels(), params, fn.result() == null ? null : facts(fn.result()));
            }
            case Facts.InstanceT i -> new Facts.InstanceT(externs(i.exports()), renamed(i.fresh()));
            case Facts.ComponentT c ->
                new Facts.ComponentT(
                    externs(c.imports()), externs(c.exports()), renamed(c.fresh()));
            case Facts.Unknown u -> u;
            case Facts.CoreFunc c -> c;
            case Facts.CoreExtern c -> c;
            case Facts.CoreModuleT c -> c;
            case Facts.CoreInstanceT c -> c;
            case Facts.CoreTypeT c -> c;
          };
      done.put(f, result);
      return result;
    }

    private Map<String, Facts.Extern> externs(Map<String, Facts.Extern> map) {
      Map<String, Facts.Extern> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, new Facts.Extern(v.sort(), facts(v.info()))));
      return java.util.Collections.unmodifiableMap(out);
    }

    private List<Facts> renamed(List<Facts> fresh) {
      return fresh.stream().map(this::facts).toList();
    }

    private Facts.Handle handle(Facts.Handle h) {
      return h == null ? null : new Facts.Handle(h.own(), facts(h.resource()));
    }

    Shape shape(Shape s) {
      Object cached = done.get(s);
      if (cached != null) {
        return (Shape) cached;
      }
      if (depth > MAX_DEPTH) {
        return s;
      }
      depth++;
      try {
        return shapeAt(s);
      } finally {
        depth--;
      }
    }

    private Shape shapeAt(Shape s) {
      Shape result =
          switch (s) {
            case Shape.Prim p -> p;
            case Shape.Flags f -> f;
            case Shape.EnumOf e -> e;
            case Shape.RecordOf r -> new Shape.RecordOf(r.labels(), shapes(r.types()));
            case Shape.Variant v ->
                new Shape.Variant(
                    v.labels(), v.types().stream().map(t -> t.map(this::shape)).toList());
            case Shape.ListOf l -> new Shape.ListOf(shape(l.element()));
            case Shape.Tuple t -> new Shape.Tuple(shapes(t.types()));
            case Shape.Option o -> new Shape.Option(shape(o.type()));
            case Shape.Result r ->
                new Shape.Result(r.ok().map(this::shape), r.error().map(this::shape));
            case Shape.Handle h -> new Shape.Handle(h.own(), facts(h.resource()));
          };
      done.put(s, result);
      return result;
    }

    private List<Shape> shapes(List<Shape> shapes) {
      return shapes.stream().map(this::shape).toList();
    }
  }
}

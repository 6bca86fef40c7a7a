package dev.wasidl.bindgen.host;

import dev.wasidl.bindgen.JavaNames;
import dev.wasidl.bindgen.wit.Resolve;
import dev.wasidl.bindgen.wit.TypeDef;
import dev.wasidl.bindgen.wit.TypeDefKind;
import dev.wasidl.bindgen.wit.TypeOwner;
import dev.wasidl.bindgen.wit.TypeRef;
import dev.wasidl.bindgen.wit.WitResolveException;
import dev.wasidl.bindgen.wit.WitType;
import dev.wasidl.types.Primitive;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How WIT types look in generated Java: the Java type of a WIT type, and the expressions that turn
 * a Java value into a {@code dev.wasidl.types.Val} and back (calls of {@code
 * dev.wasidl.bindings.Convert} and of the generated converters of named types). Every name outside
 * the generated file is fully qualified, so no WIT name can shadow it.
 */
final class JavaTypes {
  static final String CONVERT = "dev.wasidl.bindings.Convert";
  static final String VAL = "dev.wasidl.types.Val";
  static final String RESOURCE = "dev.wasidl.bindings.Resource";
  static final String RESULT = "dev.wasidl.bindings.Result";
  static final String LIST = "java.util.List";
  static final String OPTIONAL = "java.util.Optional";

  private static final Set<String> OBJECT_METHODS =
      Set.of("wait", "notify", "notifyAll", "getClass", "hashCode", "equals", "toString", "clone");

  private final Resolve resolve;
  private final String basePackage;
  // Tuple converters needed by the file being generated: WIT type -> helper method name.
  private final Map<WitType, String> tupleLowers = new LinkedHashMap<>();
  private final Map<WitType, String> tupleLifts = new LinkedHashMap<>();

  JavaTypes(Resolve resolve, String basePackage) {
    this.resolve = resolve;
    this.basePackage = basePackage;
  }

  /** A named type followed through aliases of named types to its definition. */
  record Definition(TypeRef ref, TypeDef def) {}

  Definition definition(TypeRef ref) {
    TypeRef at = ref;
    for (int i = 0; i < 1000; i++) {
      TypeRef current = at;
      TypeDef def =
          resolve
              .typeDef(current)
              .orElseThrow(() -> new WitResolveException("type `" + current + "` not found"));
      if (def.kind() instanceof TypeDefKind.Alias(WitType.Named(TypeRef next))) {
        at = next;
      } else {
        return new Definition(current, def);
      }
    }
    throw new WitResolveException("alias chain too long at `" + ref + "`");
  }

  // ---- names

  /** The Java package of the types of {@code owner}. */
  String javaPackage(TypeOwner owner) {
    return basePackage
        + "."
        + packageSegment(owner.pkg().namespace())
        + "."
        + packageSegment(owner.pkg().name());
  }

  /** The simple name of the Java interface generated for {@code owner}. */
  static String className(TypeOwner owner) {
    return switch (owner) {
      case TypeOwner.Interface i -> JavaNames.pascal(i.name());
      case TypeOwner.World w -> JavaNames.pascal(w.name());
      case TypeOwner.InlineInterface i -> JavaNames.pascal(i.world()) + JavaNames.pascal(i.name());
    };
  }

  /** The qualified name of the Java interface generated for {@code owner}. */
  String qualifiedClass(TypeOwner owner) {
    return javaPackage(owner) + "." + className(owner);
  }

  /** The nested Java name of a named type in its owner's interface. */
  static String typeName(TypeOwner owner, String witName) {
    String n = JavaNames.pascal(witName);
    return n.equals(className(owner)) ? n + "_" : n;
  }

  String qualifiedType(TypeRef ref) {
    return qualifiedClass(ref.owner()) + "." + typeName(ref.owner(), ref.name());
  }

  /** The qualified class holding the converters of {@code owner}'s types. */
  String bindingsClass(TypeOwner owner) {
    return qualifiedClass(owner) + "Bindings";
  }

  /** A Java method or field name for a WIT name. */
  static String member(String kebab) {
    String n = JavaNames.camel(kebab);
    return OBJECT_METHODS.contains(n) ? n + "_" : n;
  }

  static String constant(String kebab) {
    return JavaNames.constant(kebab);
  }

  private static String packageSegment(String kebab) {
    String s = kebab.replace('-', '_').toLowerCase(Locale.ROOT);
    return JavaNames.camel(s).equals(s + "_") ? s + "_" : s;
  }

  // ---- Java types

  /** The Java type of {@code t}: primitives unboxed. */
  String type(WitType t) {
    return type(t, false);
  }

  /** The Java type of {@code t} where a reference type is needed (type arguments). */
  String boxed(WitType t) {
    return type(t, true);
  }

  private String type(WitType t, boolean boxed) {
    return switch (t) {
      case WitType.PrimitiveType(Primitive p) -> primitive(p, boxed);
      case WitType.Named n -> named(n.ref(), boxed);
      case WitType.ListType l when l.element().equals(WitType.of(Primitive.U8)) -> "byte[]";
      case WitType.ListType l -> LIST + "<" + boxed(l.element()) + ">";
      case WitType.OptionType o -> OPTIONAL + "<" + boxed(o.type()) + ">";
      case WitType.ResultType r ->
          RESULT
              + "<"
              + r.ok().map(this::boxed).orElse("java.lang.Void")
              + ", "
              + r.err().map(this::boxed).orElse("java.lang.Void")
              + ">";
      case WitType.TupleType tt -> tupleType(tt);
      case WitType.Handle h -> RESOURCE + "<" + qualifiedType(definition(h.resource()).ref()) + ">";
      case WitType.FixedListType f -> unsupported("fixed-size lists");
      case WitType.MapType m -> unsupported("maps");
      case WitType.FutureType f -> unsupported("futures");
      case WitType.StreamType s -> unsupported("streams");
    };
  }

  private String tupleType(WitType.TupleType t) {
    int n = t.types().size();
    if (n < 2 || n > 8) {
      return unsupported("tuples of " + n + " values (2 to 8 are)");
    }
    return "dev.wasidl.bindings.Tuple"
        + n
        + t.types().stream().map(this::boxed).collect(Collectors.joining(", ", "<", ">"));
  }

  private String named(TypeRef ref, boolean boxed) {
    Definition d = definition(ref);
    return switch (d.def().kind()) {
      case TypeDefKind.Alias(WitType target) -> type(target, boxed);
      case TypeDefKind.ResourceType r -> RESOURCE + "<" + qualifiedType(d.ref()) + ">";
      case TypeDefKind.FlagsType f -> "java.util.Set<" + qualifiedType(d.ref()) + ">";
      case TypeDefKind.RecordType r -> qualifiedType(d.ref());
      case TypeDefKind.VariantType v -> qualifiedType(d.ref());
      case TypeDefKind.EnumType e -> qualifiedType(d.ref());
    };
  }

  private static String primitive(Primitive p, boolean boxed) {
    return switch (p) {
      case BOOL -> boxed ? "java.lang.Boolean" : "boolean";
      case S8, U8 -> boxed ? "java.lang.Byte" : "byte";
      case S16, U16 -> boxed ? "java.lang.Short" : "short";
      case S32, U32, CHAR -> boxed ? "java.lang.Integer" : "int";
      case S64, U64 -> boxed ? "java.lang.Long" : "long";
      case F32 -> boxed ? "java.lang.Float" : "float";
      case F64 -> boxed ? "java.lang.Double" : "double";
      case STRING -> "java.lang.String";
    };
  }

  private static String unsupported(String what) {
    throw new WitResolveException("Java host bindings do not support " + what + " yet");
  }

  // ---- dev.wasidl.types.Type expressions, for the Linker's type check at instantiation

  static final String TYPES = "dev.wasidl.types";

  /** The name of the static field holding a named type's {@code Type} in its owner's bindings. */
  static String typeConstant(String witName) {
    return "TYPE_" + constant(witName);
  }

  /** An expression of type {@code dev.wasidl.types.Type} for {@code t}. */
  String typeExpr(WitType t) {
    return switch (t) {
      case WitType.PrimitiveType(Primitive p) -> TYPES + ".Primitive." + p.name();
      case WitType.Named n -> namedTypeExpr(n.ref());
      case WitType.ListType l -> "new " + TYPES + ".ListType(" + typeExpr(l.element()) + ")";
      case WitType.OptionType o -> "new " + TYPES + ".OptionType(" + typeExpr(o.type()) + ")";
      case WitType.ResultType r ->
          "new "
              + TYPES
              + ".ResultType("
              + optionalTypeExpr(r.ok())
              + ", "
              + optionalTypeExpr(r.err())
              + ")";
      case WitType.TupleType tt ->
          TYPES
              + ".TupleType.of("
              + tt.types().stream().map(this::typeExpr).collect(Collectors.joining(", "))
              + ")";
      case WitType.Handle h ->
          "new "
              + TYPES
              + (h.kind() == WitType.HandleKind.OWN ? ".OwnType(" : ".BorrowType(")
              + resourceConstant(definition(h.resource()).ref())
              + ")";
      default -> unsupported(t.toString());
    };
  }

  String optionalTypeExpr(Optional<WitType> t) {
    return t.map(x -> "java.util.Optional.of(" + typeExpr(x) + ")")
        .orElse("java.util.Optional.empty()");
  }

  private String namedTypeExpr(TypeRef ref) {
    Definition d = definition(ref);
    return switch (d.def().kind()) {
      case TypeDefKind.Alias(WitType target) -> typeExpr(target);
      case TypeDefKind.ResourceType r ->
          "new " + TYPES + ".OwnType(" + resourceConstant(d.ref()) + ")";
      default -> bindingsClass(d.ref().owner()) + "." + typeConstant(d.ref().name());
    };
  }

  /** The host's {@code ResourceType} constant of a resource, in its owner's bindings. */
  String resourceConstant(TypeRef resource) {
    return bindingsClass(resource.owner()) + "." + constant(resource.name());
  }

  /** The named types of the same owner that {@code t} refers to (for declaration order). */
  void sameOwnerRefs(WitType t, TypeOwner owner, java.util.Collection<String> out) {
    switch (t) {
      case WitType.Named n -> {
        if (n.ref().owner().equals(owner)) {
          out.add(n.ref().name());
        }
      }
      case WitType.ListType l -> sameOwnerRefs(l.element(), owner, out);
      case WitType.OptionType o -> sameOwnerRefs(o.type(), owner, out);
      case WitType.ResultType r -> {
        r.ok().ifPresent(x -> sameOwnerRefs(x, owner, out));
        r.err().ifPresent(x -> sameOwnerRefs(x, owner, out));
      }
      case WitType.TupleType tt -> tt.types().forEach(x -> sameOwnerRefs(x, owner, out));
      default -> {}
    }
  }

  // ---- conversions (depth keeps the names of nested lambda parameters apart)

  /** An expression of type {@code Val} for the Java value {@code expr} of WIT type {@code t}. */
  String lower(String expr, WitType t, int depth) {
    String x = "x" + depth;
    return switch (t) {
      case WitType.PrimitiveType(Primitive p) -> CONVERT + "." + convertName(p) + "(" + expr + ")";
      case WitType.Named n -> lowerNamed(expr, n.ref(), depth);
      case WitType.ListType l when l.element().equals(WitType.of(Primitive.U8)) ->
          CONVERT + ".bytes(" + expr + ")";
      case WitType.ListType l ->
          CONVERT + ".list(" + expr + ", " + lambda(l.element(), x, depth, true) + ")";
      case WitType.OptionType o ->
          CONVERT + ".option(" + expr + ", " + lambda(o.type(), x, depth, true) + ")";
      case WitType.ResultType r ->
          CONVERT
              + ".result("
              + expr
              + ", "
              + r.ok().map(ok -> lambda(ok, x, depth, true)).orElse("null")
              + ", "
              + r.err().map(err -> lambda(err, x, depth, true)).orElse("null")
              + ")";
      case WitType.TupleType tt ->
          tupleLowers.computeIfAbsent(tt, k -> "lowerTuple" + tupleLowers.size())
              + "("
              + expr
              + ")";
      case WitType.Handle h ->
          CONVERT + (h.kind() == WitType.HandleKind.OWN ? ".own(" : ".borrow(") + expr + ")";
      default -> unsupported(t.toString());
    };
  }

  /** An expression of {@code t}'s Java type for the {@code Val} expression {@code expr}. */
  String lift(String expr, WitType t, int depth) {
    String x = "x" + depth;
    return switch (t) {
      case WitType.PrimitiveType(Primitive p) ->
          CONVERT + ".as" + capitalize(convertName(p)) + "(" + expr + ")";
      case WitType.Named n -> liftNamed(expr, n.ref(), depth);
      case WitType.ListType l when l.element().equals(WitType.of(Primitive.U8)) ->
          CONVERT + ".asBytes(" + expr + ")";
      case WitType.ListType l ->
          CONVERT
              + ".<"
              + boxed(l.element())
              + ">asList("
              + expr
              + ", "
              + lambda(l.element(), x, depth, false)
              + ")";
      case WitType.OptionType o ->
          CONVERT
              + ".<"
              + boxed(o.type())
              + ">asOption("
              + expr
              + ", "
              + lambda(o.type(), x, depth, false)
              + ")";
      case WitType.ResultType r ->
          CONVERT
              + ".<"
              + r.ok().map(this::boxed).orElse("java.lang.Void")
              + ", "
              + r.err().map(this::boxed).orElse("java.lang.Void")
              + ">asResult("
              + expr
              + ", "
              + r.ok().map(ok -> lambda(ok, x, depth, false)).orElse("null")
              + ", "
              + r.err().map(err -> lambda(err, x, depth, false)).orElse("null")
              + ")";
      case WitType.TupleType tt ->
          tupleLifts.computeIfAbsent(tt, k -> "liftTuple" + tupleLifts.size()) + "(" + expr + ")";
      case WitType.Handle h ->
          CONVERT
              + ".<"
              + qualifiedType(definition(h.resource()).ref())
              + ">asResource("
              + expr
              + ")";
      default -> unsupported(t.toString());
    };
  }

  private String lambda(WitType t, String x, int depth, boolean lowering) {
    return lowering
        ? "(" + boxed(t) + " " + x + ") -> " + lower(x, t, depth + 1)
        : "(" + VAL + " " + x + ") -> " + lift(x, t, depth + 1);
  }

  private String lowerNamed(String expr, TypeRef ref, int depth) {
    Definition d = definition(ref);
    return switch (d.def().kind()) {
      case TypeDefKind.Alias(WitType target) -> lower(expr, target, depth);
      case TypeDefKind.ResourceType r -> CONVERT + ".own(" + expr + ")";
      default ->
          bindingsClass(d.ref().owner())
              + ".lower"
              + JavaNames.pascal(d.ref().name())
              + "("
              + expr
              + ")";
    };
  }

  private String liftNamed(String expr, TypeRef ref, int depth) {
    Definition d = definition(ref);
    return switch (d.def().kind()) {
      case TypeDefKind.Alias(WitType target) -> lift(expr, target, depth);
      case TypeDefKind.ResourceType r ->
          CONVERT + ".<" + qualifiedType(d.ref()) + ">asResource(" + expr + ")";
      default ->
          bindingsClass(d.ref().owner())
              + ".lift"
              + JavaNames.pascal(d.ref().name())
              + "("
              + expr
              + ")";
    };
  }

  private static String convertName(Primitive p) {
    return switch (p) {
      case CHAR -> "character";
      default -> p.wit();
    };
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Private helper methods for the tuple types used so far in this file, then forgets them. */
  String drainTupleHelpers() {
    StringBuilder b = new StringBuilder();
    // Generating one helper may need another (a tuple inside a tuple): loop until none is new.
    Set<String> done = new java.util.HashSet<>();
    boolean more = true;
    while (more) {
      more = false;
      for (Map.Entry<WitType, String> e : List.copyOf(tupleLowers.entrySet())) {
        if (done.add(e.getValue())) {
          more = true;
          WitType.TupleType t = (WitType.TupleType) e.getKey();
          b.append("  private static ").append(VAL).append(' ').append(e.getValue());
          b.append('(').append(tupleType(t)).append(" v) {\n");
          b.append("    return new ").append(VAL).append(".Tuple(").append(LIST).append(".of(");
          for (int i = 0; i < t.types().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(lower("v.v" + i + "()", t.types().get(i), 0));
          }
          b.append("));\n  }\n\n");
        }
      }
      for (Map.Entry<WitType, String> e : List.copyOf(tupleLifts.entrySet())) {
        if (done.add(e.getValue())) {
          more = true;
          WitType.TupleType t = (WitType.TupleType) e.getKey();
          b.append("  private static ").append(tupleType(t)).append(' ').append(e.getValue());
          b.append('(').append(VAL).append(" v) {\n");
          b.append("    ").append(LIST).append('<').append(VAL).append("> f = ");
          b.append(CONVERT).append(".fields(v, ").append(t.types().size()).append(");\n");
          b.append("    return new dev.wasidl.bindings.Tuple").append(t.types().size());
          b.append("<>(");
          for (int i = 0; i < t.types().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(lift("f.get(" + i + ")", t.types().get(i), 0));
          }
          b.append(");\n  }\n\n");
        }
      }
    }
    tupleLowers.clear();
    tupleLifts.clear();
    return b.toString();
  }

  /** The resource types among {@code owner}'s definitions. */
  static List<String> resources(List<TypeDef> types) {
    return types.stream()
        .filter(t -> t.kind() instanceof TypeDefKind.ResourceType)
        .map(TypeDef::name)
        .toList();
  }
}

package dev.wasidl.cli;

import dev.wasidl.component.ComponentDef;
import dev.wasidl.component.Definition;
import dev.wasidl.component.Export;
import dev.wasidl.component.ExternName;
import dev.wasidl.component.Import;
import dev.wasidl.component.Sort;
import dev.wasidl.types.BorrowType;
import dev.wasidl.types.EnumType;
import dev.wasidl.types.FlagsType;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.ListType;
import dev.wasidl.types.OptionType;
import dev.wasidl.types.OwnType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.RecordType;
import dev.wasidl.types.ResourceType;
import dev.wasidl.types.ResultType;
import dev.wasidl.types.TupleType;
import dev.wasidl.types.Type;
import dev.wasidl.types.TypeResolver;
import dev.wasidl.types.VariantType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A component's world as WIT text, from its decoded types: the world's imports and exports, then
 * each interface with its named types, resources and functions, grouped by package (the layout of
 * {@code wasm-tools component wit}). Interfaces are what the component's types say of them: only
 * what it imports or exports, and a type used from another interface is written as a {@code use}
 * when that interface was printed first with the same name for an equal type.
 */
final class WorldWit {
  /** One function a component exports: at the root ({@code iface} empty) or in an instance. */
  record ExportedFunc(Optional<String> iface, String name, FuncType type) {
    /** {@code name} or {@code iface#name}. */
    String qualified() {
      return iface.map(i -> i + "#" + name).orElse(name);
    }
  }

  /** An imported or exported instance, resolved. */
  private record Iface(String name, boolean isImport, TypeResolver scope) {}

  private final ComponentDef component;
  private final TypeResolver resolver;

  private WorldWit(ComponentDef component) {
    this.component = component;
    this.resolver = TypeResolver.of(component);
  }

  static WorldWit of(ComponentDef component) {
    return new WorldWit(component);
  }

  /** Every function the component exports, root functions and those of exported instances. */
  List<ExportedFunc> exportedFuncs() {
    List<ExportedFunc> funcs = new ArrayList<>();
    for (Export e : component.exports()) {
      switch (e.target().sort()) {
        case FUNC ->
            funcs.add(
                new ExportedFunc(
                    Optional.empty(),
                    e.name().text(),
                    resolver.funcTypeOfFunc(e.target().index())));
        case INSTANCE -> {
          TypeResolver scope = resolver.instance(e.target().index());
          scope
              .exports()
              .forEach(
                  (name, sort) -> {
                    if (sort == Sort.FUNC) {
                      funcs.add(
                          new ExportedFunc(
                              Optional.of(e.name().text()), name, scope.exportedFunc(name)));
                    }
                  });
        }
        default -> {}
      }
    }
    return funcs;
  }

  /** The WIT text. */
  String print() {
    StringBuilder world = new StringBuilder();
    List<Iface> ifaces = new ArrayList<>();
    world.append("package root:component;\n\nworld root {\n");
    for (Import i : component.imports()) {
      item(true, i.name(), i.type().sort(), indexOf(i), world, ifaces);
    }
    if (!component.imports().isEmpty() && !component.exports().isEmpty()) {
      world.append('\n');
    }
    for (Export e : component.exports()) {
      item(false, e.name(), e.target().sort(), e.target().index(), world, ifaces);
    }
    world.append("}\n");

    // Interfaces, by package, in the order first seen; their types are named as they go.
    Map<String, List<Iface>> packages = new LinkedHashMap<>();
    for (Iface f : ifaces) {
      if (ExternName.parse(f.name()) instanceof ExternName.Interface n) {
        String pkg = n.packageName() + n.version().map(v -> "@" + v).orElse("");
        packages.computeIfAbsent(pkg, k -> new ArrayList<>()).add(f);
      }
    }
    Names names = new Names();
    definers(ifaces, names);
    StringBuilder out = new StringBuilder(world);
    for (var pkg : packages.entrySet()) {
      out.append("\npackage ").append(pkg.getKey()).append(" {\n");
      boolean first = true;
      for (Iface f : pkg.getValue()) {
        ExternName.Interface n = (ExternName.Interface) ExternName.parse(f.name());
        out.append(first ? "" : "\n").append("  interface ").append(n.name()).append(" {\n");
        body(f, n, names, out, "    ");
        out.append("  }\n");
        first = false;
      }
      out.append("}\n");
    }
    return out.toString();
  }

  private void item(
      boolean isImport,
      ExternName name,
      Sort sort,
      int index,
      StringBuilder world,
      List<Iface> ifaces) {
    String keyword = isImport ? "import " : "export ";
    try {
      switch (sort) {
        case FUNC -> {
          FuncType f = resolver.funcTypeOfFunc(index);
          world
              .append("  ")
              .append(keyword)
              .append(name.text())
              .append(": ")
              .append(func(f, new Names.Scope()))
              .append(";\n");
        }
        case INSTANCE -> {
          TypeResolver scope = resolver.instance(index);
          if (name instanceof ExternName.Interface) {
            world.append("  ").append(keyword).append(name.text()).append(";\n");
            ifaces.add(new Iface(name.text(), isImport, scope));
          } else {
            world.append("  ").append(keyword).append(name.text()).append(": interface {\n");
            body(new Iface(name.text(), isImport, scope), null, new Names(), world, "    ");
            world.append("  }\n");
          }
        }
        default ->
            world
                .append("  // ")
                .append(keyword)
                .append(name.text())
                .append(": a ")
                .append(sort)
                .append(", which WIT cannot express\n");
      }
    } catch (IllegalArgumentException e) {
      world
          .append("  // ")
          .append(keyword)
          .append(name.text())
          .append(": not resolved (")
          .append(e.getMessage())
          .append(")\n");
    }
  }

  @SuppressWarnings("ReferenceEquality") // the import's own entry, not an equal one
  private int indexOf(Import i) {
    List<Definition> space = component.indexSpace(i.type().sort());
    for (int k = 0; k < space.size(); k++) {
      if (space.get(k) == i) {
        return k;
      }
    }
    throw new IllegalStateException("import not in its index space: " + i.name().text());
  }

  // --- interface bodies

  /** Type names known so far: by interface, and where each name was defined. */
  private static final class Names {
    /** The names of one interface: nominal types (records, resources, ...) by identity/equality. */
    static final class Scope {
      final Map<Type, String> values = new HashMap<>();
      // ResourceType keeps Object's identity equality.
      final Map<ResourceType, String> resources = new HashMap<>();
    }

    /**
     * The interface defining each named type: type name, then the type (a resource by identity, as
     * ResourceType keeps Object's equals) to the WIT path of the interface.
     */
    final Map<String, Map<Object, String>> defined = new HashMap<>();
  }

  private void body(
      Iface f, ExternName.Interface iface, Names names, StringBuilder out, String in) {
    TypeResolver scope = f.scope();
    Names.Scope local = new Names.Scope();
    Map<String, Sort> exports = scope.exports();
    // Types first, in order: a use when an earlier interface has it, a definition otherwise.
    Map<String, List<String>> uses = new LinkedHashMap<>();
    List<String> typeDefs = new ArrayList<>();
    Map<ResourceType, String> resourceOrder = new LinkedHashMap<>();
    for (var e : exports.entrySet()) {
      if (e.getValue() != Sort.TYPE) {
        continue;
      }
      String name = e.getKey();
      Object t = scope.exportedTypeOrResource(name);
      switch (t) {
        case ResourceType r -> local.resources.put(r, name);
        case Type v -> {
          if (nominal(v)) {
            local.values.putIfAbsent(v, name);
          }
        }
        default -> {}
      }
      Map<Object, String> seen = names.defined.get(name);
      String from = seen == null ? null : seen.get(t);
      if (from != null && !from.equals(f.name())) {
        uses.computeIfAbsent(from, k -> new ArrayList<>()).add(name);
      } else if (t instanceof ResourceType r) {
        resourceOrder.put(r, name);
      } else {
        typeDefs.add(typeDef(name, (Type) t, local));
      }
    }
    for (var u : uses.entrySet()) {
      String from = u.getKey();
      if (iface != null && samePackage(from, iface)) {
        from = ((ExternName.Interface) ExternName.parse(from)).name();
      }
      out.append(in)
          .append("use ")
          .append(from)
          .append(".{")
          .append(String.join(", ", u.getValue()))
          .append("};\n");
    }
    for (String def : typeDefs) {
      out.append(in).append(def).append('\n');
    }
    // Resources with their constructors, methods and static functions.
    Map<String, List<String>> members = new LinkedHashMap<>();
    List<String> funcs = new ArrayList<>();
    for (var e : exports.entrySet()) {
      if (e.getValue() != Sort.FUNC) {
        continue;
      }
      FuncType type = scope.exportedFunc(e.getKey());
      switch (ExternName.parse(e.getKey())) {
        case ExternName.Constructor c ->
            members
                .computeIfAbsent(c.resource(), k -> new ArrayList<>())
                .add("constructor" + params(type.params(), local) + ";");
        case ExternName.Method m ->
            members
                .computeIfAbsent(m.resource(), k -> new ArrayList<>())
                .add(m.name() + ": " + func(withoutSelf(type), local) + ";");
        case ExternName.Static s ->
            members
                .computeIfAbsent(s.resource(), k -> new ArrayList<>())
                .add(s.name() + ": static " + func(type, local) + ";");
        default -> funcs.add(e.getKey() + ": " + func(type, local) + ";");
      }
    }
    for (String r : resourceOrder.values()) {
      List<String> m = members.getOrDefault(r, List.of());
      if (m.isEmpty()) {
        out.append(in).append("resource ").append(r).append(";\n");
      } else {
        out.append(in).append("resource ").append(r).append(" {\n");
        m.forEach(line -> out.append(in).append("  ").append(line).append('\n'));
        out.append(in).append("}\n");
      }
    }
    if (!funcs.isEmpty() && (!typeDefs.isEmpty() || !resourceOrder.isEmpty() || !uses.isEmpty())) {
      out.append('\n');
    }
    for (String fn : funcs) {
      out.append(in).append(fn).append('\n');
    }
  }

  /**
   * Which interface defines each named type: the first, in world order (imports, then exports),
   * that exports it; the others {@code use} it from there.
   */
  private static void definers(List<Iface> ifaces, Names names) {
    for (Iface f : ifaces) {
      f.scope()
          .exports()
          .forEach(
              (name, sort) -> {
                if (sort == Sort.TYPE) {
                  names
                      .defined
                      .computeIfAbsent(name, k -> new LinkedHashMap<>())
                      .putIfAbsent(f.scope().exportedTypeOrResource(name), f.name());
                }
              });
    }
  }

  private static boolean samePackage(String path, ExternName.Interface iface) {
    return ExternName.parse(path) instanceof ExternName.Interface n
        && n.packageName().equals(iface.packageName())
        && n.version().equals(iface.version());
  }

  private static boolean nominal(Type t) {
    return t instanceof RecordType
        || t instanceof VariantType
        || t instanceof EnumType
        || t instanceof FlagsType;
  }

  private String typeDef(String name, Type t, Names.Scope local) {
    return switch (t) {
      case RecordType r ->
          "record "
              + name
              + " { "
              + r.fields().stream()
                  .map(f -> f.name() + ": " + type(f.type(), local))
                  .collect(Collectors.joining(", "))
              + " }";
      case VariantType v ->
          "variant "
              + name
              + " { "
              + v.cases().stream()
                  .map(c -> c.name() + c.type().map(p -> "(" + type(p, local) + ")").orElse(""))
                  .collect(Collectors.joining(", "))
              + " }";
      case EnumType e -> "enum " + name + " { " + String.join(", ", e.names()) + " }";
      case FlagsType f -> "flags " + name + " { " + String.join(", ", f.names()) + " }";
      default -> "type " + name + " = " + type(t, local) + ";";
    };
  }

  private static FuncType withoutSelf(FuncType f) {
    return f.params().isEmpty() || !f.params().getFirst().name().equals("self")
        ? f
        : new FuncType(f.params().subList(1, f.params().size()), f.result());
  }

  private String func(FuncType f, Names.Scope local) {
    return "func"
        + params(f.params(), local)
        + f.result().map(r -> " -> " + type(r, local)).orElse("");
  }

  private String params(List<FuncType.Param> params, Names.Scope local) {
    return params.stream()
        .map(p -> p.name() + ": " + type(p.type(), local))
        .collect(Collectors.joining(", ", "(", ")"));
  }

  /** A type as written in a signature: named where the interface names it. */
  private String type(Type t, Names.Scope local) {
    String named = local.values.get(t);
    if (named != null) {
      return named;
    }
    return switch (t) {
      case Primitive p -> p.toString();
      case ListType l -> "list<" + type(l.element(), local) + ">";
      case OptionType o -> "option<" + type(o.type(), local) + ">";
      case TupleType tt ->
          tt.types().stream()
              .map(x -> type(x, local))
              .collect(Collectors.joining(", ", "tuple<", ">"));
      case ResultType r -> {
        if (r.ok().isEmpty() && r.error().isEmpty()) {
          yield "result";
        }
        if (r.error().isEmpty()) {
          yield "result<" + type(r.ok().get(), local) + ">";
        }
        yield "result<"
            + r.ok().map(x -> type(x, local)).orElse("_")
            + ", "
            + type(r.error().get(), local)
            + ">";
      }
      case OwnType o -> local.resources.getOrDefault(o.resource(), o.resource().name());
      case BorrowType b ->
          "borrow<" + local.resources.getOrDefault(b.resource(), b.resource().name()) + ">";
      // An unnamed record, variant, enum or flags (WIT always names them): their structure.
      case RecordType r -> r.toString();
      case VariantType v -> v.toString();
      case EnumType e -> e.toString();
      case FlagsType fl -> fl.toString();
    };
  }
}

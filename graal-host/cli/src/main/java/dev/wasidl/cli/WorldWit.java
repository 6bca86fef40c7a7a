package dev.wasidl.cli;

import dev.wasidl.bindgen.wit.FunctionKind;
import dev.wasidl.bindgen.wit.Gate;
import dev.wasidl.bindgen.wit.Interface;
import dev.wasidl.bindgen.wit.PackageName;
import dev.wasidl.bindgen.wit.Param;
import dev.wasidl.bindgen.wit.TypeDef;
import dev.wasidl.bindgen.wit.TypeDefKind;
import dev.wasidl.bindgen.wit.TypeOwner;
import dev.wasidl.bindgen.wit.TypeRef;
import dev.wasidl.bindgen.wit.WitCase;
import dev.wasidl.bindgen.wit.WitField;
import dev.wasidl.bindgen.wit.WitFunction;
import dev.wasidl.bindgen.wit.WitPackage;
import dev.wasidl.bindgen.wit.WitPrinter;
import dev.wasidl.bindgen.wit.WitType;
import dev.wasidl.bindgen.wit.World;
import dev.wasidl.bindgen.wit.WorldItem;
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
import java.util.Set;

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
  private record Iface(TypeOwner owner, TypeResolver scope) {}

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

  /**
   * The WIT text: the world, then each imported or exported interface in a block of its package,
   * printed by bindings-gen's {@link WitPrinter} (the layout of {@code wasm-tools component wit}).
   * What WIT cannot express (core modules, components, values) is listed in comments after it.
   */
  String print() {
    List<String> notes = new ArrayList<>();
    List<Iface> ifaces = new ArrayList<>();
    List<WorldItem> imports = new ArrayList<>();
    List<WorldItem> exports = new ArrayList<>();
    for (Import i : component.imports()) {
      item(true, i.name(), i.type().sort(), indexOf(i), imports, ifaces, notes);
    }
    for (Export e : component.exports()) {
      item(false, e.name(), e.target().sort(), e.target().index(), exports, ifaces, notes);
    }
    World world = new World(ROOT_WORLD, imports, exports, "", Gate.NONE);

    // Interfaces, by package, in the order first seen; their types are named as they go.
    // An interface both imported and exported (a component that wraps or forwards it) is one
    // interface in WIT: printed once, as imported.
    Map<TypeOwner.Interface, Interface> printed = new LinkedHashMap<>();
    Map<String, Map<Object, TypeOwner.Interface>> definers = definers(ifaces);
    for (Iface f : ifaces) {
      if (f.owner() instanceof TypeOwner.Interface owner) {
        Interface body = body(f, definers);
        Interface first = printed.putIfAbsent(owner, body);
        if (first != null && !sameItems(first, body)) {
          notes.add(
              "export "
                  + owner
                  + ": its type differs from the import's; the interface above is the import's");
        }
      }
    }
    Map<PackageName, List<Interface>> packages = new LinkedHashMap<>();
    printed.forEach(
        (owner, body) -> packages.computeIfAbsent(owner.pkg(), k -> new ArrayList<>()).add(body));
    List<WitPackage> nested = new ArrayList<>();
    packages.forEach((name, is) -> nested.add(new WitPackage(name, is, List.of(), "")));
    StringBuilder out =
        new StringBuilder(
            WitPrinter.print(new WitPackage(ROOT, List.of(), List.of(world), ""), nested));
    notes.forEach(n -> out.append("\n// ").append(n));
    return notes.isEmpty() ? out.toString() : out.append('\n').toString();
  }

  /** The same types and functions, maybe in another order (an export lists them its own way). */
  private static boolean sameItems(Interface a, Interface b) {
    return Set.copyOf(a.types()).equals(Set.copyOf(b.types()))
        && Set.copyOf(a.functions()).equals(Set.copyOf(b.functions()));
  }

  private static final PackageName ROOT = new PackageName("root", "component", Optional.empty());
  private static final TypeOwner.World ROOT_WORLD = new TypeOwner.World(ROOT, "root");

  private void item(
      boolean isImport,
      ExternName name,
      Sort sort,
      int index,
      List<WorldItem> items,
      List<Iface> ifaces,
      List<String> notes) {
    String what = (isImport ? "import " : "export ") + name.text();
    try {
      switch (sort) {
        case FUNC -> {
          FuncType f = resolver.funcTypeOfFunc(index);
          items.add(
              new WorldItem.FunctionItem(
                  function(name.text(), new FunctionKind.Freestanding(), f, Scope.EMPTY)));
        }
        case INSTANCE -> {
          TypeResolver scope = resolver.instance(index);
          if (name instanceof ExternName.Interface n) {
            TypeOwner.Interface owner = owner(n);
            items.add(new WorldItem.InterfaceItem(owner, "", Gate.NONE));
            ifaces.add(new Iface(owner, scope));
          } else {
            TypeOwner.InlineInterface owner =
                new TypeOwner.InlineInterface(ROOT, "root", !isImport, name.text());
            items.add(new WorldItem.InlineInterface(body(new Iface(owner, scope), Map.of())));
          }
        }
        default -> notes.add(what + ": a " + sort + ", which WIT cannot express");
      }
    } catch (IllegalArgumentException e) {
      notes.add(what + ": not resolved (" + e.getMessage() + ")");
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

  private static TypeOwner.Interface owner(ExternName.Interface n) {
    return new TypeOwner.Interface(new PackageName(n.namespace(), n.pkg(), n.version()), n.name());
  }

  // --- interface bodies

  /**
   * The names an interface gives its types: nominal types (records, variants, enums, flags) by
   * equality, resources by identity (ResourceType keeps Object's equals).
   */
  private record Scope(
      TypeOwner owner, Map<Type, String> values, Map<ResourceType, String> resources) {
    static final Scope EMPTY = new Scope(ROOT_WORLD, Map.of(), Map.of());
  }

  /**
   * The interface each named type is defined by: the first, in world order (imports, then exports),
   * that exports it; the others {@code use} it from there. By type name, then the type (a resource
   * by identity).
   */
  private static Map<String, Map<Object, TypeOwner.Interface>> definers(List<Iface> ifaces) {
    Map<String, Map<Object, TypeOwner.Interface>> defined = new HashMap<>();
    for (Iface f : ifaces) {
      if (f.owner() instanceof TypeOwner.Interface owner) {
        f.scope()
            .exports()
            .forEach(
                (name, sort) -> {
                  if (sort == Sort.TYPE) {
                    defined
                        .computeIfAbsent(name, k -> new LinkedHashMap<>())
                        .putIfAbsent(f.scope().exportedTypeOrResource(name), owner);
                  }
                });
      }
    }
    return defined;
  }

  /**
   * The interface {@code f} as WIT: {@code use}s of types an earlier interface defines, then its
   * own type definitions, then its resources (their functions print in their blocks), then the
   * other functions.
   */
  private static Interface body(Iface f, Map<String, Map<Object, TypeOwner.Interface>> definers) {
    TypeResolver scope = f.scope();
    Scope local = new Scope(f.owner(), new HashMap<>(), new HashMap<>());
    Map<TypeOwner.Interface, List<TypeDef>> uses = new LinkedHashMap<>();
    List<String> defs = new ArrayList<>();
    List<String> resources = new ArrayList<>();
    for (var e : scope.exports().entrySet()) {
      if (e.getValue() != Sort.TYPE) {
        continue;
      }
      String name = e.getKey();
      Object t = scope.exportedTypeOrResource(name);
      switch (t) {
        case ResourceType r -> local.resources().put(r, name);
        case Type v -> {
          if (nominal(v)) {
            local.values().putIfAbsent(v, name);
          }
        }
        default -> {}
      }
      TypeOwner.Interface from = definers.getOrDefault(name, Map.of()).get(t);
      if (from != null && !from.equals(f.owner())) {
        TypeRef target = new TypeRef(from, name);
        uses.computeIfAbsent(from, k -> new ArrayList<>())
            .add(
                new TypeDef(name, new TypeDefKind.Alias(new WitType.Named(target)), "", Gate.NONE));
      } else if (t instanceof ResourceType) {
        resources.add(name);
      } else {
        defs.add(name);
      }
    }
    List<TypeDef> types = new ArrayList<>();
    uses.values().forEach(types::addAll);
    for (String name : defs) {
      types.add(typeDef(name, (Type) scope.exportedTypeOrResource(name), local));
    }
    for (String name : resources) {
      types.add(new TypeDef(name, new TypeDefKind.ResourceType(), "", Gate.NONE));
    }
    List<WitFunction> functions = new ArrayList<>();
    for (var e : scope.exports().entrySet()) {
      if (e.getValue() == Sort.FUNC) {
        FuncType type = scope.exportedFunc(e.getKey());
        FunctionKind kind =
            switch (ExternName.parse(e.getKey())) {
              case ExternName.Constructor c ->
                  new FunctionKind.Constructor(new TypeRef(f.owner(), c.resource()));
              case ExternName.Method m ->
                  new FunctionKind.Method(new TypeRef(f.owner(), m.resource()));
              case ExternName.Static st ->
                  new FunctionKind.Static(new TypeRef(f.owner(), st.resource()));
              default -> new FunctionKind.Freestanding();
            };
        String name =
            switch (ExternName.parse(e.getKey())) {
              case ExternName.Constructor c -> c.resource();
              case ExternName.Method m -> m.name();
              case ExternName.Static st -> st.name();
              default -> e.getKey();
            };
        functions.add(function(name, kind, type, local));
      }
    }
    return new Interface(f.owner(), types, functions, "", Gate.NONE);
  }

  private static boolean nominal(Type t) {
    return t instanceof RecordType
        || t instanceof VariantType
        || t instanceof EnumType
        || t instanceof FlagsType;
  }

  private static TypeDef typeDef(String name, Type t, Scope local) {
    TypeDefKind kind =
        switch (t) {
          case RecordType r ->
              new TypeDefKind.RecordType(
                  r.fields().stream()
                      .map(x -> new WitField(x.name(), type(x.type(), local), ""))
                      .toList());
          case VariantType v ->
              new TypeDefKind.VariantType(
                  v.cases().stream()
                      .map(c -> new WitCase(c.name(), c.type().map(x -> type(x, local)), ""))
                      .toList());
          case EnumType e ->
              new TypeDefKind.EnumType(e.names().stream().map(n -> WitCase.of(n, "")).toList());
          case FlagsType fl ->
              new TypeDefKind.FlagsType(fl.names().stream().map(n -> WitCase.of(n, "")).toList());
          default -> new TypeDefKind.Alias(type(t, local));
        };
    return new TypeDef(name, kind, "", Gate.NONE);
  }

  private static WitFunction function(String name, FunctionKind kind, FuncType f, Scope local) {
    return new WitFunction(
        name,
        kind,
        false,
        f.params().stream().map(p -> new Param(p.name(), type(p.type(), local))).toList(),
        f.result().map(r -> type(r, local)),
        "",
        Gate.NONE);
  }

  /** A type as written in a signature: by name where the interface names it. */
  private static WitType type(Type t, Scope local) {
    String named = local.values().get(t);
    if (named != null) {
      return new WitType.Named(new TypeRef(local.owner(), named));
    }
    return switch (t) {
      case Primitive p -> WitType.of(p);
      case ListType l -> new WitType.ListType(type(l.element(), local));
      case OptionType o -> new WitType.OptionType(type(o.type(), local));
      case TupleType tt ->
          new WitType.TupleType(tt.types().stream().map(x -> type(x, local)).toList());
      case ResultType r ->
          new WitType.ResultType(
              r.ok().map(x -> type(x, local)), r.error().map(x -> type(x, local)));
      case OwnType o -> new WitType.Named(resource(o.resource(), local));
      case BorrowType b ->
          new WitType.Handle(WitType.HandleKind.BORROW, resource(b.resource(), local));
      // An unnamed record, variant, enum or flags (WIT always names them): their structure.
      case RecordType r -> unnamed(r, local);
      case VariantType v -> unnamed(v, local);
      case EnumType e -> unnamed(e, local);
      case FlagsType fl -> unnamed(fl, local);
    };
  }

  private static TypeRef resource(ResourceType r, Scope local) {
    return new TypeRef(local.owner(), local.resources().getOrDefault(r, r.name()));
  }

  private static WitType unnamed(Type t, Scope local) {
    return new WitType.Named(new TypeRef(local.owner(), t.toString()));
  }
}

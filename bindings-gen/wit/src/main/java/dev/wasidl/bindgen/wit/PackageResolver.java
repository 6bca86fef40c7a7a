package dev.wasidl.bindgen.wit;

import dev.wasidl.bindgen.wit.Resolve.Unresolved;
import dev.wasidl.bindgen.wit.ast.ExternDecl;
import dev.wasidl.bindgen.wit.ast.FuncDecl;
import dev.wasidl.bindgen.wit.ast.FuncSig;
import dev.wasidl.bindgen.wit.ast.Ident;
import dev.wasidl.bindgen.wit.ast.IncludeDecl;
import dev.wasidl.bindgen.wit.ast.InterfaceItem;
import dev.wasidl.bindgen.wit.ast.Span;
import dev.wasidl.bindgen.wit.ast.TopItem;
import dev.wasidl.bindgen.wit.ast.TypeDecl;
import dev.wasidl.bindgen.wit.ast.TypeExpr;
import dev.wasidl.bindgen.wit.ast.UseDecl;
import dev.wasidl.bindgen.wit.ast.UsePath;
import dev.wasidl.bindgen.wit.ast.WorldMember;
import dev.wasidl.types.Primitive;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Resolves one package's parsed items against the packages already in a {@link Resolve}. */
final class PackageResolver {
  private final Resolve resolve;
  private final Unresolved unresolved;
  final PackageName pkg;

  /** An interface or world declaration and the top-level {@code use}s of its file. */
  private record Decl(TopItem item, Map<String, TopItem.TopUse> fileUses) {}

  private final Map<String, Decl> decls = new LinkedHashMap<>();
  private final Map<String, Interface> interfaces = new HashMap<>();
  private final Map<String, World> worlds = new HashMap<>();

  PackageResolver(Resolve resolve, Unresolved unresolved) {
    this.resolve = resolve;
    this.unresolved = unresolved;
    this.pkg = unresolved.decl().name();
  }

  /** The other packages a package's items name (by {@code ns:pkg/...} paths). */
  static Set<PackageName> foreignPackages(Unresolved u) {
    Set<PackageName> out = new LinkedHashSet<>();
    List<UsePath> paths = new ArrayList<>();
    for (List<TopItem> file : u.files()) {
      for (TopItem item : file) {
        switch (item) {
          case TopItem.TopUse use -> paths.add(use.path());
          case TopItem.InterfaceDecl i -> interfacePaths(i.items(), paths);
          case TopItem.WorldDecl w -> {
            for (WorldMember m : w.items()) {
              switch (m) {
                case UseDecl use -> paths.add(use.from());
                case TypeDecl t -> {}
                case IncludeDecl inc -> paths.add(inc.world());
                case ExternDecl ext -> {
                  switch (ext.extern()) {
                    case ExternDecl.ByPath(UsePath p) -> paths.add(p);
                    case ExternDecl.NamedPath(Ident n, UsePath p) -> paths.add(p);
                    case ExternDecl.NamedFunc f -> {}
                    case ExternDecl.NamedInterface(Ident n, var items) ->
                        interfacePaths(items, paths);
                  }
                }
              }
            }
          }
        }
      }
    }
    for (UsePath p : paths) {
      if (p instanceof UsePath.Qualified q && !q.pkg().equals(u.decl().name())) {
        out.add(q.pkg());
      }
    }
    return out;
  }

  private static void interfacePaths(List<InterfaceItem> items, List<UsePath> paths) {
    for (InterfaceItem item : items) {
      if (item instanceof UseDecl use) {
        paths.add(use.from());
      }
    }
  }

  // ---- the package

  WitPackage resolve() {
    for (List<TopItem> file : unresolved.files()) {
      Map<String, TopItem.TopUse> uses = new LinkedHashMap<>();
      Set<String> declared = new HashSet<>();
      for (TopItem item : file) {
        switch (item) {
          case TopItem.TopUse use -> {
            Ident local = use.localName();
            if (uses.putIfAbsent(local.name(), use) != null) {
              throw err(local.span(), "name `" + local.name() + "` is defined more than once");
            }
          }
          case TopItem.InterfaceDecl i -> declare(i.name(), item, uses, declared);
          case TopItem.WorldDecl w -> declare(w.name(), item, uses, declared);
        }
      }
      for (TopItem.TopUse use : uses.values()) {
        if (declared.contains(use.localName().name())) {
          throw err(
              use.localName().span(),
              "name `" + use.localName().name() + "` is already defined in this file");
        }
      }
    }
    if (pkg.version().isEmpty()) {
      requireNoGates();
    }
    // Interfaces, each after the interfaces of this package it uses.
    Map<String, Boolean> state = new HashMap<>();
    for (Decl d : decls.values()) {
      if (d.item() instanceof TopItem.InterfaceDecl i) {
        visitInterface(i, d, state, new ArrayList<>());
      }
    }
    state.clear();
    for (Decl d : decls.values()) {
      if (d.item() instanceof TopItem.WorldDecl w) {
        visitWorld(w, d, state, new ArrayList<>());
      }
    }
    List<Interface> ifaces = new ArrayList<>();
    List<World> ws = new ArrayList<>();
    for (Map.Entry<String, Decl> e : decls.entrySet()) {
      switch (e.getValue().item()) {
        case TopItem.InterfaceDecl i -> ifaces.add(interfaces.get(e.getKey()));
        case TopItem.WorldDecl w -> ws.add(worlds.get(e.getKey()));
        case TopItem.TopUse u -> {}
      }
    }
    return new WitPackage(pkg, ifaces, ws, unresolved.decl().docs());
  }

  /** "If a package contains a feature gate, its version must be specified." */
  private void requireNoGates() {
    for (Decl d : decls.values()) {
      switch (d.item()) {
        case TopItem.InterfaceDecl i -> {
          noGate(i.gate(), i.span());
          interfaceGates(i.items());
        }
        case TopItem.WorldDecl w -> {
          noGate(w.gate(), w.span());
          for (WorldMember m : w.items()) {
            switch (m) {
              case UseDecl u -> noGate(u.gate(), u.span());
              case TypeDecl t -> typeGates(t);
              case IncludeDecl inc -> noGate(inc.gate(), inc.span());
              case ExternDecl e -> {
                noGate(e.gate(), e.span());
                if (e.extern() instanceof ExternDecl.NamedInterface(Ident n, var items)) {
                  interfaceGates(items);
                }
              }
            }
          }
        }
        case TopItem.TopUse u -> {}
      }
    }
  }

  private void interfaceGates(List<InterfaceItem> items) {
    for (InterfaceItem item : items) {
      switch (item) {
        case UseDecl u -> noGate(u.gate(), u.span());
        case TypeDecl t -> typeGates(t);
        case FuncDecl f -> noGate(f.gate(), f.span());
      }
    }
  }

  private void typeGates(TypeDecl t) {
    noGate(t.gate(), t.span());
    if (t instanceof TypeDecl.ResourceDecl r) {
      for (TypeDecl.ResourceFunc f : r.functions()) {
        noGate(f.gate(), f.span());
      }
    }
  }

  private void noGate(Gate gate, Span span) {
    if (!gate.isNone()) {
      throw err(
          span,
          "package `"
              + pkg
              + "` has feature gates, so it must have a version (`"
              + pkg
              + "@x.y.z`)");
    }
  }

  private void declare(
      Ident name, TopItem item, Map<String, TopItem.TopUse> uses, Set<String> declared) {
    Decl prev = decls.putIfAbsent(name.name(), new Decl(item, uses));
    if (prev != null) {
      throw err(
          name.span(),
          "`" + name.name() + "` is defined more than once (first at " + prev.item().span() + ")");
    }
    declared.add(name.name());
  }

  private void visitInterface(
      TopItem.InterfaceDecl i, Decl d, Map<String, Boolean> state, List<String> path) {
    String name = i.name().name();
    Boolean s = state.get(name);
    if (Boolean.TRUE.equals(s)) {
      return;
    }
    if (Boolean.FALSE.equals(s)) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
      cycle.add(name);
      throw err(
          i.span(), "interface `" + name + "` depends on itself: " + String.join(" -> ", cycle));
    }
    state.put(name, false);
    path.add(name);
    for (InterfaceItem item : i.items()) {
      if (item instanceof UseDecl use) {
        TypeOwner.Interface target = interfacePath(use.from(), d.fileUses());
        if (target.pkg().equals(pkg)) {
          Decl td = decls.get(target.name());
          if (target.name().equals(name)) {
            throw err(use.from().span(), "interface `" + name + "` cannot use itself");
          }
          visitInterface((TopItem.InterfaceDecl) td.item(), td, state, path);
        }
      }
    }
    path.remove(path.size() - 1);
    state.put(name, true);
    TypeOwner.Interface owner = new TypeOwner.Interface(pkg, name);
    interfaces.put(name, body(owner, i.items(), d.fileUses(), i.docs(), i.gate()));
  }

  private void visitWorld(
      TopItem.WorldDecl w, Decl d, Map<String, Boolean> state, List<String> path) {
    String name = w.name().name();
    Boolean s = state.get(name);
    if (Boolean.TRUE.equals(s)) {
      return;
    }
    if (Boolean.FALSE.equals(s)) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
      cycle.add(name);
      throw err(w.span(), "world `" + name + "` includes itself: " + String.join(" -> ", cycle));
    }
    state.put(name, false);
    path.add(name);
    for (WorldMember m : w.items()) {
      if (m instanceof IncludeDecl inc) {
        TypeOwner.World target = worldPath(inc.world(), d.fileUses());
        if (target.pkg().equals(pkg)) {
          Decl td = decls.get(target.name());
          visitWorld((TopItem.WorldDecl) td.item(), td, state, path);
        }
      }
    }
    path.remove(path.size() - 1);
    state.put(name, true);
    worlds.put(name, new WorldResolver(this, w, d.fileUses()).resolve());
  }

  // ---- paths

  private TopItem localItem(Ident name, String kind) {
    Decl d = decls.get(name.name());
    if (d == null) {
      throw err(
          name.span(), kind + " `" + name.name() + "` does not exist in package `" + pkg + "`");
    }
    return d.item();
  }

  /** The interface a use-path names. */
  TypeOwner.Interface interfacePath(UsePath path, Map<String, TopItem.TopUse> fileUses) {
    return switch (path) {
      case UsePath.Local(Ident name) -> {
        TopItem.TopUse use = fileUses.get(name.name());
        if (use != null) {
          yield interfacePath(use.path(), Map.of());
        }
        if (localItem(name, "interface") instanceof TopItem.WorldDecl) {
          throw err(name.span(), "`" + name.name() + "` is a world, not an interface");
        }
        yield new TypeOwner.Interface(pkg, name.name());
      }
      case UsePath.Qualified q -> {
        if (q.pkg().equals(pkg)) {
          yield interfacePath(new UsePath.Local(q.name()), Map.of());
        }
        WitPackage other = foreign(q);
        if (other.iface(q.name().name()).isEmpty()) {
          throw err(
              q.name().span(),
              "interface `"
                  + q.name().name()
                  + "` does not exist in package `"
                  + other.name()
                  + "`");
        }
        yield new TypeOwner.Interface(other.name(), q.name().name());
      }
    };
  }

  TypeOwner.World worldPath(UsePath path, Map<String, TopItem.TopUse> fileUses) {
    return switch (path) {
      case UsePath.Local(Ident name) -> {
        if (localItem(name, "world") instanceof TopItem.InterfaceDecl) {
          throw err(name.span(), "`" + name.name() + "` is an interface, not a world");
        }
        yield new TypeOwner.World(pkg, name.name());
      }
      case UsePath.Qualified q -> {
        if (q.pkg().equals(pkg)) {
          yield worldPath(new UsePath.Local(q.name()), fileUses);
        }
        WitPackage other = foreign(q);
        if (other.world(q.name().name()).isEmpty()) {
          throw err(
              q.name().span(),
              "world `" + q.name().name() + "` does not exist in package `" + other.name() + "`");
        }
        yield new TypeOwner.World(other.name(), q.name().name());
      }
    };
  }

  private WitPackage foreign(UsePath.Qualified q) {
    return resolve
        .resolved(q.pkg())
        .orElseThrow(() -> err(q.span(), "package `" + q.pkg() + "` not found"));
  }

  Interface iface(TypeOwner.Interface owner) {
    if (owner.pkg().equals(pkg)) {
      return interfaces.get(owner.name());
    }
    return resolve.iface(owner).orElseThrow();
  }

  World world(TypeOwner.World owner) {
    if (owner.pkg().equals(pkg)) {
      return worlds.get(owner.name());
    }
    return resolve.pkg(owner.pkg()).flatMap(p -> p.world(owner.name())).orElseThrow();
  }

  /** Whether {@code ref} (in an interface resolved earlier) is a resource, aliases followed. */
  private boolean isResource(TypeRef ref) {
    TypeRef at = ref;
    for (int i = 0; i < 1000; i++) {
      if (!(at.owner() instanceof TypeOwner.Interface owner)) {
        return false;
      }
      Optional<TypeDef> def = iface(owner).type(at.name());
      if (def.isEmpty()) {
        return false;
      }
      switch (def.get().kind()) {
        case TypeDefKind.ResourceType r -> {
          return true;
        }
        case TypeDefKind.Alias(WitType.Named(TypeRef next)) -> at = next;
        default -> {
          return false;
        }
      }
    }
    return false;
  }

  // ---- scopes of types: interfaces, inline interfaces, worlds

  /** The named types of one owner, while it is being resolved. */
  final class Scope {
    final TypeOwner owner;
    final Map<String, Object> entries = new LinkedHashMap<>(); // TypeDecl or TypeRef (a use)
    final Map<String, Span> spans = new HashMap<>();
    final Map<String, TypeDef> defs = new LinkedHashMap<>();
    final List<WitFunction> resourceFunctions = new ArrayList<>();

    Scope(TypeOwner owner) {
      this.owner = owner;
    }

    void use(UseDecl use, Map<String, TopItem.TopUse> fileUses) {
      TypeOwner.Interface from = interfacePath(use.from(), fileUses);
      Interface target = iface(from);
      for (UseDecl.UseName n : use.names()) {
        if (target.type(n.name().name()).isEmpty()) {
          throw err(
              n.name().span(),
              "type `" + n.name().name() + "` is not defined in interface `" + from + "`");
        }
        add(n.localName(), new TypeRef(from, n.name().name()));
      }
    }

    void add(Ident name, Object entry) {
      if (entries.putIfAbsent(name.name(), entry) != null) {
        throw err(
            name.span(),
            "name `"
                + name.name()
                + "` is defined more than once (first at "
                + spans.get(name.name())
                + ")");
      }
      spans.put(name.name(), name.span());
    }

    /** Checks names and cycles, then builds the definitions in order. */
    void build(List<?> items) {
      Map<String, Boolean> state = new HashMap<>();
      for (String name : entries.keySet()) {
        visit(name, state, new ArrayList<>());
      }
      for (Object item : items) {
        switch (item) {
          case UseDecl use -> {
            for (UseDecl.UseName n : use.names()) {
              TypeRef target = (TypeRef) entries.get(n.localName().name());
              defs.put(
                  n.localName().name(),
                  new TypeDef(
                      n.localName().name(),
                      new TypeDefKind.Alias(new WitType.Named(target)),
                      use.docs(),
                      use.gate()));
            }
          }
          case TypeDecl t -> defs.put(t.name().name(), typeDef(t));
          default -> {}
        }
      }
    }

    private void visit(String name, Map<String, Boolean> state, List<String> path) {
      Boolean s = state.get(name);
      if (Boolean.TRUE.equals(s)) {
        return;
      }
      if (Boolean.FALSE.equals(s)) {
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
        cycle.add(name);
        throw err(
            spans.get(name),
            cycle.size() == 2
                ? "type `" + name + "` refers to itself"
                : "types refer to each other in a cycle: " + String.join(" -> ", cycle));
      }
      state.put(name, false);
      path.add(name);
      if (entries.get(name) instanceof TypeDecl decl) {
        for (Ident ref : references(decl)) {
          if (!entries.containsKey(ref.name())) {
            throw err(ref.span(), "type `" + ref.name() + "` does not exist");
          }
          if (!(decl instanceof TypeDecl.ResourceDecl)) {
            visit(ref.name(), state, path);
          }
        }
      }
      path.remove(path.size() - 1);
      state.put(name, true);
    }

    TypeDef typeDef(TypeDecl t) {
      TypeDefKind kind =
          switch (t) {
            case TypeDecl.RecordDecl r -> {
              Set<String> seen = new HashSet<>();
              List<WitField> fields = new ArrayList<>();
              for (TypeDecl.FieldDecl f : r.fields()) {
                unique(seen, f.name(), "field");
                fields.add(new WitField(f.name().name(), type(f.type()), f.docs()));
              }
              yield new TypeDefKind.RecordType(fields);
            }
            case TypeDecl.VariantDecl v -> new TypeDefKind.VariantType(cases(v.cases(), "case"));
            case TypeDecl.EnumDecl e -> new TypeDefKind.EnumType(cases(e.cases(), "case"));
            case TypeDecl.FlagsDecl f -> new TypeDefKind.FlagsType(cases(f.flags(), "flag"));
            case TypeDecl.AliasDecl a -> new TypeDefKind.Alias(type(a.target()));
            case TypeDecl.ResourceDecl r -> {
              TypeRef self = new TypeRef(owner, r.name().name());
              for (TypeDecl.ResourceFunc f : r.functions()) {
                resourceFunctions.add(resourceFunction(self, f));
              }
              yield new TypeDefKind.ResourceType();
            }
          };
      return new TypeDef(t.name().name(), kind, t.docs(), t.gate());
    }

    private List<WitCase> cases(List<TypeDecl.CaseDecl> decls, String what) {
      Set<String> seen = new HashSet<>();
      List<WitCase> cases = new ArrayList<>();
      for (TypeDecl.CaseDecl c : decls) {
        unique(seen, c.name(), what);
        cases.add(new WitCase(c.name().name(), c.type().map(this::type), c.docs()));
      }
      return cases;
    }

    private WitFunction resourceFunction(TypeRef self, TypeDecl.ResourceFunc f) {
      List<Param> params = new ArrayList<>();
      FunctionKind kind;
      Optional<WitType> result;
      switch (f.kind()) {
        case METHOD -> {
          kind = new FunctionKind.Method(self);
          params.add(new Param("self", new WitType.Handle(WitType.HandleKind.BORROW, self)));
          result = f.sig().result().map(this::type);
        }
        case STATIC -> {
          kind = new FunctionKind.Static(self);
          result = f.sig().result().map(this::type);
        }
        case CONSTRUCTOR -> {
          kind = new FunctionKind.Constructor(self);
          result = Optional.of(new WitType.Named(self));
        }
        default -> throw new IllegalStateException();
      }
      params.addAll(params(f.sig()));
      String name =
          f.kind() == TypeDecl.ResourceFunc.Kind.CONSTRUCTOR ? self.name() : f.name().name();
      return new WitFunction(name, kind, f.sig().async(), params, result, f.docs(), f.gate());
    }

    WitFunction function(FuncDecl f) {
      return new WitFunction(
          f.name().name(),
          new FunctionKind.Freestanding(),
          f.sig().async(),
          params(f.sig()),
          f.sig().result().map(this::type),
          f.docs(),
          f.gate());
    }

    private List<Param> params(FuncSig sig) {
      Set<String> seen = new HashSet<>();
      List<Param> params = new ArrayList<>();
      for (FuncSig.ParamDecl p : sig.params()) {
        unique(seen, p.name(), "parameter");
        params.add(new Param(p.name().name(), type(p.type())));
      }
      return params;
    }

    WitType type(TypeExpr t) {
      return switch (t) {
        case TypeExpr.Prim(Primitive p) -> WitType.of(p);
        case TypeExpr.Named(Ident name) -> new WitType.Named(ref(name));
        case TypeExpr.ListOf(TypeExpr e, Optional<Integer> size) ->
            size.isPresent()
                ? new WitType.FixedListType(type(e), size.get())
                : new WitType.ListType(type(e));
        case TypeExpr.TupleOf(var types) ->
            new WitType.TupleType(types.stream().map(this::type).toList());
        case TypeExpr.OptionOf(TypeExpr e) -> new WitType.OptionType(type(e));
        case TypeExpr.ResultOf(var ok, var e) ->
            new WitType.ResultType(ok.map(this::type), e.map(this::type));
        case TypeExpr.MapOf(TypeExpr k, TypeExpr v) -> new WitType.MapType(type(k), type(v));
        case TypeExpr.FutureOf(var e) -> new WitType.FutureType(e.map(this::type));
        case TypeExpr.StreamOf(var e) -> new WitType.StreamType(e.map(this::type));
        case TypeExpr.Borrow(Ident r) ->
            new WitType.Handle(WitType.HandleKind.BORROW, resourceRef(r, "borrow"));
        case TypeExpr.Own(Ident r) ->
            new WitType.Handle(WitType.HandleKind.OWN, resourceRef(r, "own"));
      };
    }

    private TypeRef ref(Ident name) {
      if (!entries.containsKey(name.name())) {
        throw err(name.span(), "type `" + name.name() + "` does not exist");
      }
      return new TypeRef(owner, name.name());
    }

    private TypeRef resourceRef(Ident name, String handle) {
      TypeRef ref = ref(name);
      if (!localResource(name.name(), 0)) {
        throw err(
            name.span(),
            "`" + handle + "<" + name.name() + ">`: type `" + name.name() + "` is not a resource");
      }
      return ref;
    }

    private boolean localResource(String name, int depth) {
      Object e = entries.get(name);
      return switch (e) {
        case TypeDecl.ResourceDecl r -> true;
        case TypeDecl.AliasDecl(Ident n, TypeExpr.Named(Ident target), var d, var g, var s) ->
            depth < 100
                && entries.containsKey(target.name())
                && localResource(target.name(), depth + 1);
        case TypeRef r -> isResource(r);
        case null, default -> false;
      };
    }
  }

  private static void unique(Set<String> seen, Ident name, String what) {
    if (!seen.add(name.name())) {
      throw err(name.span(), what + " `" + name.name() + "` is defined more than once");
    }
  }

  /** The names a type declaration refers to. */
  private static List<Ident> references(TypeDecl decl) {
    List<Ident> out = new ArrayList<>();
    switch (decl) {
      case TypeDecl.RecordDecl r -> r.fields().forEach(f -> references(f.type(), out));
      case TypeDecl.VariantDecl v ->
          v.cases().forEach(c -> c.type().ifPresent(t -> references(t, out)));
      case TypeDecl.EnumDecl e -> {}
      case TypeDecl.FlagsDecl f -> {}
      case TypeDecl.AliasDecl a -> references(a.target(), out);
      case TypeDecl.ResourceDecl r -> {
        for (TypeDecl.ResourceFunc f : r.functions()) {
          f.sig().params().forEach(p -> references(p.type(), out));
          f.sig().result().ifPresent(t -> references(t, out));
        }
      }
    }
    return out;
  }

  private static void references(TypeExpr t, List<Ident> out) {
    switch (t) {
      case TypeExpr.Prim p -> {}
      case TypeExpr.Named(Ident n) -> out.add(n);
      case TypeExpr.ListOf(TypeExpr e, var size) -> references(e, out);
      case TypeExpr.TupleOf(var types) -> types.forEach(x -> references(x, out));
      case TypeExpr.OptionOf(TypeExpr e) -> references(e, out);
      case TypeExpr.ResultOf(var ok, var e) -> {
        ok.ifPresent(x -> references(x, out));
        e.ifPresent(x -> references(x, out));
      }
      case TypeExpr.MapOf(TypeExpr k, TypeExpr v) -> {
        references(k, out);
        references(v, out);
      }
      case TypeExpr.FutureOf(var e) -> e.ifPresent(x -> references(x, out));
      case TypeExpr.StreamOf(var e) -> e.ifPresent(x -> references(x, out));
      case TypeExpr.Borrow(Ident r) -> out.add(r);
      case TypeExpr.Own(Ident r) -> out.add(r);
    }
  }

  /** An interface body: a named interface or an inline one in a world. */
  Interface body(
      TypeOwner owner,
      List<InterfaceItem> items,
      Map<String, TopItem.TopUse> fileUses,
      String docs,
      Gate gate) {
    Scope scope = new Scope(owner);
    for (InterfaceItem item : items) {
      switch (item) {
        case UseDecl use -> scope.use(use, fileUses);
        case TypeDecl t -> scope.add(t.name(), t);
        case FuncDecl f -> {}
      }
    }
    scope.build(items);
    List<WitFunction> functions = new ArrayList<>(scope.resourceFunctions);
    List<WitFunction> ordered = new ArrayList<>();
    Set<String> names = new HashSet<>(scope.entries.keySet());
    Set<String> componentNames = new HashSet<>();
    for (WitFunction f : functions) {
      if (!componentNames.add(f.componentName())) {
        throw err(
            spanOf(items, f), "function `" + f.componentName() + "` is defined more than once");
      }
    }
    for (InterfaceItem item : items) {
      if (item instanceof FuncDecl f) {
        if (!names.add(f.name().name())) {
          throw err(f.name().span(), "name `" + f.name().name() + "` is defined more than once");
        }
        ordered.add(scope.function(f));
      }
    }
    functions.addAll(ordered);
    return new Interface(owner, List.copyOf(scope.defs.values()), functions, docs, gate);
  }

  private static Span spanOf(List<? extends Object> items, WitFunction f) {
    for (Object item : items) {
      if (item instanceof TypeDecl.ResourceDecl r) {
        for (TypeDecl.ResourceFunc rf : r.functions()) {
          if (rf.name().name().equals(f.name())
              || rf.kind() == TypeDecl.ResourceFunc.Kind.CONSTRUCTOR) {
            return rf.span();
          }
        }
      }
    }
    return new Span("?", 0, 0);
  }

  static WitResolveException err(@Nullable Span span, String message) {
    return span == null ? new WitResolveException(message) : new WitResolveException(span, message);
  }
}

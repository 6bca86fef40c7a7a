package dev.wasidl.bindgen.wit;

import dev.wasidl.bindgen.wit.ast.ExternDecl;
import dev.wasidl.bindgen.wit.ast.FuncDecl;
import dev.wasidl.bindgen.wit.ast.FuncSig;
import dev.wasidl.bindgen.wit.ast.Ident;
import dev.wasidl.bindgen.wit.ast.IncludeDecl;
import dev.wasidl.bindgen.wit.ast.Span;
import dev.wasidl.bindgen.wit.ast.TopItem;
import dev.wasidl.bindgen.wit.ast.TypeDecl;
import dev.wasidl.bindgen.wit.ast.UseDecl;
import dev.wasidl.bindgen.wit.ast.UsePath;
import dev.wasidl.bindgen.wit.ast.WorldMember;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves one world of a package: its items, then its {@code include}s ("Union of Worlds with
 * include", renames by {@code with}), then the implicit imports of used interfaces ("Transitive
 * imports and worlds").
 */
final class WorldResolver {
  private final PackageResolver resolver;
  private final TopItem.WorldDecl w;
  private final Map<String, TopItem.TopUse> fileUses;

  WorldResolver(
      PackageResolver resolver, TopItem.WorldDecl w, Map<String, TopItem.TopUse> fileUses) {
    this.resolver = resolver;
    this.w = w;
    this.fileUses = fileUses;
  }

  World resolve() {
    TypeOwner.World owner = new TypeOwner.World(resolver.pkg, w.name().name());
    PackageResolver.Scope scope = resolver.new Scope(owner);
    for (WorldMember m : w.items()) {
      switch (m) {
        case UseDecl use -> scope.use(use, fileUses);
        case TypeDecl t -> scope.add(t.name(), t);
        default -> {}
      }
    }
    scope.build(w.items());
    Items imports = new Items("import");
    Items exports = new Items("export");
    List<IncludeDecl> includes = new ArrayList<>();
    for (WorldMember m : w.items()) {
      switch (m) {
        case UseDecl use -> {
          for (UseDecl.UseName n : use.names()) {
            imports.add(
                new WorldItem.TypeItem(scope.defs.get(n.localName().name())), n.localName().span());
          }
        }
        case TypeDecl t -> {
          imports.add(new WorldItem.TypeItem(scope.defs.get(t.name().name())), t.name().span());
          for (WitFunction f : scope.resourceFunctions) {
            if (resourceOf(f).equals(Optional.of(t.name().name()))) {
              imports.add(new WorldItem.FunctionItem(f), t.name().span());
            }
          }
        }
        case IncludeDecl inc -> includes.add(inc);
        case ExternDecl ext -> {
          Items target = ext.export() ? exports : imports;
          WorldItem item =
              switch (ext.extern()) {
                case ExternDecl.ByPath(UsePath p) ->
                    new WorldItem.InterfaceItem(
                        resolver.interfacePath(p, fileUses), ext.docs(), ext.gate());
                case ExternDecl.NamedPath(Ident n, UsePath p) ->
                    new WorldItem.NamedInterface(
                        n.name(), resolver.interfacePath(p, fileUses), ext.docs(), ext.gate());
                case ExternDecl.NamedFunc(Ident n, FuncSig sig) ->
                    new WorldItem.FunctionItem(
                        scope.function(new FuncDecl(n, sig, ext.docs(), ext.gate(), n.span())));
                case ExternDecl.NamedInterface(Ident n, var items) ->
                    new WorldItem.InlineInterface(
                        resolver.body(
                            new TypeOwner.InlineInterface(
                                resolver.pkg, owner.name(), ext.export(), n.name()),
                            items,
                            fileUses,
                            ext.docs(),
                            ext.gate()));
              };
          target.add(item, ext.span());
        }
      }
    }
    for (IncludeDecl inc : includes) {
      include(
          owner, inc, resolver.world(resolver.worldPath(inc.world(), fileUses)), imports, exports);
    }
    return elaborate(owner, imports, exports, w.docs(), w.gate());
  }

  private static Optional<String> resourceOf(WitFunction f) {
    return switch (f.kind()) {
      case FunctionKind.Freestanding k -> Optional.empty();
      case FunctionKind.Method(TypeRef r) -> Optional.of(r.name());
      case FunctionKind.Static(TypeRef r) -> Optional.of(r.name());
      case FunctionKind.Constructor(TypeRef r) -> Optional.of(r.name());
    };
  }

  /** A world's imports or exports by key, in order. */
  private static final class Items {
    final String what;
    final Map<String, WorldItem> byKey = new LinkedHashMap<>();

    Items(String what) {
      this.what = what;
    }

    void add(WorldItem item, Span span) {
      if (byKey.putIfAbsent(item.key(), item) != null) {
        throw PackageResolver.err(span, what + " `" + item.key() + "` is defined more than once");
      }
    }
  }

  /** Merges an included world ("Union of Worlds with include"). */
  private void include(
      TypeOwner.World owner, IncludeDecl inc, World included, Items imports, Items exports) {
    Map<String, String> renames = new HashMap<>();
    for (IncludeDecl.Rename r : inc.with()) {
      String from = r.from().name();
      Optional<WorldItem> item = included.importNamed(from).or(() -> included.exportNamed(from));
      if (item.isEmpty()) {
        Optional<WorldItem> byInterface =
            java.util.stream.Stream.concat(included.imports().stream(), included.exports().stream())
                .filter(
                    i -> i instanceof WorldItem.InterfaceItem ii && ii.iface().name().equals(from))
                .findFirst();
        if (byInterface.isPresent()) {
          throw PackageResolver.err(
              r.from().span(),
              "`"
                  + from
                  + "` names an interface (`"
                  + byInterface.get().key()
                  + "`); `with` renames only plain names");
        }
        throw PackageResolver.err(
            r.from().span(),
            "`" + from + "` is not an import or export of world `" + included.owner() + "`");
      }
      if (item.get() instanceof WorldItem.InterfaceItem) {
        throw PackageResolver.err(
            r.from().span(), "`" + from + "` names an interface; `with` renames only plain names");
      }
      renames.put(from, r.to().name());
    }
    TypeOwner.World from = included.owner();
    Rewrite rw =
        new Rewrite(
            ref ->
                ref.owner().equals(from)
                    ? new TypeRef(owner, renames.getOrDefault(ref.name(), ref.name()))
                    : ref.owner() instanceof TypeOwner.InlineInterface i
                            && i.pkg().equals(from.pkg())
                            && i.world().equals(from.name())
                        ? new TypeRef(mapInline(i, owner, renames), ref.name())
                        : ref,
            o ->
                o instanceof TypeOwner.InlineInterface i
                        && i.pkg().equals(from.pkg())
                        && i.world().equals(from.name())
                    ? mapInline(i, owner, renames)
                    : o);
    merge(included.imports(), imports, rw, renames, inc, included);
    merge(included.exports(), exports, rw, renames, inc, included);
  }

  private static TypeOwner.InlineInterface mapInline(
      TypeOwner.InlineInterface i, TypeOwner.World owner, Map<String, String> renames) {
    return new TypeOwner.InlineInterface(
        owner.pkg(), owner.name(), i.export(), renames.getOrDefault(i.name(), i.name()));
  }

  private static void merge(
      List<WorldItem> items,
      Items target,
      Rewrite rw,
      Map<String, String> renames,
      IncludeDecl inc,
      World included) {
    for (WorldItem item : items) {
      WorldItem mapped =
          switch (item) {
            case WorldItem.InterfaceItem i -> i;
            case WorldItem.NamedInterface n ->
                new WorldItem.NamedInterface(
                    renames.getOrDefault(n.name(), n.name()), n.iface(), n.docs(), n.gate());
            case WorldItem.InlineInterface i -> new WorldItem.InlineInterface(rw.iface(i.iface()));
            case WorldItem.FunctionItem f ->
                new WorldItem.FunctionItem(
                    rw.function(
                        f.function(),
                        renames.getOrDefault(f.function().name(), f.function().name())));
            case WorldItem.TypeItem t ->
                new WorldItem.TypeItem(
                    rw.typeDef(t.type(), renames.getOrDefault(t.type().name(), t.type().name())));
          };
      WorldItem existing = target.byKey.get(mapped.key());
      if (existing == null) {
        target.byKey.put(mapped.key(), mapped);
      } else if (!(mapped instanceof WorldItem.InterfaceItem) && !existing.equals(mapped)) {
        throw PackageResolver.err(
            inc.span(),
            target.what
                + " `"
                + mapped.key()
                + "` of included world `"
                + included.owner()
                + "` conflicts with an existing "
                + target.what
                + "; rename it with `with { "
                + mapped.key()
                + " as ... }`");
      }
    }
  }

  /**
   * Adds the interfaces that imports and exports use as imports, each before its first user
   * ("Transitive imports and worlds").
   */
  private World elaborate(
      TypeOwner.World owner, Items imports, Items exports, String docs, Gate gate) {
    Map<String, WorldItem> out = new LinkedHashMap<>();
    for (WorldItem item : imports.byKey.values()) {
      addWithDeps(item, out, imports.byKey);
    }
    for (WorldItem item : exports.byKey.values()) {
      for (TypeOwner.Interface dep : deps(item)) {
        if (!exports.byKey.containsKey(dep.toString())) {
          addWithDeps(dependency(dep, imports.byKey), out, imports.byKey);
        }
      }
    }
    return new World(
        owner, List.copyOf(out.values()), List.copyOf(exports.byKey.values()), docs, gate);
  }

  private void addWithDeps(
      WorldItem item, Map<String, WorldItem> out, Map<String, WorldItem> explicit) {
    if (out.containsKey(item.key())) {
      return;
    }
    for (TypeOwner.Interface dep : deps(item)) {
      if (!out.containsKey(dep.toString())) {
        addWithDeps(dependency(dep, explicit), out, explicit);
      }
    }
    out.put(item.key(), item);
  }

  private static WorldItem dependency(TypeOwner.Interface dep, Map<String, WorldItem> explicit) {
    WorldItem e = explicit.get(dep.toString());
    return e != null ? e : new WorldItem.InterfaceItem(dep, "", Gate.NONE);
  }

  private List<TypeOwner.Interface> deps(WorldItem item) {
    return switch (item) {
      case WorldItem.InterfaceItem i -> Resolve.dependencies(resolver.iface(i.iface()));
      case WorldItem.NamedInterface n -> Resolve.dependencies(resolver.iface(n.iface()));
      case WorldItem.InlineInterface i -> Resolve.dependencies(i.iface());
      case WorldItem.FunctionItem f -> List.of();
      case WorldItem.TypeItem t ->
          t.type().kind() instanceof TypeDefKind.Alias(WitType.Named(TypeRef ref))
                  && ref.owner() instanceof TypeOwner.Interface other
              ? List.of(other)
              : List.of();
    };
  }
}

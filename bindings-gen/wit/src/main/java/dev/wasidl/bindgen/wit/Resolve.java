package dev.wasidl.bindgen.wit;

import dev.wasidl.bindgen.wit.ast.NestedPackage;
import dev.wasidl.bindgen.wit.ast.PackageDecl;
import dev.wasidl.bindgen.wit.ast.SourceFile;
import dev.wasidl.bindgen.wit.ast.TopItem;
import dev.wasidl.bindgen.wit.ast.WitParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A set of resolved WIT packages, in dependency order, with lookups by fully-qualified name ({@code
 * ns:pkg/iface@version}). Packages are added (append-only) from directories, files or parsed
 * sources; everything it returns is immutable.
 *
 * <p>Resolution follows WIT.md: every {@code use} and type name is bound to its definition (a
 * {@link TypeRef}), type cycles and duplicate names are errors, and worlds are elaborated ({@code
 * include}s merged, used interfaces imported).
 */
public final class Resolve {
  private final Map<PackageName, WitPackage> packages = new LinkedHashMap<>();

  /** An empty set. */
  public Resolve() {}

  /** An independent copy: packages added to it are not added to this one. */
  public Resolve copy() {
    Resolve r = new Resolve();
    r.packages.putAll(packages);
    return r;
  }

  /** The packages, each after the packages it depends on. */
  public List<WitPackage> packages() {
    return List.copyOf(packages.values());
  }

  // ---- adding packages

  /**
   * Adds a root package directory as wit-bindgen lays it out: the {@code *.wit} files of {@code
   * dir} form one package, and each entry of {@code dir/deps} (a directory of {@code *.wit} files
   * or a single {@code .wit} file) is a dependency package. Dependencies are resolved first, in
   * topological order. Returns the root package's name.
   */
  public PackageName addPackageDir(Path dir) {
    List<Unresolved> all = new ArrayList<>();
    Path deps = dir.resolve("deps");
    if (Files.isDirectory(deps)) {
      for (Path dep : list(deps)) {
        if (Files.isDirectory(dep)) {
          all.addAll(group(dep.toString(), witFiles(dep)));
        } else if (dep.getFileName().toString().endsWith(".wit")) {
          all.addAll(group(dep.toString(), List.of(WitParser.parseFile(dep))));
        }
      }
    }
    List<Unresolved> root = group(dir.toString(), witFiles(dir));
    all.addAll(root);
    addAll(all);
    return rootName(dir.toString(), root);
  }

  /**
   * Adds the packages of each directory or file in {@code deps}, as the entries of a {@code deps}
   * folder: each is a package (plus its nested {@code package} blocks), resolved in topological
   * order. Returns their names, in the order given.
   */
  public List<PackageName> addDependencies(List<Path> deps) {
    List<Unresolved> all = new ArrayList<>();
    List<PackageName> names = new ArrayList<>();
    for (Path dep : deps) {
      List<SourceFile> files =
          Files.isDirectory(dep) ? witFiles(dep) : List.of(WitParser.parseFile(dep));
      List<Unresolved> g = group(dep.toString(), files);
      all.addAll(g);
      names.add(rootName(dep.toString(), g));
    }
    addAll(all);
    return names;
  }

  /**
   * Adds a root package file: its {@code package} header names the root package, and its nested
   * {@code package ... { }} blocks are further packages. Returns the root package's name.
   */
  public PackageName addFile(Path file) {
    return addSource(WitParser.parseFile(file));
  }

  /** Adds a parsed file (root package plus nested packages); returns the root package's name. */
  public PackageName addSource(SourceFile file) {
    List<Unresolved> g = group(file.path(), List.of(file));
    addAll(g);
    return rootName(file.path(), g);
  }

  /** Adds WIT text as one file (see {@link #addFile}). */
  public PackageName addText(String fileName, String text) {
    return addSource(WitParser.parse(fileName, text));
  }

  // ---- lookups

  /** The package {@code ns:name@version}; without a version, the only version present. */
  public Optional<WitPackage> pkg(String name) {
    return pkg(PackageName.parse(name));
  }

  /** The package named {@code name}; without a version, the only version present. */
  public Optional<WitPackage> pkg(PackageName name) {
    WitPackage exact = packages.get(name);
    if (exact != null || name.version().isPresent()) {
      return Optional.ofNullable(exact);
    }
    List<WitPackage> any =
        packages.values().stream()
            .filter(p -> p.name().unversioned().equals(name.unversioned()))
            .toList();
    return any.size() == 1 ? Optional.of(any.get(0)) : Optional.empty();
  }

  /** The interface {@code ns:pkg/iface@version} (the version may be left out if unambiguous). */
  public Optional<Interface> iface(String qualified) {
    Qualified q = Qualified.parse(qualified);
    return pkg(q.pkg()).flatMap(p -> p.iface(q.item()));
  }

  /** The interface a world item or type owner names. */
  public Optional<Interface> iface(TypeOwner.Interface owner) {
    return Optional.ofNullable(packages.get(owner.pkg())).flatMap(p -> p.iface(owner.name()));
  }

  /** The world {@code ns:pkg/world@version} (the version may be left out if unambiguous). */
  public Optional<World> world(String qualified) {
    Qualified q = Qualified.parse(qualified);
    return pkg(q.pkg()).flatMap(p -> p.world(q.item()));
  }

  /**
   * World selection as in WIT.md "Specifying a World": no name selects the root package's only
   * world, a plain name a world of the root package, a path ({@code ns:pkg/world}) any world.
   */
  public World selectWorld(PackageName root, Optional<String> world) {
    WitPackage pkg =
        pkg(root).orElseThrow(() -> new WitResolveException("package `" + root + "` not found"));
    if (world.isEmpty()) {
      if (pkg.worlds().size() != 1) {
        throw new WitResolveException(
            "package `" + root + "` has " + pkg.worlds().size() + " worlds; name one");
      }
      return pkg.worlds().get(0);
    }
    String w = world.get();
    Optional<World> found = w.contains(":") ? world(w) : pkg.world(w);
    return found.orElseThrow(() -> new WitResolveException("world `" + w + "` not found"));
  }

  /** The definition {@code ref} names in its owner, as written there ({@code use}s are aliases). */
  public Optional<TypeDef> typeDef(TypeRef ref) {
    WitPackage pkg = packages.get(ref.owner().pkg());
    if (pkg == null) {
      return Optional.empty();
    }
    return switch (ref.owner()) {
      case TypeOwner.Interface i -> pkg.iface(i.name()).flatMap(x -> x.type(ref.name()));
      case TypeOwner.World w -> pkg.world(w.name()).flatMap(x -> worldType(x, ref.name()));
      case TypeOwner.InlineInterface i ->
          pkg.world(i.world())
              .flatMap(
                  x ->
                      (i.export() ? x.exports() : x.imports())
                          .stream()
                              .filter(
                                  item ->
                                      item instanceof WorldItem.InlineInterface in
                                          && in.iface().owner().equals(i))
                              .map(item -> ((WorldItem.InlineInterface) item).iface())
                              .findFirst())
              .flatMap(x -> x.type(ref.name()));
    };
  }

  /**
   * The definition behind {@code ref}: {@code use}s and aliases of named types followed to the
   * record, variant, enum, flags, resource or structural alias that defines the type.
   */
  public TypeDef definition(TypeRef ref) {
    TypeRef at = ref;
    for (int i = 0; i < 1000; i++) {
      TypeRef current = at;
      TypeDef def =
          typeDef(current)
              .orElseThrow(() -> new WitResolveException("type `" + current + "` not found"));
      if (def.kind() instanceof TypeDefKind.Alias(WitType.Named(TypeRef next))) {
        at = next;
      } else {
        return def;
      }
    }
    throw new WitResolveException("alias chain too long at `" + ref + "`");
  }

  private static Optional<TypeDef> worldType(World world, String name) {
    return world.imports().stream()
        .filter(i -> i instanceof WorldItem.TypeItem t && t.type().name().equals(name))
        .map(i -> ((WorldItem.TypeItem) i).type())
        .findFirst();
  }

  /** The interfaces {@code iface} uses types from, in order of first use. */
  public static List<TypeOwner.Interface> dependencies(Interface iface) {
    List<TypeOwner.Interface> deps = new ArrayList<>();
    for (TypeDef t : iface.types()) {
      if (t.kind() instanceof TypeDefKind.Alias(WitType.Named(TypeRef ref))
          && ref.owner() instanceof TypeOwner.Interface other
          && !other.equals(iface.owner())
          && !deps.contains(other)) {
        deps.add(other);
      }
    }
    return deps;
  }

  // ---- internals

  /** A package's parsed items, each file's items with that file's top-level {@code use}s. */
  record Unresolved(PackageDecl decl, List<List<TopItem>> files) {}

  /** "ns:pkg/item@v" split. */
  private record Qualified(PackageName pkg, String item) {
    static Qualified parse(String s) {
      int slash = s.indexOf('/');
      if (slash < 0) {
        throw new IllegalArgumentException("expected ns:pkg/name[@version]: " + s);
      }
      int at = s.indexOf('@', slash);
      String item = at < 0 ? s.substring(slash + 1) : s.substring(slash + 1, at);
      String pkg = s.substring(0, slash) + (at < 0 ? "" : s.substring(at));
      return new Qualified(PackageName.parse(pkg), item);
    }
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted(Comparator.comparing(Path::toString)).toList();
    } catch (IOException e) {
      throw new WitException(dir + ": cannot list: " + e.getMessage(), e);
    }
  }

  private static List<SourceFile> witFiles(Path dir) {
    return list(dir).stream()
        .filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".wit"))
        .map(WitParser::parseFile)
        .toList();
  }

  /**
   * The packages of files forming one package: the top-level items of all files (whose {@code
   * package} headers must agree), then each nested package block. The root comes first.
   */
  private static List<Unresolved> group(String where, List<SourceFile> files) {
    @Nullable PackageDecl header = null;
    for (SourceFile f : files) {
      if (f.pkg().isPresent()) {
        PackageDecl d = f.pkg().get();
        if (header == null) {
          header = d;
        } else if (!header.name().equals(d.name())) {
          throw new WitResolveException(
              d.span(),
              "package `"
                  + d.name()
                  + "` differs from `"
                  + header.name()
                  + "` at "
                  + header.span());
        } else if (header.docs().isEmpty()) {
          header = new PackageDecl(header.name(), d.docs(), header.span());
        }
      }
    }
    List<Unresolved> out = new ArrayList<>();
    List<List<TopItem>> items = new ArrayList<>();
    for (SourceFile f : files) {
      if (!f.items().isEmpty()) {
        if (header == null) {
          throw new WitResolveException(
              f.items().get(0).span(), "no `package` header for these items in " + where);
        }
        items.add(f.items());
      }
    }
    if (header != null) {
      out.add(new Unresolved(header, items));
    }
    for (SourceFile f : files) {
      for (NestedPackage n : f.nested()) {
        out.add(new Unresolved(n.decl(), List.of(n.items())));
      }
    }
    return out;
  }

  private static PackageName rootName(String where, List<Unresolved> group) {
    if (group.isEmpty()) {
      throw new WitResolveException("no package in " + where);
    }
    return group.get(0).decl().name();
  }

  /** Resolves packages in topological order of their references to each other. */
  private void addAll(List<Unresolved> all) {
    Map<PackageName, Unresolved> byName = new LinkedHashMap<>();
    List<Unresolved> duplicates = new ArrayList<>();
    for (Unresolved u : all) {
      if (byName.putIfAbsent(u.decl().name(), u) != null) {
        duplicates.add(u);
      }
    }
    List<PackageName> order = new ArrayList<>();
    Map<PackageName, Boolean> state = new LinkedHashMap<>();
    for (PackageName name : byName.keySet()) {
      visit(name, byName, state, order, new ArrayList<>());
    }
    for (PackageName name : order) {
      Unresolved u = byName.get(name);
      WitPackage resolved = new PackageResolver(this, u).resolve();
      WitPackage existing = packages.get(name);
      if (existing != null && !existing.equals(resolved)) {
        throw new WitResolveException(
            u.decl().span(), "package `" + name + "` is already defined with different contents");
      }
      packages.put(name, resolved);
    }
    // "Any package which is duplicated across dependencies must have the same contents."
    for (Unresolved u : duplicates) {
      WitPackage again = new PackageResolver(this, u).resolve();
      if (!again.equals(packages.get(u.decl().name()))) {
        throw new WitResolveException(
            u.decl().span(),
            "package `" + u.decl().name() + "` is defined twice with different contents");
      }
    }
  }

  private void visit(
      PackageName name,
      Map<PackageName, Unresolved> byName,
      Map<PackageName, Boolean> state,
      List<PackageName> order,
      List<PackageName> path) {
    Boolean s = state.get(name);
    if (Boolean.TRUE.equals(s)) {
      return;
    }
    Unresolved u = byName.get(name);
    if (Boolean.FALSE.equals(s)) {
      List<String> cycle = new ArrayList<>();
      for (PackageName p : path.subList(path.indexOf(name), path.size())) {
        cycle.add(p.toString());
      }
      cycle.add(name.toString());
      throw new WitResolveException(
          u.decl().span(), "package dependency cycle: " + String.join(" -> ", cycle));
    }
    state.put(name, false);
    path.add(name);
    for (PackageName dep : PackageResolver.foreignPackages(u)) {
      PackageName local = localMatch(dep, byName);
      if (local != null && !local.equals(name)) {
        visit(local, byName, state, order, path);
      }
    }
    path.remove(path.size() - 1);
    state.put(name, true);
    order.add(name);
  }

  private static @Nullable PackageName localMatch(
      PackageName dep, Map<PackageName, Unresolved> byName) {
    if (byName.containsKey(dep)) {
      return dep;
    }
    if (dep.version().isEmpty()) {
      List<PackageName> any =
          byName.keySet().stream().filter(n -> n.unversioned().equals(dep.unversioned())).toList();
      if (any.size() == 1) {
        return any.get(0);
      }
    }
    return null;
  }

  /** For the package resolver: a package being resolved or already resolved. */
  Optional<WitPackage> resolved(PackageName name) {
    return pkg(name);
  }
}

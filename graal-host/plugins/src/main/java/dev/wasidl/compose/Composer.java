package dev.wasidl.compose;

import dev.wasidl.component.Alias;
import dev.wasidl.component.ComponentDef;
import dev.wasidl.component.ComponentException;
import dev.wasidl.component.DefType;
import dev.wasidl.component.Definition;
import dev.wasidl.component.Export;
import dev.wasidl.component.ExternType;
import dev.wasidl.component.Import;
import dev.wasidl.component.InstanceExpr;
import dev.wasidl.component.InstanceType;
import dev.wasidl.component.ResourceDef;
import dev.wasidl.component.Sort;
import dev.wasidl.component.SortIndex;
import dev.wasidl.component.TypeBound;
import dev.wasidl.component.binary.ComponentWriter;
import dev.wasidl.component.binary.TypeWriter;
import dev.wasidl.runtime.Semver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plugs components into an app, as {@code wac plug} does: each import of the app that a plugin
 * exports under the same name (or a semver-compatible one) is wired to that export; everything else
 * either imports becomes an import of the composition, merged by name (compatible 0.2.x versions
 * meet at the highest, as the Linker would serve them); the composition exports what the app
 * exports. The result nests the parts byte for byte:
 *
 * <pre>
 * (component
 *   (type (instance ...)) (import "wasi:io/streams@0.2.6" (instance (type ..)))   ; remaining imports,
 *   (alias export $streams "output-stream" (type)) ...                             ; dependencies first
 *   (component $plugin ...) (component $app ...)
 *   (instance $p (instantiate $plugin (with "..." (instance $imported)) ...))
 *   (alias export $p "wasi:keyvalue/store@0.2.0-draft2" (instance))
 *   (instance $a (instantiate $app (with "wasi:keyvalue/store@0.2.0-draft2" (instance ..)) ...))
 *   (alias export $a "test:kv-app/app@0.1.0" (instance)) (export "test:kv-app/app@0.1.0" ...))
 * </pre>
 *
 * The import types are re-encoded from the parts' decoded types; a type an import's instance type
 * uses from another import (a resource of wasi:io/streams in wasi:cli/stdout) is aliased from the
 * composition's import of that interface. Imports of one interface by several parts are merged into
 * one instance type declaring what any of them uses ({@code InstanceTypes.union}). The result is
 * validated by our decoder before it is returned.
 *
 * <p>Not supported (a clear {@link ComposeException}): core module imports, name attributes, and an
 * import left to the host whose type uses a type of an interface a plugin provides (it would have
 * to be imported after the plugin is instantiated). Plugins only serve the app, not each other.
 */
public final class Composer {
  /** Where an app import comes from: export {@code name} of plugin {@code plugin}. */
  private record Wire(int plugin, String name, Sort sort) {}

  /** An import of one part. */
  private record Need(Part part, Import imp) {}

  private final Part app;
  private final List<Part> plugins;
  private final ComponentWriter out = new ComponentWriter();
  private final Map<String, Wire> wires = new LinkedHashMap<>();

  /** Every import the composition serves, in order: the plugins', then the app's unwired ones. */
  private final List<Need> needs = new ArrayList<>();

  /** Import key -> the import the composition makes for it (the highest version). */
  private final Map<String, Need> merged = new LinkedHashMap<>();

  /** Import key -> the index of the composition's import, once written. */
  private final Map<String, Integer> imported = new HashMap<>();

  private final Set<String> importing = new HashSet<>();
  private final Map<Part, Map<Integer, Integer>> movedTypes = new HashMap<>();
  private final Map<String, Integer> aliasedTypes = new HashMap<>();

  private Composer(Part app, List<Part> plugins) {
    this.app = app;
    this.plugins = List.copyOf(plugins);
  }

  /**
   * Composes {@code plugins} into {@code app}.
   *
   * @throws ComposeException if a plugin is of no use to the app, two plugins export the same
   *     import, an export does not match the import it is wired to, imports cannot be merged, or a
   *     type cannot be moved
   */
  public static byte[] compose(Part app, List<Part> plugins) {
    if (plugins.isEmpty()) {
      throw new ComposeException("nothing to plug into " + app.label());
    }
    return new Composer(app, plugins).compose();
  }

  private byte[] compose() {
    plan();
    for (Part p : plugins) {
      p.model().imports().forEach(i -> needs.add(new Need(p, i)));
    }
    for (Import i : app.model().imports()) {
      if (!wires.containsKey(i.name().text())) {
        needs.add(new Need(app, i));
      }
    }
    for (Need n : needs) {
      merged.merge(ImportKey.of(n.imp().name()).key(), n, (a, b) -> newer(a, b) ? a : b);
    }
    for (Need n : needs) {
      importOf(n);
    }
    List<Integer> components = new ArrayList<>();
    for (Part p : plugins) {
      components.add(out.component(p.binary()));
    }
    int appComponent = out.component(app.binary());
    List<Integer> instances = new ArrayList<>();
    for (int i = 0; i < plugins.size(); i++) {
      List<InstanceExpr.Arg> args = new ArrayList<>();
      for (Import imp : plugins.get(i).model().imports()) {
        args.add(new InstanceExpr.Arg(imp.name().text(), importOf(new Need(plugins.get(i), imp))));
      }
      instances.add(out.instantiate(components.get(i), args));
    }
    List<InstanceExpr.Arg> args = new ArrayList<>();
    for (Import imp : app.model().imports()) {
      Wire w = wires.get(imp.name().text());
      SortIndex target =
          w == null
              ? importOf(new Need(app, imp))
              : new SortIndex(
                  w.sort(), out.aliasExport(w.sort(), instances.get(w.plugin()), w.name()));
      args.add(new InstanceExpr.Arg(imp.name().text(), target));
    }
    int appInstance = out.instantiate(appComponent, args);
    for (Export e : app.model().exports()) {
      Sort sort = e.target().sort();
      int index = out.aliasExport(sort, appInstance, e.name().text());
      out.export(e.name(), new SortIndex(sort, index));
    }
    byte[] binary = out.toByteArray();
    validate(binary);
    return binary;
  }

  /** Wires each app import to the one plugin exporting it. */
  private void plan() {
    for (int p = 0; p < plugins.size(); p++) {
      Part plugin = plugins.get(p);
      boolean used = false;
      for (Import imp : app.model().imports()) {
        Optional<Export> e = exportFor(plugin, imp);
        if (e.isEmpty()) {
          continue;
        }
        String name = imp.name().text();
        Wire earlier = wires.get(name);
        if (earlier != null) {
          throw new ComposeException(
              "both "
                  + plugins.get(earlier.plugin()).label()
                  + " ("
                  + earlier.name()
                  + ") and "
                  + plugin.label()
                  + " ("
                  + e.get().name().text()
                  + ") export "
                  + app.label()
                  + "'s import "
                  + name);
        }
        Sort sort = e.get().target().sort();
        if (sort != imp.type().sort()) {
          throw new ComposeException(
              plugin.label()
                  + "'s export "
                  + e.get().name().text()
                  + " is a "
                  + sort.specName()
                  + " but "
                  + app.label()
                  + "'s import "
                  + name
                  + " is a "
                  + imp.type().sort().specName());
        }
        wires.put(name, new Wire(p, e.get().name().text(), sort));
        used = true;
      }
      if (!used) {
        throw new ComposeException(
            plugin.label()
                + " exports nothing "
                + app.label()
                + " imports (it exports "
                + names(plugin.model().exports().stream().map(x -> x.name().text()).toList())
                + "; "
                + app.label()
                + " imports "
                + names(app.model().imports().stream().map(x -> x.name().text()).toList())
                + ")");
      }
    }
  }

  /** The plugin's export of {@code imp}'s name, or else of the newest compatible version. */
  private static Optional<Export> exportFor(Part plugin, Import imp) {
    Optional<Export> exact = plugin.model().exportNamed(imp.name().text());
    if (exact.isPresent()) {
      return exact;
    }
    ImportKey key = ImportKey.of(imp.name());
    return plugin.model().exports().stream()
        .filter(e -> ImportKey.of(e.name()).key().equals(key.key()))
        .max(Comparator.comparing(e -> ImportKey.of(e.name()).version().orElseThrow()));
  }

  private static boolean newer(Need a, Need b) {
    Optional<Semver> va = ImportKey.of(a.imp().name()).version();
    Optional<Semver> vb = ImportKey.of(b.imp().name()).version();
    return va.isEmpty() || vb.isEmpty() || va.get().compareTo(vb.get()) >= 0;
  }

  /** The composition's import serving {@code need}, written (after its dependencies) if new. */
  private SortIndex importOf(Need need) {
    String key = ImportKey.of(need.imp().name()).key();
    Need chosen = merged.get(key);
    Integer done = imported.get(key);
    if (done == null) {
      if (!importing.add(key)) {
        throw new ComposeException("the types of import " + key + " depend on themselves");
      }
      Optional<InstanceType> union = union(key, chosen);
      ExternType type =
          union.isPresent()
              ? new ExternType.Instance(out.type(union.get(), new TypeWriter(i -> i)))
              : moveExternType(chosen.part(), chosen.imp());
      done = out.importing(chosen.imp().name(), type);
      imported.put(key, done);
    }
    return new SortIndex(chosen.imp().type().sort(), done);
  }

  /**
   * For an instance import: the instance type declaring what any part importing {@code key} uses
   * (each part's import declares only what that part uses), {@code chosen}'s first.
   */
  private Optional<InstanceType> union(String key, Need chosen) {
    Optional<InstanceType> union = instanceType(chosen);
    for (Need n : needs) {
      if (union.isEmpty()) {
        break;
      }
      if (!n.equals(chosen) && ImportKey.of(n.imp().name()).key().equals(key)) {
        Optional<InstanceType> other = instanceType(n);
        if (other.isPresent()) {
          union = Optional.of(InstanceTypes.union(union.get(), other.get()));
        }
      }
    }
    return union;
  }

  /** The instance type of an instance import, its outer aliases moved into the composition. */
  private Optional<InstanceType> instanceType(Need need) {
    if (need.imp().type() instanceof ExternType.Instance i
        && need.part().model().indexSpace(Sort.TYPE).get(i.type()) instanceof InstanceType t) {
      return Optional.of(InstanceTypes.relocate(t, idx -> moveType(need.part(), idx)));
    }
    return Optional.empty();
  }

  private ExternType moveExternType(Part part, Import imp) {
    return switch (imp.type()) {
      case ExternType.Instance i -> new ExternType.Instance(moveType(part, i.type()));
      case ExternType.Func f -> new ExternType.Func(moveType(part, f.type()));
      case ExternType.Component c -> new ExternType.Component(moveType(part, c.type()));
      case ExternType.Type t ->
          switch (t.bound()) {
            case TypeBound.SubResource s -> t;
            case TypeBound.Eq eq ->
                new ExternType.Type(new TypeBound.Eq(moveType(part, eq.type())));
          };
      case ExternType.Module m ->
          throw new ComposeException(
              "import "
                  + imp.name().text()
                  + " of "
                  + part.label()
                  + " is a core module: not supported by wasidl compose");
    };
  }

  /** The index, in the composition, of type {@code index} of {@code part}. */
  private int moveType(Part part, int index) {
    Map<Integer, Integer> moved = movedTypes.computeIfAbsent(part, p -> new HashMap<>());
    Integer done = moved.get(index);
    if (done != null) {
      return done;
    }
    Definition def = part.model().indexSpace(Sort.TYPE).get(index);
    int result =
        switch (def) {
          case Alias.InstanceExport e -> aliasType(part, e);
          case ResourceDef r -> throw cannotMove(part, index, "a resource it defines");
          case DefType t -> out.type(t, new TypeWriter(i -> moveType(part, i)));
          default -> throw cannotMove(part, index, def.getClass().getSimpleName());
        };
    moved.put(index, result);
    return result;
  }

  /** A type an import exports, aliased from the composition's import of the same interface. */
  private int aliasType(Part part, Alias.InstanceExport e) {
    Definition inst = part.model().indexSpace(Sort.INSTANCE).get(e.instance());
    if (!(inst instanceof Import imp)) {
      throw cannotMove(part, -1, "type " + e.name() + " of an instance it creates");
    }
    Wire wire = part == app ? wires.get(imp.name().text()) : null;
    if (wire != null) {
      throw new ComposeException(
          "an import of "
              + app.label()
              + " left to the host uses type "
              + e.name()
              + " of "
              + imp.name().text()
              + ", which "
              + plugins.get(wire.plugin()).label()
              + " provides: not supported by wasidl compose");
    }
    int instance = importOf(new Need(part, imp)).index();
    return aliasedTypes.computeIfAbsent(
        instance + "/" + e.name(), k -> out.aliasExport(Sort.TYPE, instance, e.name()));
  }

  private static ComposeException cannotMove(Part part, int index, String what) {
    return new ComposeException(
        "an import of "
            + part.label()
            + " uses "
            + (index >= 0 ? "type " + index + " (" + what + ")" : what)
            + ": not supported by wasidl compose");
  }

  /** Decodes the result; a mismatch is reported with the names of the parts involved. */
  private void validate(byte[] binary) {
    try {
      ComponentDef.decode(binary);
    } catch (ComponentException e) {
      String message = e.getMessage();
      for (var w : wires.entrySet()) {
        if (message.contains("instantiation argument `" + w.getKey() + "`")) {
          throw new ComposeException(
              plugins.get(w.getValue().plugin()).label()
                  + "'s export "
                  + w.getValue().name()
                  + " does not match "
                  + app.label()
                  + "'s import "
                  + w.getKey()
                  + ": "
                  + message,
              e);
        }
      }
      for (Need n : needs) {
        Need chosen = merged.get(ImportKey.of(n.imp().name()).key());
        String name = n.imp().name().text();
        if (!chosen.equals(n) && message.contains("instantiation argument `" + name + "`")) {
          throw new ComposeException(
              "cannot merge "
                  + n.part().label()
                  + "'s import "
                  + name
                  + " into "
                  + chosen.part().label()
                  + "'s import "
                  + chosen.imp().name().text()
                  + ": "
                  + message,
              e);
        }
      }
      throw new ComposeException(
          "the composition of "
              + names(plugins.stream().map(Part::label).toList())
              + " into "
              + app.label()
              + " is not valid: "
              + message,
          e);
    }
  }

  private static String names(List<String> names) {
    return names.isEmpty() ? "nothing" : String.join(", ", names);
  }
}

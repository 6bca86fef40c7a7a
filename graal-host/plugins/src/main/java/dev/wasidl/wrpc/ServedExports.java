package dev.wasidl.wrpc;

import dev.wasidl.component.Export;
import dev.wasidl.component.Sort;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Func;
import dev.wasidl.runtime.Instance;
import dev.wasidl.types.BorrowType;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.ListType;
import dev.wasidl.types.OptionType;
import dev.wasidl.types.OwnType;
import dev.wasidl.types.RecordType;
import dev.wasidl.types.ResourceType;
import dev.wasidl.types.ResultType;
import dev.wasidl.types.TupleType;
import dev.wasidl.types.Type;
import dev.wasidl.types.TypeResolver;
import dev.wasidl.types.VariantType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The functions a plugin instance serves, by (instance, wire name): each function of each exported
 * interface (instance = the export name, e.g. {@code wasi:keyvalue/store@0.2.0-draft2}), each root
 * function (instance {@code ""}), and a drop for each resource type those functions hand out.
 */
final class ServedExports {
  private final Map<String, Map<String, ServedFunc>> byInstance = new LinkedHashMap<>();

  ServedExports(Component component, Instance instance) {
    TypeResolver resolver = TypeResolver.of(component.model());
    for (Export e : component.model().exports()) {
      String name = e.name().text();
      if (e.target().sort() == Sort.FUNC) {
        instance.func(name).ifPresent(f -> add("", name, f, Map.of()));
      } else if (e.target().sort() == Sort.INSTANCE) {
        TypeResolver scope = resolver.instance(e.target().index());
        // The runtime's resource types carry generated names: the WIT names come from the
        // interface's type exports (ResourceTypes are compared by identity), matched through
        // the functions' signatures.
        Map<ResourceType, String> witNames = new HashMap<>();
        scope
            .exports()
            .forEach(
                (item, sort) -> {
                  if (sort == Sort.TYPE
                      && scope.exportedTypeOrResource(item) instanceof ResourceType r) {
                    witNames.put(r, item);
                  }
                });
        Map<ResourceType, String> runtimeNames = new HashMap<>();
        scope
            .exports()
            .forEach(
                (fn, sort) -> {
                  if (sort == Sort.FUNC) {
                    instance
                        .func(name, fn)
                        .ifPresent(
                            f -> pair(scope.exportedFunc(fn), f.type(), witNames, runtimeNames));
                  }
                });
        scope
            .exports()
            .forEach(
                (fn, sort) -> {
                  if (sort == Sort.FUNC) {
                    instance.func(name, fn).ifPresent(f -> add(name, fn, f, runtimeNames));
                  }
                });
      }
    }
  }

  /** Pairs the resource types of two resolutions of one signature, naming the runtime's. */
  private static void pair(
      FuncType wit,
      FuncType runtime,
      Map<ResourceType, String> witNames,
      Map<ResourceType, String> out) {
    for (int i = 0; i < Math.min(wit.params().size(), runtime.params().size()); i++) {
      pair(wit.paramTypes().get(i), runtime.paramTypes().get(i), witNames, out);
    }
    if (wit.result().isPresent() && runtime.result().isPresent()) {
      pair(wit.result().get(), runtime.result().get(), witNames, out);
    }
  }

  private static void pair(
      Type wit, Type runtime, Map<ResourceType, String> witNames, Map<ResourceType, String> out) {
    switch (wit) {
      case OwnType o when runtime instanceof OwnType r ->
          name(o.resource(), r.resource(), witNames, out);
      case BorrowType b when runtime instanceof BorrowType r ->
          name(b.resource(), r.resource(), witNames, out);
      case ListType l when runtime instanceof ListType r ->
          pair(l.element(), r.element(), witNames, out);
      case OptionType o when runtime instanceof OptionType r ->
          pair(o.type(), r.type(), witNames, out);
      case ResultType w when runtime instanceof ResultType r -> {
        if (w.ok().isPresent() && r.ok().isPresent()) {
          pair(w.ok().get(), r.ok().get(), witNames, out);
        }
        if (w.error().isPresent() && r.error().isPresent()) {
          pair(w.error().get(), r.error().get(), witNames, out);
        }
      }
      case RecordType w when runtime instanceof RecordType r ->
          pairAll(w.types(), r.types(), witNames, out);
      case TupleType w when runtime instanceof TupleType r ->
          pairAll(w.types(), r.types(), witNames, out);
      case VariantType w when runtime instanceof VariantType r -> {
        for (int i = 0; i < Math.min(w.cases().size(), r.cases().size()); i++) {
          if (w.cases().get(i).type().isPresent() && r.cases().get(i).type().isPresent()) {
            pair(w.cases().get(i).type().get(), r.cases().get(i).type().get(), witNames, out);
          }
        }
      }
      default -> {}
    }
  }

  private static void pairAll(
      List<Type> wit,
      List<Type> runtime,
      Map<ResourceType, String> witNames,
      Map<ResourceType, String> out) {
    for (int i = 0; i < Math.min(wit.size(), runtime.size()); i++) {
      pair(wit.get(i), runtime.get(i), witNames, out);
    }
  }

  private static void name(
      ResourceType wit,
      ResourceType runtime,
      Map<ResourceType, String> witNames,
      Map<ResourceType, String> out) {
    String n = witNames.get(wit);
    if (n != null) {
      out.putIfAbsent(runtime, n);
    }
  }

  private void add(String iface, String name, Func f, Map<ResourceType, String> names) {
    Map<String, ServedFunc> funcs = byInstance.computeIfAbsent(iface, k -> new LinkedHashMap<>());
    funcs.put(WireNames.of(name), new ServedFunc.Call(f));
    for (Type t : f.type().paramTypes()) {
      resources(t, funcs, names);
    }
    f.type().result().ifPresent(t -> resources(t, funcs, names));
  }

  private static void resources(
      Type t, Map<String, ServedFunc> funcs, Map<ResourceType, String> names) {
    switch (t) {
      case OwnType o -> drop(o.resource(), funcs, names);
      case BorrowType b -> drop(b.resource(), funcs, names);
      case ListType l -> resources(l.element(), funcs, names);
      case OptionType o -> resources(o.type(), funcs, names);
      case ResultType r -> {
        r.ok().ifPresent(x -> resources(x, funcs, names));
        r.error().ifPresent(x -> resources(x, funcs, names));
      }
      case RecordType r -> r.types().forEach(x -> resources(x, funcs, names));
      case TupleType x -> x.types().forEach(y -> resources(y, funcs, names));
      case VariantType v ->
          v.cases().forEach(c -> c.type().ifPresent(x -> resources(x, funcs, names)));
      default -> {}
    }
  }

  private static void drop(
      ResourceType r, Map<String, ServedFunc> funcs, Map<ResourceType, String> names) {
    funcs.putIfAbsent(WireNames.drop(names.getOrDefault(r, r.name())), new ServedFunc.Drop(r));
  }

  Optional<ServedFunc> lookup(String instance, String name) {
    return Optional.ofNullable(byInstance.getOrDefault(instance, Map.of()).get(name));
  }

  /** {@code instance#name} for every function served, for the log. */
  List<String> names() {
    return byInstance.entrySet().stream()
        .flatMap(e -> e.getValue().keySet().stream().map(n -> e.getKey() + "#" + n))
        .toList();
  }
}

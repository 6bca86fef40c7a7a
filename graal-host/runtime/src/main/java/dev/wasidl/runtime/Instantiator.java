package dev.wasidl.runtime;

import dev.wasidl.abi.Destructor;
import dev.wasidl.abi.Trap;
import dev.wasidl.component.Alias;
import dev.wasidl.component.BorrowDef;
import dev.wasidl.component.CanonOptions;
import dev.wasidl.component.CanonicalFunction;
import dev.wasidl.component.ComponentDef;
import dev.wasidl.component.ComponentType;
import dev.wasidl.component.CoreInstance;
import dev.wasidl.component.CoreModule;
import dev.wasidl.component.CoreType;
import dev.wasidl.component.Decl;
import dev.wasidl.component.DefType;
import dev.wasidl.component.DefValType;
import dev.wasidl.component.Definition;
import dev.wasidl.component.EnumDef;
import dev.wasidl.component.Export;
import dev.wasidl.component.ExportDecl;
import dev.wasidl.component.ExternType;
import dev.wasidl.component.FlagsDef;
import dev.wasidl.component.FuncDef;
import dev.wasidl.component.Import;
import dev.wasidl.component.InstanceExpr;
import dev.wasidl.component.InstanceType;
import dev.wasidl.component.ListDef;
import dev.wasidl.component.OptionDef;
import dev.wasidl.component.OwnDef;
import dev.wasidl.component.PrimValType;
import dev.wasidl.component.RecordDef;
import dev.wasidl.component.ResourceDef;
import dev.wasidl.component.ResultDef;
import dev.wasidl.component.Sort;
import dev.wasidl.component.SortIndex;
import dev.wasidl.component.Start;
import dev.wasidl.component.TupleDef;
import dev.wasidl.component.TypeBound;
import dev.wasidl.component.TypeIndex;
import dev.wasidl.component.ValType;
import dev.wasidl.component.VariantDef;
import dev.wasidl.graal.Extern;
import dev.wasidl.graal.GraalFunction;
import dev.wasidl.graal.GraalInstance;
import dev.wasidl.graal.GraalMemory;
import dev.wasidl.graal.GraalStore;
import dev.wasidl.graal.HostFunctionClass;
import dev.wasidl.graal.Imports;
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
import dev.wasidl.types.VariantType;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Instantiates a component: evaluates its definitions in binary order, as the Explainer's
 * instantiation semantics do, filling one runtime index space per sort. Core modules run on
 * GraalWasm in one store; canon lift and lower connect them through the canonical ABI; imports come
 * from the {@link Linker} at the root and from instantiation arguments in nested components.
 */
final class Instantiator {
  private final Linker linker;
  private final Component component;
  private final @Nullable GraalStore store; // null when only checking imports
  private final @Nullable Object data;
  // the destructors of the resource types this instantiation defines, for host-side drops
  private final Map<ResourceType, Destructor> destructors = new java.util.HashMap<>();
  // the runtime state of each component instance (the root and nested ones), closed with it
  private final java.util.List<InstanceState> states = new java.util.ArrayList<>();
  // core instances this instantiation made, nested components' included (Linker.maxInstances)
  private int coreInstances;

  private Instantiator(
      Linker linker, Component component, @Nullable GraalStore store, @Nullable Object data) {
    this.linker = linker;
    this.component = component;
    this.store = store;
    this.data = data;
  }

  static Instance instantiate(Linker linker, Component component, @Nullable Object data) {
    GraalStore store = linker.runtime().newStore();
    Deadline deadline = Deadline.of(store, component.name(), linker.callTimeout());
    long armed = deadline == null ? 0 : deadline.arm(null);
    try {
      Instantiator in = new Instantiator(linker, component, store, data);
      Map<String, Item> exports =
          in.run(component.model(), new Scope(null), null, component.name());
      return new Instance(component.name(), exports, store, in.destructors, in.states);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    } finally {
      if (deadline != null) {
        deadline.disarm(armed);
        deadline.close();
      }
    }
  }

  /**
   * Checks the root component's imports against the linker as instantiation does (the same code, so
   * the same messages), without a store: it evaluates the definitions up to the first one that
   * needs running code (a core instance, a canonical function, a nested instance, a resource type
   * with its destructor, an export). Components put their imports first, so in practice every
   * import is checked; one after that point is checked when an instance is made.
   *
   * @throws UnlinkableException for the first import that is missing or of another type
   */
  static void checkImports(Linker linker, Component component) {
    Instantiator in = new Instantiator(linker, component, null, null);
    Scope scope = new Scope(null);
    InstanceState state = new InstanceState(component.name(), Set.of(), null, linker, null);
    for (Definition d : component.model().definitions()) {
      switch (d) {
        case CoreModule m ->
            scope.push(
                Sort.CORE_MODULE,
                new Item.CoreModuleItem(m, component.module(m, linker.limitsCap())));
        case CoreType ct -> scope.push(Sort.CORE_TYPE, new Item.CoreTypeItem(ct));
        case ComponentDef c -> scope.push(Sort.COMPONENT, new Item.ComponentItem(c, scope));
        case DefValType t -> in.defineType(scope, t, Map.of(), state);
        case FuncDef t -> in.defineType(scope, t, Map.of(), state);
        case ComponentType t -> in.defineType(scope, t, Map.of(), state);
        case InstanceType t -> in.defineType(scope, t, Map.of(), state);
        case Alias.Outer a -> alias(scope, a);
        case Alias.InstanceExport a -> alias(scope, a);
        case Import imp -> scope.push(imp.type().sort(), in.importItem(scope, imp, null, state));
        default -> {
          return; // the rest needs a store: instantiation checks it
        }
      }
    }
  }

  /**
   * Evaluates one component's definitions.
   *
   * @param args the instantiation arguments of a nested component; null at the root (the linker
   *     supplies imports)
   */
  private Map<String, Item> run(
      ComponentDef model, Scope scope, @Nullable Map<String, Item> args, String name) {
    // Resource types this component defines get fresh identities per instance, known up front so
    // the handle table can tell them apart.
    IdentityHashMap<ResourceDef, ResourceType> defined = new IdentityHashMap<>();
    Set<ResourceType> identities = new LinkedHashSet<>();
    for (Definition d : model.definitions()) {
      if (d instanceof ResourceDef r) {
        ResourceType t = ResourceType.guest(name + "#resource" + defined.size());
        defined.put(r, t);
        identities.add(t);
      }
    }
    InstanceState state = new InstanceState(name, identities, data, linker, store);
    states.add(state);
    Map<String, Item> exports = new LinkedHashMap<>();
    for (Definition d : model.definitions()) {
      switch (d) {
        case CoreModule m ->
            scope.push(
                Sort.CORE_MODULE,
                new Item.CoreModuleItem(m, component.module(m, linker.limitsCap())));
        case CoreInstance ci -> scope.push(Sort.CORE_INSTANCE, coreInstance(scope, ci));
        case CoreType ct -> scope.push(Sort.CORE_TYPE, new Item.CoreTypeItem(ct));
        case ComponentDef c -> scope.push(Sort.COMPONENT, new Item.ComponentItem(c, scope));
        case InstanceExpr i -> scope.push(Sort.INSTANCE, instance(scope, i, name));
        case Alias a -> alias(scope, a);
        case DefType t -> defineType(scope, t, defined, state);
        case CanonicalFunction c -> canon(scope, c, state, name);
        case Start s ->
            throw new UnlinkableException("component start functions are not supported");
        case Import imp -> scope.push(imp.type().sort(), importItem(scope, imp, args, state));
        case Export e -> {
          Item item = scope.get(e.target().sort(), e.target().index());
          exports.put(e.name().text(), item);
          scope.push(e.target().sort(), item);
        }
      }
    }
    return exports;
  }

  // Core instances

  private Item.CoreInstance coreInstance(Scope scope, CoreInstance ci) {
    return switch (ci) {
      case CoreInstance.Instantiate i -> {
        if (++coreInstances > linker.maxInstances()) {
          throw new Trap(
              "instantiation of "
                  + component.name()
                  + " makes more than "
                  + linker.maxInstances()
                  + " core instances (Linker.maxInstances; wasidl run -W max-instances=)");
        }
        Item.CoreModuleItem module =
            scope.get(Sort.CORE_MODULE, i.module(), Item.CoreModuleItem.class);
        Imports.Builder imports = Imports.builder();
        for (CoreInstance.Arg arg : i.args()) {
          Item.CoreInstance from =
              scope.get(Sort.CORE_INSTANCE, arg.instance(), Item.CoreInstance.class);
          from.exports().forEach((n, extern) -> imports.define(arg.name(), n, extern));
        }
        GraalInstance instance =
            java.util.Objects.requireNonNull(store, "a store")
                .instantiate(module.module(), imports.build());
        Map<String, Extern> exports = new LinkedHashMap<>();
        for (String n : instance.exportNames()) {
          instance.export(n).ifPresent(x -> exports.put(n, x));
        }
        yield new Item.CoreInstance(exports);
      }
      case CoreInstance.FromExports f -> {
        Map<String, Extern> exports = new LinkedHashMap<>();
        for (CoreInstance.Export e : f.exports()) {
          exports.put(e.name(), coreExtern(scope, e.target()));
        }
        yield new Item.CoreInstance(exports);
      }
    };
  }

  private static Extern coreExtern(Scope scope, SortIndex target) {
    return scope.get(target.sort(), target.index(), Item.CoreExtern.class).extern();
  }

  // Component instances

  private Item.Instance instance(Scope scope, InstanceExpr i, String parent) {
    return switch (i) {
      case InstanceExpr.Instantiate inst -> {
        Item.ComponentItem c =
            scope.get(Sort.COMPONENT, inst.component(), Item.ComponentItem.class);
        Map<String, Item> args = new LinkedHashMap<>();
        for (InstanceExpr.Arg arg : inst.args()) {
          args.put(arg.name(), scope.get(arg.target().sort(), arg.target().index()));
        }
        String name = parent + "/component" + inst.component();
        yield new Item.Instance(run(c.model(), new Scope(c.scope()), args, name));
      }
      case InstanceExpr.FromExports f -> {
        Map<String, Item> exports = new LinkedHashMap<>();
        for (InstanceExpr.Export e : f.exports()) {
          exports.put(e.name().text(), scope.get(e.target().sort(), e.target().index()));
        }
        yield new Item.Instance(exports);
      }
    };
  }

  // Aliases

  private static void alias(Scope scope, Alias a) {
    switch (a) {
      case Alias.InstanceExport e -> {
        Item.Instance inst = scope.get(Sort.INSTANCE, e.instance(), Item.Instance.class);
        Item item = inst.exports().get(e.name());
        if (item == null) {
          throw new UnlinkableException("instance " + e.instance() + " has no export " + e.name());
        }
        scope.push(e.sort(), item);
      }
      case Alias.CoreInstanceExport e -> {
        Item.CoreInstance inst =
            scope.get(Sort.CORE_INSTANCE, e.instance(), Item.CoreInstance.class);
        Extern extern = inst.exports().get(e.name());
        if (extern == null) {
          throw new UnlinkableException(
              "core instance " + e.instance() + " has no export " + e.name());
        }
        scope.push(e.sort(), new Item.CoreExtern(extern));
      }
      case Alias.Outer o -> scope.push(o.sort(), scope.outer(o.count()).get(o.sort(), o.index()));
    }
  }

  // Types

  private void defineType(
      Scope scope,
      DefType t,
      Map<ResourceDef, ResourceType> defined,
      @Nullable InstanceState definer) {
    scope.push(
        Sort.TYPE,
        switch (t) {
          case DefValType v -> new Item.ValueType(valueType(scope, v));
          case FuncDef f -> new Item.FuncTypeItem(funcType(scope, f));
          case ResourceDef r -> {
            ResourceType type = defined.get(r);
            if (type == null) {
              throw new UnlinkableException("a resource type may only be defined in a component");
            }
            Destructor dtor = Destructor.NONE;
            if (r.destructor().isPresent()) {
              Extern fn =
                  scope
                      .get(Sort.CORE_FUNC, r.destructor().getAsInt(), Item.CoreExtern.class)
                      .extern();
              if (!(fn instanceof GraalFunction g)) {
                throw new UnlinkableException(
                    "the destructor of " + type + " is not a core function of an instance");
              }
              dtor = rep -> g.call(rep);
            }
            destructors.put(type, dtor);
            yield new Item.Resource(type, dtor, definer);
          }
          case ComponentType c -> new Item.InterfaceType(c, scope);
          case InstanceType i -> new Item.InterfaceType(i, scope);
        });
  }

  private static Type valType(Scope scope, ValType t) {
    return switch (t) {
      case PrimValType p -> primitive(p);
      case TypeIndex i -> {
        Item item = scope.get(Sort.TYPE, i.index());
        if (!(item instanceof Item.ValueType v)) {
          throw new UnlinkableException("type " + i.index() + " is not a value type: " + item);
        }
        yield v.type();
      }
    };
  }

  private static Primitive primitive(PrimValType p) {
    return Primitive.valueOf(p.name());
  }

  private static Type valueType(Scope scope, DefValType t) {
    return switch (t) {
      case PrimValType p -> primitive(p);
      case RecordDef r ->
          new RecordType(
              r.fields().stream()
                  .map(f -> new RecordType.Field(f.label(), valType(scope, f.type())))
                  .toList());
      case VariantDef v ->
          new VariantType(
              v.cases().stream()
                  .map(c -> new VariantType.Case(c.label(), c.type().map(x -> valType(scope, x))))
                  .toList());
      case ListDef l -> new ListType(valType(scope, l.element()));
      case TupleDef tt -> new TupleType(tt.types().stream().map(x -> valType(scope, x)).toList());
      case FlagsDef f -> new FlagsType(f.labels());
      case EnumDef e -> new EnumType(e.labels());
      case OptionDef o -> new OptionType(valType(scope, o.type()));
      case ResultDef r ->
          new ResultType(r.ok().map(x -> valType(scope, x)), r.error().map(x -> valType(scope, x)));
      case OwnDef o -> new OwnType(resource(scope, o.resource()));
      case BorrowDef b -> new BorrowType(resource(scope, b.resource()));
    };
  }

  private static ResourceType resource(Scope scope, int index) {
    return scope.get(Sort.TYPE, index, Item.Resource.class).type();
  }

  private static FuncType funcType(Scope scope, FuncDef f) {
    return new FuncType(
        f.params().stream()
            .map(p -> new FuncType.Param(p.label(), valType(scope, p.type())))
            .toList(),
        f.result().map(r -> valType(scope, r)));
  }

  // Canonical definitions

  private void canon(Scope scope, CanonicalFunction c, InstanceState state, String name) {
    switch (c) {
      case CanonicalFunction.Lift l -> {
        Extern core = scope.get(Sort.CORE_FUNC, l.coreFunc(), Item.CoreExtern.class).extern();
        if (!(core instanceof GraalFunction f)) {
          throw new UnlinkableException(
              "canon lift of core func " + l.coreFunc() + ": not a function of a core instance");
        }
        FuncType type = scope.get(Sort.TYPE, l.type(), Item.FuncTypeItem.class).type();
        scope.push(
            Sort.FUNC,
            new Item.Func(
                new Lifted(name + "#" + f.name(), type, f, opts(scope, l.options()), state)));
      }
      case CanonicalFunction.Lower l -> {
        ComponentFunc callee = scope.get(Sort.FUNC, l.func(), Item.Func.class).func();
        CanonOpts opts = opts(scope, l.options());
        Extern adapted =
            callee instanceof HostFuncItem h && h.adapter() != null
                ? state.adapters().function(h.adapter(), h.member(), h, opts)
                : null;
        scope.push(
            Sort.CORE_FUNC,
            new Item.CoreExtern(adapted != null ? adapted : Lowered.of(callee, opts, state)));
      }
      case CanonicalFunction.ResourceNew r ->
          scope.push(
              Sort.CORE_FUNC,
              new Item.CoreExtern(
                  ResourceBuiltins.resourceNew(
                      state, scope.get(Sort.TYPE, r.resource(), Item.Resource.class))));
      case CanonicalFunction.ResourceDrop r -> {
        Item.Resource type = scope.get(Sort.TYPE, r.resource(), Item.Resource.class);
        Extern adapted =
            type.adapter() != null ? state.adapters().drop(type.adapter(), type.type()) : null;
        scope.push(
            Sort.CORE_FUNC,
            new Item.CoreExtern(
                adapted != null ? adapted : ResourceBuiltins.resourceDrop(state, type)));
      }
      case CanonicalFunction.ResourceRep r ->
          scope.push(
              Sort.CORE_FUNC,
              new Item.CoreExtern(
                  ResourceBuiltins.resourceRep(
                      state, scope.get(Sort.TYPE, r.resource(), Item.Resource.class))));
    }
  }

  private static CanonOpts opts(Scope scope, CanonOptions o) {
    GraalMemory memory = null;
    if (o.memory().isPresent()) {
      Extern m = coreExtern(scope, new SortIndex(Sort.CORE_MEMORY, o.memory().getAsInt()));
      if (!(m instanceof GraalMemory gm)) {
        throw new UnlinkableException(
            "canon option memory " + o.memory().getAsInt() + " is not an instance's memory");
      }
      memory = gm;
    }
    return new CanonOpts(
        o.stringEncoding(),
        memory,
        function(scope, o.realloc(), "realloc"),
        function(scope, o.postReturn(), "post-return"));
  }

  private static @Nullable GraalFunction function(
      Scope scope, java.util.OptionalInt index, String what) {
    if (index.isEmpty()) {
      return null;
    }
    Extern f = coreExtern(scope, new SortIndex(Sort.CORE_FUNC, index.getAsInt()));
    if (!(f instanceof GraalFunction g)) {
      throw new UnlinkableException("canon option " + what + " is not a core instance's function");
    }
    return g;
  }

  // Imports

  private Item importItem(
      Scope scope, Import imp, @Nullable Map<String, Item> args, InstanceState state) {
    String name = imp.name().text();
    if (args != null) {
      Item given = args.get(name);
      if (given == null) {
        throw new UnlinkableException("nested component import " + name + " was not given");
      }
      return given;
    }
    return switch (imp.type()) {
      case ExternType.Instance i -> {
        Item.InterfaceType it = scope.get(Sort.TYPE, i.type(), Item.InterfaceType.class);
        if (!(it.type() instanceof InstanceType type)) {
          throw new UnlinkableException("import " + name + " is not typed by an instance type");
        }
        Optional<Linker.Plugged> plugged = linker.lookupPlugged(imp.name());
        if (plugged.isPresent()) {
          Item.Instance given = pluggedInstance(name, type, it.scope(), plugged.get());
          for (Item item : given.exports().values()) {
            if (item instanceof Item.Resource r) {
              state.importForeign(r);
            }
          }
          yield given;
        }
        Optional<LinkerInstance> host = linker.lookup(imp.name());
        if (host.isEmpty() && !linker.unknownImportsTrap()) {
          throw new UnlinkableException(
              "missing import: instance " + name + " is not defined in the linker");
        }
        yield hostInstance(name, type, it.scope(), host.orElse(null), state);
      }
      case ExternType.Func f -> {
        FuncType type = scope.get(Sort.TYPE, f.type(), Item.FuncTypeItem.class).type();
        yield new Item.Func(
            new HostFuncItem(
                name,
                type,
                hostFunc(name, linker.rootFunc(name), type),
                state,
                lowering(linker.rootFunc(name)),
                null));
      }
      case ExternType.Type t ->
          switch (t.bound()) {
            case TypeBound.Eq eq -> scope.get(Sort.TYPE, eq.type());
            case TypeBound.SubResource s ->
                throw new UnlinkableException(
                    "root resource type import " + name + " is not supported");
          };
      case ExternType.Module m ->
          throw new UnlinkableException("core module import " + name + " is not supported");
      case ExternType.Component c ->
          throw new UnlinkableException("component import " + name + " is not supported");
    };
  }

  /**
   * The adapter of {@code host} serving {@code member} (or, for null, any of its drops), if the
   * linker uses compiled lowerings: adapters are compiled paths, tested against the host's own.
   */
  private @Nullable HostAdapter adapter(@Nullable LinkerInstance host, @Nullable String member) {
    if (host == null || host.adapter() == null || !linker.compiledLowerings()) {
      return null;
    }
    HostAdapter a = host.adapter();
    return member == null || a.placement(member) != null ? a : null;
  }

  /** The definition's compiled lowering, if it has one and the linker uses them. */
  private @Nullable HostFunctionClass lowering(Optional<HostFuncDef> defined) {
    return linker.compiledLowerings() ? defined.map(HostFuncDef::lowering).orElse(null) : null;
  }

  private HostFunc hostFunc(String name, Optional<HostFuncDef> defined, FuncType imported) {
    if (defined.isPresent()) {
      Optional<FuncType> hostType = defined.get().type();
      if (hostType.isPresent() && !HostTypes.matches(imported, hostType.get())) {
        throw new UnlinkableException(
            "import "
                + name
                + " has type "
                + imported
                + " but the host defines it as "
                + hostType.get());
      }
      return defined.get().func();
    }
    if (linker.unknownImportsTrap()) {
      return (cx, a) -> {
        throw new Trap("called the undefined import " + name);
      };
    }
    throw new UnlinkableException(
        "missing import: function " + name + " is not defined in the linker");
  }

  /**
   * The exports of a plugged instance that an import of instance type {@code type} asks for: the
   * plugin's own items (its lifted functions, its resource types), as a nested instantiation
   * argument passes them, after checking each against the declared type. The import's resource
   * types are the plugin's, so its function types resolve to the plugin's and compare exactly.
   */
  private Item.Instance pluggedInstance(
      String name, InstanceType type, Scope typeScope, Linker.Plugged plugged) {
    Scope local = new Scope(typeScope);
    Map<String, Item> exports = new LinkedHashMap<>();
    for (Decl decl : type.decls()) {
      switch (decl) {
        case CoreType ct -> local.push(Sort.CORE_TYPE, new Item.CoreTypeItem(ct));
        case DefType t -> defineType(local, t, Map.of(), null);
        case Alias a -> alias(local, a);
        case Import i ->
            throw new UnlinkableException("an instance type cannot import (" + name + ")");
        case ExportDecl e -> {
          String member = e.name().text();
          Item given = plugged.exports().exports().get(member);
          if (given == null) {
            throw new UnlinkableException(
                "import " + name + " needs " + member + ", which " + plugged.describe() + " lacks");
          }
          Item item =
              switch (e.type()) {
                case ExternType.Func f -> {
                  FuncType ft = local.get(Sort.TYPE, f.type(), Item.FuncTypeItem.class).type();
                  if (!(given instanceof Item.Func g) || !HostTypes.matches(ft, g.func().type())) {
                    throw new UnlinkableException(
                        "import "
                            + name
                            + "#"
                            + member
                            + " has type "
                            + ft
                            + " but "
                            + plugged.describe()
                            + " exports "
                            + describe(given));
                  }
                  yield given;
                }
                case ExternType.Type t ->
                    switch (t.bound()) {
                      case TypeBound.Eq eq -> local.get(Sort.TYPE, eq.type());
                      case TypeBound.SubResource s -> {
                        if (!(given instanceof Item.Resource)) {
                          throw new UnlinkableException(
                              "import "
                                  + name
                                  + " needs resource type "
                                  + member
                                  + " but "
                                  + plugged.describe()
                                  + " exports "
                                  + describe(given));
                        }
                        yield given;
                      }
                    };
                default -> {
                  if (e.type().sort() != sortOf(given)) {
                    throw new UnlinkableException(
                        "import " + name + " needs " + e.type().sort() + " " + member);
                  }
                  yield given;
                }
              };
          local.push(e.type().sort(), item);
          exports.put(member, item);
        }
      }
    }
    return new Item.Instance(exports);
  }

  private static String describe(Item item) {
    return switch (item) {
      case Item.Func f -> "a function of type " + f.func().type();
      case Item.Resource r -> "resource type " + r.type();
      default -> item.getClass().getSimpleName();
    };
  }

  private static @Nullable Sort sortOf(Item item) {
    return switch (item) {
      case Item.Func f -> Sort.FUNC;
      case Item.Instance i -> Sort.INSTANCE;
      case Item.ComponentItem c -> Sort.COMPONENT;
      default -> null;
    };
  }

  /** The instance a host interface provides, shaped by the instance type the component declares. */
  private Item.Instance hostInstance(
      String name,
      InstanceType type,
      Scope typeScope,
      @Nullable LinkerInstance host,
      InstanceState state) {
    Scope local = new Scope(typeScope);
    Map<String, Item> exports = new LinkedHashMap<>();
    for (Decl decl : type.decls()) {
      switch (decl) {
        case CoreType ct -> local.push(Sort.CORE_TYPE, new Item.CoreTypeItem(ct));
        case DefType t -> defineType(local, t, Map.of(), null);
        case Alias a -> alias(local, a);
        case Import i ->
            throw new UnlinkableException("an instance type cannot import (" + name + ")");
        case ExportDecl e -> {
          String member = e.name().text();
          Item item =
              switch (e.type()) {
                case ExternType.Func f -> {
                  FuncType ft = local.get(Sort.TYPE, f.type(), Item.FuncTypeItem.class).type();
                  Optional<HostFuncDef> fn = host == null ? Optional.empty() : host.func(member);
                  yield new Item.Func(
                      new HostFuncItem(
                          name + "#" + member,
                          ft,
                          hostFunc(name + "#" + member, fn, ft),
                          state,
                          lowering(fn),
                          adapter(host, member)));
                }
                case ExternType.Type t ->
                    switch (t.bound()) {
                      case TypeBound.Eq eq -> local.get(Sort.TYPE, eq.type());
                      case TypeBound.SubResource s -> {
                        Optional<LinkerInstance.HostResource> r =
                            host == null ? Optional.empty() : host.resource(member);
                        if (r.isPresent()) {
                          HostDrop drop = r.get().drop();
                          HostAdapter a = adapter(host, null);
                          yield new Item.Resource(
                              r.get().type(),
                              rep -> drop.drop(state, rep),
                              null,
                              a != null && a.drops().containsKey(r.get().type()) ? a : null);
                        }
                        if (!linker.unknownImportsTrap()) {
                          throw new UnlinkableException(
                              "missing import: " + name + " defines no resource " + member);
                        }
                        yield new Item.Resource(
                            ResourceType.imported(name + "#" + member), Destructor.NONE);
                      }
                    };
                default ->
                    throw new UnlinkableException(
                        "import "
                            + name
                            + " exports "
                            + e.type().sort()
                            + " "
                            + member
                            + ", which a host instance cannot provide");
              };
          local.push(e.type().sort(), item);
          exports.put(member, item);
        }
      }
    }
    return new Item.Instance(exports);
  }
}

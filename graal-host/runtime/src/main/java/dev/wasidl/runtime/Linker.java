package dev.wasidl.runtime;

import dev.wasidl.abi.ResourceTable;
import dev.wasidl.component.ExternName;
import dev.wasidl.component.binary.LimitsCap;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.types.FuncType;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Host definitions by WIT name, against which components are instantiated: {@code
 * linker.instance("wasi:cli/stdout@0.2.6").func("get-stdout", ...)}. An import of {@code
 * ns:pkg/iface@0.2.12} is satisfied by the exact name or by the newest definition of a compatible
 * version ({@code 0.2.x}; see {@link Semver}). Defining a name twice is an error unless shadowing
 * is allowed. Besides host definitions, the exported interfaces of another component instance can
 * be plugged in ({@link #plug(Instance)}): runtime composition.
 */
public final class Linker {
  private final GraalRuntime runtime;
  private final Map<String, LinkerInstance> instances = new LinkedHashMap<>();
  private final Map<String, HostFuncDef> funcs = new LinkedHashMap<>();
  private final Map<String, Plugged> plugged = new LinkedHashMap<>();
  private boolean allowShadowing;
  private boolean unknownImportsTrap;
  private boolean compiledLowerings = true;
  private int maxHandles = defaultMaxHandles();
  private long maxListElements = DEFAULT_MAX_LIST_ELEMENTS;
  private long maxLiftedBytes = defaultMaxLiftedBytes();
  private LimitsCap limits =
      new LimitsCap(defaultMaxMemorySize() / MEMORY_PAGE, defaultMaxTableElements());
  private int maxInstances = DEFAULT_MAX_INSTANCES;

  /** A wasm page: 64 KiB. */
  private static final long MEMORY_PAGE = 65_536;

  private java.time.@Nullable Duration callTimeout;

  /**
   * The longest {@link #callTimeout}: deadlines are nanosecond clock readings, which it keeps far
   * from overflow.
   */
  public static final java.time.Duration MAX_CALL_TIMEOUT = java.time.Duration.ofDays(36_500);

  /** The default of {@link #maxListElements}: 1,048,576 elements lifted per call. */
  public static final long DEFAULT_MAX_LIST_ELEMENTS = 1L << 20;

  private Linker(GraalRuntime runtime) {
    this.runtime = runtime;
  }

  /** A linker whose components run on {@code runtime}. */
  public static Linker of(GraalRuntime runtime) {
    return new Linker(runtime);
  }

  public GraalRuntime runtime() {
    return runtime;
  }

  /** Lets a later definition replace an earlier one of the same name. */
  public Linker allowShadowing(boolean allow) {
    this.allowShadowing = allow;
    return this;
  }

  /**
   * Satisfies every function import the linker lacks with one that traps when called (naming the
   * import), so a partial host can run components that import more than they use.
   */
  public Linker defineUnknownImportsAsTraps() {
    this.unknownImportsTrap = true;
    return this;
  }

  /**
   * Limits each component instance (nested ones too) to {@code max} resource handles at a time: a
   * guest creating more traps ("resource table is full") instead of growing host memory without
   * bound. The default, {@link #defaultMaxHandles()}, is sized to the JVM's heap; the most is the
   * canonical ABI's own limit, 2^28-1.
   */
  public Linker maxHandles(int max) {
    if (max < 1 || max > ResourceTable.MAX_LENGTH) {
      throw new IllegalArgumentException("maxHandles must be in 1.." + ResourceTable.MAX_LENGTH);
    }
    this.maxHandles = max;
    return this;
  }

  /**
   * Limits the elements of lists (other than {@code list<u8>}, lifted as bytes) that one call may
   * lift out of a component instance: its arguments to a host or another component's function, or
   * its results. Lifting makes one host object per element, and lists may alias each other in guest
   * memory, so without a bound a few bytes of guest memory can make gigabytes of host objects;
   * beyond the limit the call traps ("list of N elements exceeds the host's limit of M elements per
   * call") before allocating them.
   */
  public Linker maxListElements(long max) {
    if (max < 1) {
      throw new IllegalArgumentException("maxListElements must be at least 1");
    }
    this.maxListElements = max;
    return this;
  }

  /**
   * Limits the bytes of strings and {@code list<u8>}s that one call may lift out of a component
   * instance (its arguments to a host or another component's function, or its results), counted
   * before they are copied. Strings and lists may alias each other in guest memory, so without a
   * bound a list of a million strings that all point at the same 64 KiB makes 64 GiB of host
   * strings; beyond the limit the call traps ("... exceeds the host's limit of N bytes lifted per
   * call"). The default, {@link #defaultMaxLiftedBytes()}, is sized to the JVM's heap.
   */
  public Linker maxLiftedBytes(long max) {
    if (max < 1) {
      throw new IllegalArgumentException("maxLiftedBytes must be at least 1");
    }
    this.maxLiftedBytes = max;
    return this;
  }

  /**
   * The default of {@link #maxLiftedBytes}: an eighth of the JVM's maximum heap, 1 MiB at least.
   */
  public static long defaultMaxLiftedBytes() {
    return Math.max(Runtime.getRuntime().maxMemory() / 8, 1L << 20);
  }

  long maxLiftedBytes() {
    return maxLiftedBytes;
  }

  /**
   * Limits how long wasm may run for one instantiation (start functions included) and for each call
   * of an instance's export from Java: when the limit passes, the guest is interrupted at its next
   * loop iteration or call and the call fails with a trap naming the limit ("... ran longer than
   * its time limit of 2 s"); the instance is then unusable, as after any trap, and other instances
   * go on. A guest blocked in a host function is stopped when it returns to wasm, or after another
   * second by closing its instance's store. No limit by default; without one, calls pay nothing for
   * the feature.
   */
  public Linker callTimeout(java.time.Duration limit) {
    if (limit.isNegative() || limit.isZero() || limit.compareTo(MAX_CALL_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "callTimeout must be positive and at most "
              + MAX_CALL_TIMEOUT.toDays()
              + " days, not "
              + limit);
    }
    this.callTimeout = limit;
    return this;
  }

  /** The limit of {@link #callTimeout}, or null for none. */
  java.time.@Nullable Duration callTimeout() {
    return callTimeout;
  }

  /**
   * Limits each linear memory a component's core modules define to {@code bytes} (rounded down to
   * whole 64 KiB pages, at least one): the memories are declared with that maximum, so a {@code
   * memory.grow} past it returns -1 as wasm says of any maximum (what the guest does then is its
   * own: C's {@code malloc} returns null), and a module whose memory starts larger fails to
   * instantiate with a trap naming the limit. The default, {@link #defaultMaxMemorySize()}, is
   * sized to the JVM's heap; the most is wasm's own 4 GiB.
   */
  public Linker maxMemorySize(long bytes) {
    if (bytes < MEMORY_PAGE || bytes > LimitsCap.MAX_PAGES * MEMORY_PAGE) {
      throw new IllegalArgumentException(
          "maxMemorySize must be between 64 KiB (one page) and 4 GiB, not " + bytes);
    }
    this.limits = new LimitsCap(bytes / MEMORY_PAGE, limits.maxElements());
    return this;
  }

  /**
   * Limits each table a component's core modules define to {@code max} elements, as {@link
   * #maxMemorySize} does memories: a {@code table.grow} past it returns -1, and a module whose
   * table starts larger fails to instantiate with a trap naming the limit. The default, {@link
   * #defaultMaxTableElements()}, is sized to the JVM's heap.
   */
  public Linker maxTableElements(long max) {
    if (max < 1 || max > LimitsCap.MAX_ELEMENTS) {
      throw new IllegalArgumentException(
          "maxTableElements must be between 1 and " + LimitsCap.MAX_ELEMENTS + ", not " + max);
    }
    this.limits = new LimitsCap(limits.maxPages(), max);
    return this;
  }

  /**
   * The default of {@link #maxTableElements}: one element per KiB of the JVM's maximum heap,
   * between 10,000 and 10,000,000.
   */
  public static long defaultMaxTableElements() {
    return Math.clamp(Runtime.getRuntime().maxMemory() / 1024, 10_000, 10_000_000);
  }

  /**
   * Limits the core instances one instantiation makes, those of nested components included: a
   * component instantiating modules without end traps ("... makes more than N core instances")
   * instead of filling the host. The default is wasmtime's, {@link #DEFAULT_MAX_INSTANCES}.
   */
  public Linker maxInstances(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("maxInstances must be at least 1, not " + max);
    }
    this.maxInstances = max;
    return this;
  }

  /** The default of {@link #maxInstances}: 10,000. */
  public static final int DEFAULT_MAX_INSTANCES = 10_000;

  int maxInstances() {
    return maxInstances;
  }

  /**
   * The default of {@link #maxMemorySize}: the JVM's maximum heap, at most 4 GiB. Memories live off
   * the heap ({@link dev.wasidl.graal.GraalRuntime#create()}), so this bounds each at what the host
   * was sized for: a guest growing one without end gets -1 there, not the machine's memory.
   */
  public static long defaultMaxMemorySize() {
    return Math.clamp(
        Runtime.getRuntime().maxMemory() / MEMORY_PAGE * MEMORY_PAGE,
        MEMORY_PAGE,
        LimitsCap.MAX_PAGES * MEMORY_PAGE);
  }

  /** The caps on the memories and tables of the core modules it instantiates. */
  LimitsCap limitsCap() {
    return limits;
  }

  /**
   * Whether components call host functions through their compiled lowerings (the default) or, with
   * {@code false}, through the interpretive {@code Val} path: the reference the compiled one is
   * tested against, and a way to rule it out when diagnosing.
   */
  public Linker compiledLowerings(boolean use) {
    this.compiledLowerings = use;
    return this;
  }

  /**
   * The default of {@link #maxHandles}: one handle per KiB of the JVM's maximum heap (at most about
   * 60 bytes each while the table grows, so a guest's handles take at most some 6% of the heap),
   * between 4,096 and 2^28-1. Before, the default was 2^28-1 handles, some 9 GB: a guest making
   * handles in a loop exhausted the heap.
   */
  public static int defaultMaxHandles() {
    return Math.clamp(Runtime.getRuntime().maxMemory() / 1024, 4096, ResourceTable.MAX_LENGTH);
  }

  boolean compiledLowerings() {
    return compiledLowerings;
  }

  long maxListElements() {
    return maxListElements;
  }

  int maxHandles() {
    return maxHandles;
  }

  boolean unknownImportsTrap() {
    return unknownImportsTrap;
  }

  /**
   * The instance named {@code name} (e.g. {@code wasi:cli/stdout@0.2.6}), created if new.
   *
   * @throws IllegalArgumentException if a plugged instance defines {@code name}
   */
  public LinkerInstance instance(String name) {
    Plugged p = plugged.get(name);
    if (p != null && !allowShadowing) {
      throw new IllegalArgumentException(name + " is already defined by " + p.describe());
    }
    return instances.computeIfAbsent(name, n -> new LinkerInstance(n, this));
  }

  /** An interface another component instance exports, plugged in under an import name. */
  record Plugged(String name, Instance plugin, String export, Item.Instance exports) {
    String describe() {
      return "the plugin " + plugin.name() + " (its export " + export + ")";
    }
  }

  /**
   * Plugs {@code plugin} in: each interface it exports (every instance export, e.g. {@code
   * wasi:keyvalue/store@0.2.0-draft2}) satisfies the imports of that name of the components this
   * linker instantiates next, as {@link #plug(String, Instance, String)} does for one.
   *
   * @throws IllegalArgumentException if one of its interfaces is already defined (by the host or
   *     another plugin; the same interface at a semver-compatible version counts too)
   */
  public Linker plug(Instance plugin) {
    java.util.List<String> interfaces =
        plugin.exports().stream().filter(n -> plugin.export(n) instanceof Item.Instance).toList();
    if (interfaces.isEmpty()) {
      throw new IllegalArgumentException(
          "the plugin " + plugin.name() + " exports no interface to plug in");
    }
    for (String name : interfaces) {
      checkUndefined(name);
    }
    for (String name : interfaces) {
      plug(name, plugin, name);
    }
    return this;
  }

  /**
   * Satisfies imports of interface {@code name} with the exported interface {@code export} of
   * {@code plugin}, a component instance of its own (its own store, data and grants): the importer
   * calls the plugin's lifted functions and holds handles of the plugin's resource types (dropping
   * one runs the plugin's destructor), exactly as when a composed component wires one nested
   * instance's exports to another's imports. Instantiation checks each imported function's type
   * against the plugin's. The plugin outlives its importers (closing them leaves it usable); once
   * it is closed, their calls into it trap. Like any instance it is not reentrant and runs one call
   * at a time: importers sharing it must not call it from two threads at once.
   *
   * @throws IllegalArgumentException if {@code plugin} has no such interface export, or {@code
   *     name} is already defined
   */
  public Linker plug(String name, Instance plugin, String export) {
    if (!(plugin.export(export) instanceof Item.Instance exports)) {
      throw new IllegalArgumentException(plugin.name() + " exports no interface " + export);
    }
    if (plugin.isClosed()) {
      throw new IllegalArgumentException("the plugin " + plugin.name() + " was closed");
    }
    checkUndefined(name);
    plugged.put(name, new Plugged(name, plugin, export, exports));
    return this;
  }

  private void checkUndefined(String name) {
    if (allowShadowing) {
      return;
    }
    ExternName parsed = ExternName.parse(name);
    Optional<String> host = lookup(instances, parsed).map(i -> "the host (" + i.name() + ")");
    Optional<String> by = host.or(() -> lookup(plugged, parsed).map(Plugged::describe));
    if (by.isPresent()) {
      throw new IllegalArgumentException(name + " is already defined by " + by.get());
    }
  }

  /** A function imported at the root of the component (a plain-name import). */
  public Linker func(String name, HostFunc func) {
    return define(name, new HostFuncDef(func, Optional.empty()));
  }

  /** A root function with its WIT type, checked against the component's import at instantiation. */
  public Linker func(String name, FuncType type, HostFunc func) {
    return define(name, new HostFuncDef(func, Optional.of(type)));
  }

  /** A root function with its WIT type and compiled lowering, as generated bindings define it. */
  public Linker func(String name, FuncType type, HostFunc func, HostLowering lowering) {
    return define(
        name, new HostFuncDef(func, Optional.of(type), Lowered.resolve(name, type, lowering)));
  }

  private Linker define(String name, HostFuncDef def) {
    if (funcs.containsKey(name) && !allowShadowing) {
      throw new IllegalArgumentException("function " + name + " is already defined");
    }
    funcs.put(name, def);
    return this;
  }

  boolean shadowing() {
    return allowShadowing;
  }

  Optional<HostFuncDef> rootFunc(String name) {
    return Optional.ofNullable(funcs.get(name));
  }

  /** The host instance for an import name: exact first, then the newest semver-compatible one. */
  Optional<LinkerInstance> lookup(ExternName name) {
    return lookup(instances, name);
  }

  /** The plugged interface for an import name, matched as {@link #lookup} does. */
  Optional<Plugged> lookupPlugged(ExternName name) {
    return lookup(plugged, name);
  }

  private static <T> Optional<T> lookup(Map<String, T> instances, ExternName name) {
    T exact = instances.get(name.text());
    if (exact != null) {
      return Optional.of(exact);
    }
    if (!(name instanceof ExternName.Interface wanted) || wanted.version().isEmpty()) {
      return Optional.empty();
    }
    Optional<String> key =
        wanted.version().flatMap(Semver::parse).flatMap(Semver::compatibilityKey);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    String unversioned = wanted.namespace() + ":" + wanted.pkg() + "/" + wanted.name() + "@";
    return instances.entrySet().stream()
        .filter(e -> e.getKey().startsWith(unversioned))
        .map(e -> Map.entry(Semver.parse(e.getKey().substring(unversioned.length())), e.getValue()))
        .filter(e -> e.getKey().flatMap(Semver::compatibilityKey).equals(key))
        .max(Comparator.comparing(e -> e.getKey().orElseThrow()))
        .map(Map.Entry::getValue);
  }

  /**
   * Whether an import named {@code name} would find a definition here, the host's or a plugged
   * instance's (exactly, or at a semver-compatible version).
   */
  public boolean defines(String name) {
    ExternName parsed = ExternName.parse(name);
    return lookup(parsed).isPresent() || lookupPlugged(parsed).isPresent();
  }

  /**
   * Links {@code component} against these definitions once, for many instantiations: its imports
   * are checked now (a missing or mistyped one fails here, with the message instantiation would
   * give), and the {@link InstancePre} keeps the definitions as they are now, so later changes to
   * this linker change none of its instances.
   *
   * @throws UnlinkableException if an import is missing or of another type than the definition
   */
  public InstancePre instantiatePre(Component component) {
    Linker snapshot = copy();
    Instantiator.checkImports(snapshot, component);
    return new InstancePre(snapshot, component);
  }

  /** A linker with this one's definitions and settings, which later changes here do not reach. */
  private Linker copy() {
    Linker c = new Linker(runtime);
    instances.forEach((name, instance) -> c.instances.put(name, instance.copyFor(c)));
    c.funcs.putAll(funcs);
    c.plugged.putAll(plugged);
    c.allowShadowing = allowShadowing;
    c.unknownImportsTrap = unknownImportsTrap;
    c.compiledLowerings = compiledLowerings;
    c.maxHandles = maxHandles;
    c.maxListElements = maxListElements;
    c.callTimeout = callTimeout;
    return c;
  }

  /** Instantiates {@code component} with these definitions. */
  public Instance instantiate(Component component) {
    return instantiate(component, null);
  }

  /** Instantiates {@code component}, attaching {@code data} for host functions to reach. */
  public Instance instantiate(Component component, Object data) {
    return Instantiator.instantiate(this, component, data);
  }
}

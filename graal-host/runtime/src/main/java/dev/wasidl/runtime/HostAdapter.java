package dev.wasidl.runtime;

import dev.wasidl.abi.ForeignHandles;
import dev.wasidl.abi.ResourceTable;
import dev.wasidl.component.CoreType;
import dev.wasidl.graal.GraalInstance;
import dev.wasidl.graal.GraalModule;
import dev.wasidl.graal.HostFunction;
import dev.wasidl.types.ResourceType;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Host functions implemented in wasm inside the calling component instance, so that a guest's calls
 * of them do not leave wasm: Truffle compiles them into the guest's own code. An interface whose
 * functions are small operations on host resources (wasi:dl's primitive values) keeps those
 * resources' state in the adapter, and crosses into Java only where the host must act.
 *
 * <p>Two core modules, instantiated in the component instance's store:
 *
 * <ul>
 *   <li>the <em>state</em> module, once per component instance at the first function or drop it
 *       implements; it imports {@code "h"} (the {@link Binding}'s host functions) and exports its
 *       functions and drops by their WIT names ({@code [method]r.m}, {@code [resource-drop]r});
 *   <li>the <em>memory</em> module, once per memory the instance lowers those functions with; it
 *       imports {@code "m" "memory"}, {@code "s"} (the state module's exports), {@code "h"}, and
 *       {@code "f"} the host's own lowering of each {@link #fallbacks() fallback} function, for the
 *       cases it hands back.
 * </ul>
 *
 * The handles of {@link #drops()}'s types are the state module's ({@link ForeignHandles}); the
 * instance's {@link ResourceTable} passes every lift and lower of them to it. A linker that does
 * not use compiled lowerings ({@link Linker#compiledLowerings(boolean)}) does not use adapters
 * either: that is the reference path they are tested against.
 */
public interface HostAdapter {
  /** Which module implements a function. */
  enum Placement {
    STATE,
    MEMORY
  }

  GraalModule stateModule();

  GraalModule memoryModule();

  /** Where function {@code member} of an interface this adapter serves is, or null: the host's. */
  @Nullable Placement placement(String member);

  /** The resource types whose handles the state module keeps, with their drops' export names. */
  Map<ResourceType, String> drops();

  /** The functions the memory module imports from {@code "f"}, with their core types. */
  Map<String, CoreType.Func> fallbacks();

  /** The host side of one component instance's adapter. */
  Binding bind(Site site);

  /** What a binding may use of its component instance. */
  interface Site {
    /** The instance's data (what {@code Linker.instantiate} was given). */
    @Nullable Object data();

    /** Traps if the instance may not call imports now (inside its realloc or post-return). */
    void checkMayLeave();

    /** The instance's handle table. */
    ResourceTable handles();
  }

  /** One component instance's host functions and handle keeper. */
  interface Binding {
    /** The host functions both modules import as {@code "h"} (asked once per instance). */
    Map<String, HostFunction> imports();

    /** The keeper of the adopted types' handles, once the state module is instantiated. */
    ForeignHandles attach(GraalInstance state);

    /**
     * The instance's {@code may_leave} changed (it entered or left its realloc or post-return): a
     * binding whose modules skip {@link Site#checkMayLeave()} while nothing forbids leaving keeps
     * its copy of that current.
     */
    default void mayLeave(boolean may) {}
  }
}

package dev.wasidl.runtime;

import dev.wasidl.abi.BorrowScope;
import dev.wasidl.abi.CanonicalAbi;
import dev.wasidl.abi.CoreValueIter;
import dev.wasidl.abi.FlatFuncType;
import dev.wasidl.abi.LiftLowerContext;
import dev.wasidl.abi.Trap;
import dev.wasidl.graal.GraalFunction;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.Val;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code canon lift}: a core function seen as a component function. A call lowers the arguments
 * into the instance, calls the core function, lifts the result and runs {@code post-return}.
 */
final class Lifted implements ComponentFunc {
  private final String name;
  private final FuncType type;
  private final FlatFuncType flat;
  private final GraalFunction core;
  private final CanonOpts opts;
  private final InstanceState instance;
  private @Nullable ValPlan plan; // at the first call

  Lifted(String name, FuncType type, GraalFunction core, CanonOpts opts, InstanceState instance) {
    this.name = name;
    this.type = type;
    this.flat = CanonicalAbi.flattenFuncType(type, FlatFuncType.Context.LIFT);
    this.core = core;
    this.opts = opts;
    this.instance = instance;
  }

  private ValPlan plan() {
    ValPlan p = plan;
    if (p == null) {
      p = ValPlan.of(type, opts.context(instance));
      plan = p; // a race makes two equal plans
    }
    return p;
  }

  String name() {
    return name;
  }

  GraalFunction core() {
    return core;
  }

  CanonOpts opts() {
    return opts;
  }

  InstanceState instance() {
    return instance;
  }

  /** The context of its calls, without a borrow scope. */
  LiftLowerContext context() {
    return plan().context();
  }

  @Override
  public FuncType type() {
    return type;
  }

  @Override
  public Optional<Val> call(List<Val> args) {
    return call(name, args);
  }

  @Override
  public Optional<Val> call(String name, List<Val> args) {
    if (args.size() != type.params().size()) {
      throw new Trap(
          name + " takes " + type.params().size() + " arguments " + type + ", got " + args.size());
    }
    instance.enter(name);
    long armed = instance.arm(name);
    try {
      BorrowScope scope = BorrowScope.open();
      ValPlan p = plan();
      LiftLowerContext cx = p.context().withBorrowScope(scope);
      long[] flatArgs =
          CanonicalAbi.lowerFlatValues(cx, CanonicalAbi.MAX_FLAT_PARAMS, args, p.paramTypes());
      long[] flatResults =
          CoreValues.unbox(core.call(CoreValues.box(flatArgs, flat.params())), flat.results());
      List<Val> results =
          CanonicalAbi.liftFlatValues(
              cx, CanonicalAbi.MAX_FLAT_RESULTS, CoreValueIter.of(flatResults), p.resultTypes());
      // the call has returned: borrows lowered into it must be gone before post-return runs
      scope.close();
      if (opts.postReturn() != null) {
        Object[] post = CoreValues.box(flatResults, flat.results());
        instance.withoutLeaving("post-return", () -> opts.postReturn().call(post));
      }
      return results.isEmpty() ? Optional.empty() : Optional.of(results.getFirst());
    } catch (Trap | OutOfMemoryError t) {
      instance.poison(t); // an OutOfMemoryError is never a trap: the caller gets it as it is
      throw t;
    } finally {
      instance.exit(armed);
    }
  }

  @Override
  public String toString() {
    return name + ": " + type;
  }
}

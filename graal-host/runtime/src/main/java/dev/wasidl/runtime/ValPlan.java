package dev.wasidl.runtime;

import dev.wasidl.abi.LiftLowerContext;
import dev.wasidl.abi.TypeFacts;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.Type;
import java.util.List;

/**
 * What lifting and lowering a function's values needs of its types: the context with their {@link
 * TypeFacts}, and the parameter and result lists those facts were computed for. Made at a
 * function's first call, not when an instance is made: a component imports and exports many
 * functions it never calls, and computing their facts was a tenth of instantiating one.
 */
record ValPlan(LiftLowerContext context, List<Type> paramTypes, List<Type> resultTypes) {
  static ValPlan of(FuncType type, LiftLowerContext cx) {
    TypeFacts facts = TypeFacts.of(type);
    return new ValPlan(cx.withFacts(facts), facts.paramTypes(), facts.resultTypes());
  }
}

package dev.wasidl.abi;

import dev.wasidl.types.ResourceType;

/**
 * Lifting and lowering {@code own} and {@code borrow} handles (spec: {@code lift_own} etc.), on the
 * table's primitive arrays: no handle object is made.
 */
final class Handles {
  private Handles() {}

  static int liftOwn(LiftLowerContext cx, int i, ResourceType rt) {
    return cx.handles().liftOwn(rt, i);
  }

  static int liftBorrow(LiftLowerContext cx, int i, ResourceType rt) {
    return cx.handles().liftBorrow(rt, i, cx.borrowScope());
  }

  static int lowerOwn(LiftLowerContext cx, int rep, ResourceType rt) {
    return cx.handles().addOwn(rt, rep);
  }

  static int lowerBorrow(LiftLowerContext cx, int rep, ResourceType rt) {
    if (cx.handles().implementsType(rt)) {
      return rep;
    }
    BorrowScope scope = cx.borrowScope();
    int i = cx.handles().addBorrow(rt, rep, scope);
    scope.borrowed();
    return i;
  }
}

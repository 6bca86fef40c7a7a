package dev.wasidl.abi;

import dev.wasidl.types.ResourceType;

/** Lifting and lowering {@code own} and {@code borrow} handles (spec: {@code lift_own} etc.). */
final class Handles {
  private Handles() {}

  static int liftOwn(LiftLowerContext cx, int i, ResourceType rt) {
    return cx.handles().liftOwn(rt, i);
  }

  static int liftBorrow(LiftLowerContext cx, int i, ResourceType rt) {
    ResourceHandle h = cx.handles().get(i, rt);
    cx.borrowScope().lend(h);
    return h.rep();
  }

  static int lowerOwn(LiftLowerContext cx, int rep, ResourceType rt) {
    return cx.handles().add(new ResourceHandle.Own(rt, rep));
  }

  static int lowerBorrow(LiftLowerContext cx, int rep, ResourceType rt) {
    if (cx.handles().implementsType(rt)) {
      return rep;
    }
    BorrowScope scope = cx.borrowScope();
    int i = cx.handles().add(new ResourceHandle.Borrow(rt, rep, scope));
    scope.borrowed();
    return i;
  }
}

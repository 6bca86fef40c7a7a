package dev.wasidl.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wasidl.types.BorrowType;
import dev.wasidl.types.OwnType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.ResourceType;
import dev.wasidl.types.TupleType;
import dev.wasidl.types.Val;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Handle tables, own and borrow handles, and resource.new / resource.drop / resource.rep. */
class CanonicalAbiResourceTest {
  private static final ResourceType FILE = ResourceType.host("file");
  private static final ResourceType BLOB = ResourceType.guest("blob");

  private static ResourceTableError error(Executable e) {
    return assertThrows(ResourceTableException.class, e).error();
  }

  @Test
  void indexZeroIsReservedAndFreedIndicesAreReused() {
    ResourceTable t = ResourceTable.of(Set.of());
    assertEquals(1, t.resourceNew(BLOB, 100));
    assertEquals(2, t.resourceNew(BLOB, 200));
    assertEquals(3, t.resourceNew(BLOB, 300));
    t.resourceDrop(BLOB, 1, Destructor.NONE);
    t.resourceDrop(BLOB, 3, Destructor.NONE);
    assertEquals(3, t.resourceNew(BLOB, 301));
    assertEquals(1, t.resourceNew(BLOB, 101));
    assertEquals(4, t.resourceNew(BLOB, 400));
    assertEquals(4, t.size());
    assertEquals(ResourceTableError.NOT_PRESENT, error(() -> t.get(0)));
  }

  @Test
  void errorsAreNamed() {
    ResourceTable t = ResourceTable.of(Set.of(), 2);
    int a = t.resourceNew(BLOB, 7);
    t.resourceNew(BLOB, 8);
    ResourceTableException full =
        assertThrows(ResourceTableException.class, () -> t.resourceNew(BLOB, 9));
    assertEquals(ResourceTableError.FULL, full.error());
    assertEquals(
        "resource table is full: it holds at most 2 handles (Linker.maxHandles; wasidl run -W"
            + " max-handles=)",
        full.getMessage());
    assertEquals(ResourceTableError.NOT_PRESENT, error(() -> t.resourceRep(BLOB, 5)));
    assertEquals(ResourceTableError.NOT_PRESENT, error(() -> t.resourceRep(BLOB, -1)));
    ResourceTableException wrong =
        assertThrows(ResourceTableException.class, () -> t.resourceRep(FILE, a));
    assertEquals(ResourceTableError.WRONG_TYPE, wrong.error());
    assertEquals(
        "handle index 1 used with the wrong type: it holds own<blob> rep 7, expected a handle to file",
        wrong.getMessage());
    assertEquals(7, t.resourceRep(BLOB, a));
    t.resourceDrop(BLOB, a, Destructor.NONE);
    assertEquals(
        ResourceTableError.NOT_PRESENT, error(() -> t.resourceDrop(BLOB, a, Destructor.NONE)));
    assertInstanceOf(Trap.class, assertThrows(ResourceTableException.class, () -> t.get(a)));
  }

  @Test
  void dropRunsTheDestructorOfOwnedHandlesOnly() {
    List<Integer> destroyed = new ArrayList<>();
    Fixture f = Fixture.of();
    BorrowScope scope = BorrowScope.open();
    LiftLowerContext cx = f.cx.withBorrowScope(scope);
    int own = f.handles.resourceNew(FILE, 42);
    long[] borrowed = CanonicalAbi.lowerFlat(cx, new Val.Borrow(43), new BorrowType(FILE));
    assertEquals(1, scope.borrows());
    f.handles.resourceDrop(FILE, (int) borrowed[0], destroyed::add);
    assertEquals(List.of(), destroyed);
    assertEquals(0, scope.borrows());
    f.handles.resourceDrop(FILE, own, destroyed::add);
    assertEquals(List.of(42), destroyed);
    scope.close();
  }

  @Test
  void ownHandlesMoveOnLiftAndLower() {
    Fixture f = Fixture.of();
    OwnType t = new OwnType(BLOB);
    long[] flat = CanonicalAbi.lowerFlat(f.cx, new Val.Own(99), t);
    assertArrayEquals(new long[] {1}, flat);
    assertEquals(99, f.handles.resourceRep(BLOB, 1));
    assertEquals(new Val.Own(99), CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(1), t));
    assertEquals(0, f.handles.size());
    assertEquals(
        ResourceTableError.NOT_PRESENT,
        error(() -> CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(1), t)));
    f.handles.resourceNew(FILE, 5);
    assertEquals(
        ResourceTableError.WRONG_TYPE,
        error(() -> CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(1), t)));
  }

  @Test
  void aBorrowIsNotAnOwn() {
    Fixture f = Fixture.of();
    BorrowScope scope = BorrowScope.open();
    long[] flat =
        CanonicalAbi.lowerFlat(
            f.cx.withBorrowScope(scope), new Val.Borrow(3), new BorrowType(FILE));
    ResourceTableException e =
        assertThrows(
            ResourceTableException.class,
            () -> CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(flat), new OwnType(FILE)));
    assertEquals(ResourceTableError.WRONG_TYPE, e.error());
    assertEquals(
        "handle index 1 holds borrow<file> rep 3, but an own handle is required", e.getMessage());
  }

  @Test
  void lentHandlesCannotBeDroppedOrMovedUntilTheCallReturns() {
    Fixture f = Fixture.of();
    int h = f.handles.resourceNew(FILE, 8);
    BorrowScope call = BorrowScope.open();
    // the guest passes its own handle as a borrow<file> argument to a host import
    Val arg =
        CanonicalAbi.liftFlat(
            f.cx.withBorrowScope(call), CoreValueIter.of(h), new BorrowType(FILE));
    assertEquals(new Val.Borrow(8), arg);
    assertEquals(1, f.handles.get(h).lends());
    ResourceTableException e =
        assertThrows(
            ResourceTableException.class, () -> f.handles.resourceDrop(FILE, h, Destructor.NONE));
    assertEquals(ResourceTableError.HAS_CHILDREN, e.error());
    assertEquals(
        ResourceTableError.HAS_CHILDREN,
        error(() -> CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(h), new OwnType(FILE))));
    call.close();
    assertEquals(0, f.handles.get(h).lends());
    f.handles.resourceDrop(FILE, h, Destructor.NONE);
  }

  @Test
  void oneCallLendsManyHandlesAndReturnsThemAll() {
    Fixture f = Fixture.of();
    int[] h = new int[5];
    for (int i = 0; i < h.length; i++) {
      h[i] = f.handles.resourceNew(FILE, 10 + i);
    }
    BorrowScope call = BorrowScope.open();
    for (int i = 0; i < h.length; i++) {
      // the same handle twice: two lends
      for (int k = 0; k < (i == 2 ? 2 : 1); k++) {
        CanonicalAbi.liftFlat(
            f.cx.withBorrowScope(call), CoreValueIter.of(h[i]), new BorrowType(FILE));
      }
    }
    for (int i = 0; i < h.length; i++) {
      assertEquals(i == 2 ? 2 : 1, f.handles.get(h[i]).lends());
      int handle = h[i];
      assertEquals(
          ResourceTableError.HAS_CHILDREN,
          assertThrows(
                  ResourceTableException.class,
                  () -> f.handles.resourceDrop(FILE, handle, Destructor.NONE))
              .error());
    }
    call.close();
    for (int handle : h) {
      assertEquals(0, f.handles.get(handle).lends());
      f.handles.resourceDrop(FILE, handle, Destructor.NONE);
    }
  }

  @Test
  void borrowsMustBeDroppedBeforeTheCallReturns() {
    Fixture f = Fixture.of();
    BorrowScope call = BorrowScope.open();
    LiftLowerContext cx = f.cx.withBorrowScope(call);
    CanonicalAbi.lowerFlatValues(
        cx,
        CanonicalAbi.MAX_FLAT_PARAMS,
        List.of(new Val.Borrow(1), new Val.Borrow(2)),
        List.of(new BorrowType(FILE), new BorrowType(FILE)));
    assertEquals(2, call.borrows());
    Trap t = assertThrows(Trap.class, call::close);
    assertEquals(
        "2 borrow handles remain at the end of the call; borrows must be dropped before returning",
        t.getMessage());
  }

  @Test
  void aBorrowOfItsOwnResourceIsTheRep() {
    Fixture f = Fixture.implementing(BLOB);
    BorrowScope call = BorrowScope.open();
    long[] flat =
        CanonicalAbi.lowerFlat(
            f.cx.withBorrowScope(call), new Val.Borrow(0x1234), new BorrowType(BLOB));
    assertArrayEquals(new long[] {0x1234}, flat);
    assertEquals(0, f.handles.size());
    call.close();
  }

  @Test
  void handlesInMemory() {
    Fixture f = Fixture.of();
    TupleType t = TupleType.of(new OwnType(BLOB), Primitive.U8, new OwnType(BLOB));
    CanonicalAbi.store(
        f.cx, new Val.Tuple(List.of(new Val.Own(10), new Val.U8(1), new Val.Own(20))), t, 8);
    assertEquals("01000000" + "01000000" + "02000000", f.memory.hex(8, 12));
    assertEquals(
        new Val.Tuple(List.of(new Val.Own(10), new Val.U8(1), new Val.Own(20))),
        CanonicalAbi.load(f.cx, 8, t));
    assertEquals(0, f.handles.size());
  }

  @Test
  void aBorrowWithoutScopeIsARuntimeBug() {
    Fixture f = Fixture.of();
    assertThrows(
        IllegalStateException.class,
        () -> CanonicalAbi.lowerFlat(f.cx, new Val.Borrow(1), new BorrowType(FILE)));
  }
}

package dev.wasidl.dl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.ResourceTable;
import dev.wasidl.abi.Trap;
import dev.wasidl.dl.bindings.wasi.dl.FfiBindings;
import dev.wasidl.graal.GraalInstance;
import dev.wasidl.graal.GraalMemory;
import dev.wasidl.graal.GraalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link DlAdapter}'s modules on real GraalWasm, called as a hostile guest would: forged,
 * dropped, repeated and mistyped handles trap with the handle table's words; values out of a type's
 * range are error results with the host's own message; the handle limit holds across the modules
 * and the host's table. (Every well-formed case is checked against the host's own functions by
 * {@code CompiledLoweringTest} and the dl guests.)
 */
class DlAdapterHostileTest {
  private static final int C_INT = 4;
  private static final int C_UCHAR = 1;
  private static final int C_FLOAT = 10;

  private AdapterRig rig;
  private DlCtx dl;
  private GraalInstance state;
  private GraalInstance memory;
  private GraalMemory guest;
  private ResourceTable table;
  private GraalStore store;

  @BeforeEach
  void setUp() {
    rig = new AdapterRig(DlLimits.DEFAULT.withMaxResources(4));
    dl = rig.dl;
    state = rig.state;
    memory = rig.memory;
    guest = rig.guest;
    table = rig.table;
    store = rig.store;
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  private int call(GraalInstance in, String f, Object... args) {
    return rig.call(in, f, args);
  }

  private void run(GraalInstance in, String f, Object... args) {
    rig.run(in, f, args);
  }

  private int newOut(int type) {
    return rig.newOut(type);
  }

  @Test
  void forgedAndDroppedHandlesTrap() {
    int a = newOut(C_INT);
    assertTrue(a >= 0x4000_0000, "a handle in the adapter's range: " + a);
    for (int forged : new int[] {0, 1, a + 1, 0x4000_0000 + 1000, 0x7fff_ffff, -1}) {
      Trap t =
          assertThrows(
              Trap.class, () -> call(state, "[method]outgoing-primitive.set-s32", forged, 1));
      assertTrue(
          t.getMessage().contains("unknown handle index " + Integer.toUnsignedString(forged)),
          t.getMessage());
    }
    run(state, "[resource-drop]outgoing-primitive", a);
    Trap afterDrop =
        assertThrows(Trap.class, () -> call(state, "[method]outgoing-primitive.set-s32", a, 1));
    assertTrue(afterDrop.getMessage().contains("unknown handle index"), afterDrop.getMessage());
    Trap twice = assertThrows(Trap.class, () -> run(state, "[resource-drop]outgoing-primitive", a));
    assertTrue(twice.getMessage().contains("unknown handle index"), twice.getMessage());
    assertEquals(0, dl.resourceCount());
  }

  @Test
  void anOutgoingIsNoIncomingAndTheReverse() {
    int a = newOut(C_INT);
    Trap asIncoming =
        assertThrows(Trap.class, () -> run(memory, "[method]incoming-primitive.get-s32", a, 16));
    assertTrue(asIncoming.getMessage().contains("wrong type"), asIncoming.getMessage());
    Trap dropAsIncoming =
        assertThrows(Trap.class, () -> run(state, "[resource-drop]incoming-primitive", a));
    assertTrue(dropAsIncoming.getMessage().contains("wrong type"), dropAsIncoming.getMessage());
    // the table refuses the adapter's handles for other types, and lends none of its own
    Trap asAlloc = assertThrows(Trap.class, () -> table.resourceRep(FfiBindings.ALLOC, a));
    assertTrue(asAlloc.getMessage().contains("unknown handle index"), asAlloc.getMessage());
    Trap enumCase = assertThrows(Trap.class, () -> newOut(21));
    assertTrue(enumCase.getMessage().contains("21"), enumCase.getMessage());
  }

  @Test
  void valuesOutOfRangeAreErrorsWithTheHostsMessage() {
    int a = newOut(C_UCHAR);
    assertEquals(1, call(state, "[method]outgoing-primitive.set-s32", a, 256));
    assertTrue(
        dl.lastError().orElseThrow().contains("set-s32")
            && dl.lastError().orElseThrow().contains("256"),
        dl.lastError().orElseThrow());
    assertEquals(1, call(state, "[method]outgoing-primitive.set-s32", a, -1));
    assertEquals(0, call(state, "[method]outgoing-primitive.set-s32", a, 255));
    assertEquals(1, call(state, "[method]outgoing-primitive.set-f64", a, 1.5d));
    int f = newOut(C_FLOAT);
    assertEquals(1, call(state, "[method]outgoing-primitive.set-f64", f, 0.1d));
    assertTrue(dl.lastError().orElseThrow().contains("c-float"), dl.lastError().orElseThrow());
    assertEquals(0, call(state, "[method]outgoing-primitive.set-f64", f, 0.5d));
    assertEquals(1, call(state, "[method]outgoing-primitive.set-s8", f, 1));
    // set-addr of a non-pointer, with an alloc handle the table does not hold: the handle traps
    // first
    Trap alloc =
        assertThrows(Trap.class, () -> call(state, "[method]outgoing-primitive.set-addr", a, 7));
    assertTrue(alloc.getMessage().contains("unknown handle index 7"), alloc.getMessage());
  }

  @Test
  void theLimitCountsTheAdaptersSlotsAndTheHostsTable() {
    for (int i = 0; i < 4; i++) {
      newOut(C_INT);
    }
    assertEquals(4, dl.resourceCount());
    Trap full = assertThrows(Trap.class, () -> newOut(C_INT));
    assertTrue(full.getMessage().contains("--dl-max-resources"), full.getMessage());
    // the host's own table is full too: its next push is refused
    DlError hostFull = assertThrows(DlError.class, () -> dl.push(new Object()));
    assertTrue(hostFull.getMessage().contains("holds 4"), hostFull.getMessage());
  }

  @Test
  void noCallWhileTheInstanceMayNotLeaveNorAfterItsContextCloses() {
    int a = newOut(C_INT);
    int in = newIncoming();
    rig.inPostReturn = true;
    rig.binding.mayLeave(false);
    for (Runnable r :
        new Runnable[] {
          () -> newOut(C_INT),
          () -> call(state, "[method]outgoing-primitive.set-s32", a, 1),
          () -> run(memory, "[method]incoming-primitive.get-s32", in, 16),
          () -> run(memory, "[method]function.call", 1, 0, 0, 16)
        }) {
      Trap t = assertThrows(Trap.class, r::run);
      assertTrue(t.getMessage().contains("post-return"), t.getMessage());
    }
    rig.inPostReturn = false;
    rig.binding.mayLeave(true);
    assertEquals(0, call(state, "[method]outgoing-primitive.set-s32", a, 1));
    dl.close();
    Trap closed =
        assertThrows(Trap.class, () -> call(state, "[method]outgoing-primitive.set-s32", a, 2));
    assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
  }

  @Test
  void aContextOutlivingItsInstanceCountsNothingOfIt() {
    newOut(C_INT);
    assertEquals(1, dl.resourceCount());
    store.close();
    assertEquals(0, dl.resourceCount()); // the slots went with the store; nothing is read from it
    dl.push(new Object()); // nor written
    assertEquals(1, dl.resourceCount());
  }

  @Test
  void aMisalignedResultPointerTraps() {
    Trap t =
        assertThrows(
            Trap.class, () -> run(memory, "[method]incoming-primitive.get-s32", newIncoming(), 17));
    assertTrue(t.getMessage().contains("not aligned"), t.getMessage());
  }

  private int newIncoming() {
    return rig.newIncoming(dev.wasidl.ffm.PrimitiveType.C_INT, 5);
  }

  @Test
  void handlesMoveBetweenTheAdapterAndTheHost() {
    int in = newIncoming();
    assertTrue(in >= 0x4000_0000, "kept by the adapter: " + in);
    run(memory, "[method]incoming-primitive.get-s32", in, 16);
    assertEquals(0, guest.loadI8(16));
    assertEquals(5, guest.loadI32(20));
    assertEquals(1, dl.resourceCount());
    run(state, "[resource-drop]incoming-primitive", in);
    assertEquals(0, dl.resourceCount());
  }
}

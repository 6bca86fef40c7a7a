package dev.wasidl.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wasidl.abi.Trap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The host's resource table: reps, reuse, type checks by remembered class, bounds, clearing. */
class HostTableTest {
  private sealed interface Entry permits Lib, Sym {}

  private record Lib(String name) implements Entry {}

  private record Sym(String name) implements Entry {}

  @Test
  void repsStartAtOneAndFreedOnesAreReusedLastFirst() {
    HostTable t = new HostTable();
    List<Resource<Object>> handles = new ArrayList<>();
    for (int i = 0; i < 40; i++) { // past the initial arrays
      handles.add(t.push(new Lib("l" + i)));
    }
    assertEquals(1, handles.getFirst().rep());
    assertEquals(40, handles.getLast().rep());
    t.delete(handles.get(4));
    t.delete(handles.get(9));
    assertEquals(38, t.size());
    assertEquals(10, t.push(new Lib("x")).rep());
    assertEquals(5, t.push(new Lib("y")).rep());
    assertEquals(41, t.push(new Lib("z")).rep());
    assertEquals(new Lib("l20"), t.get(handles.get(20), Lib.class));
  }

  @Test
  void typeChecksHoldWhateverClassWasAskedFirst() {
    HostTable t = new HostTable();
    Resource<Object> lib = t.push(new Lib("m"));
    // an interface first, then the concrete class, then the interface again: all the same entry
    assertEquals(new Lib("m"), t.get(lib, Entry.class));
    assertEquals(new Lib("m"), t.get(lib, Lib.class));
    assertEquals(new Lib("m"), t.get(lib, Entry.class));
    assertEquals(new Lib("m"), t.get(lib, Object.class));
    Trap wrong = assertThrows(Trap.class, () -> t.get(lib, Sym.class));
    assertEquals("host resource rep 1 is a Lib, not a Sym", wrong.getMessage());
    // the rep reused by an entry of another class is checked afresh
    t.delete(lib);
    Resource<Object> sym = t.push(new Sym("cos"));
    assertEquals(lib.rep(), sym.rep());
    assertThrows(Trap.class, () -> t.get(sym, Lib.class));
    assertEquals(new Sym("cos"), t.get(sym, Entry.class));
  }

  @Test
  void unknownDeletedAndForgedRepsTrap() {
    HostTable t = new HostTable();
    Resource<Object> h = t.push(new Lib("a"));
    t.delete(h);
    for (int rep : new int[] {h.rep(), 0, -1, 2, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
      Trap e = assertThrows(Trap.class, () -> t.get(new Resource<>(rep), Lib.class));
      assertEquals("unknown host resource rep " + Integer.toUnsignedString(rep), e.getMessage());
    }
    assertThrows(Trap.class, () -> t.delete(h));
    assertEquals(0, t.size());
  }

  @Test
  void aFullTableTrapsAndClearReturnsWhatIsLeft() {
    HostTable t = new HostTable(3);
    Resource<Object> a = t.push(new Lib("a"));
    t.push(new Lib("b"));
    t.push(new Sym("c"));
    Trap full = assertThrows(Trap.class, () -> t.push(new Lib("d")));
    assertEquals("host resource table is full (3 entries)", full.getMessage());
    t.delete(a);
    t.push(new Lib("d"));
    assertEquals(Set.of(new Lib("b"), new Sym("c"), new Lib("d")), Set.copyOf(t.clear()));
    assertEquals(0, t.size());
    assertSame(1, t.push(new Lib("e")).rep());
  }
}

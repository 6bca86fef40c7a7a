package dev.wasidl.abi;

import dev.wasidl.component.StringEncoding;
import dev.wasidl.types.ResourceType;
import java.util.List;
import java.util.Set;

/** A fake memory, a bump realloc starting at {@link #HEAP}, a handle table, and a context. */
final class Fixture {
  static final int HEAP = 256;

  final FakeMemory memory;
  final BumpRealloc realloc;
  final ResourceTable handles;
  LiftLowerContext cx;

  private Fixture(int size, StringEncoding encoding, Set<ResourceType> implemented) {
    memory = new FakeMemory(size);
    realloc = new BumpRealloc(memory, HEAP);
    handles = ResourceTable.of(implemented);
    cx =
        LiftLowerContext.of(handles)
            .withMemory(memory)
            .withRealloc(realloc)
            .withStringEncoding(encoding);
  }

  static Fixture of() {
    return new Fixture(1024, StringEncoding.UTF8, Set.of());
  }

  static Fixture of(StringEncoding encoding) {
    return new Fixture(1024, encoding, Set.of());
  }

  static Fixture ofSize(int size) {
    return new Fixture(size, StringEncoding.UTF8, Set.of());
  }

  static Fixture implementing(ResourceType... types) {
    return new Fixture(1024, StringEncoding.UTF8, Set.of(types));
  }

  /** One logged realloc call. */
  static List<Long> call(long old, long oldSize, long alignment, long newSize, long result) {
    return List.of(old, oldSize, alignment, newSize, result);
  }
}

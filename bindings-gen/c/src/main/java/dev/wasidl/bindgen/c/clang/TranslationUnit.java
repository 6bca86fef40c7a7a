package dev.wasidl.bindgen.c.clang;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed C file ({@code CXTranslationUnit}) with its index. Owns a confined arena holding every
 * cursor and type read from it: close it (try-with-resources) to dispose of all of them.
 */
public final class TranslationUnit implements AutoCloseable {
  private static final int SKIP_FUNCTION_BODIES = 0x40;
  private static final int CONTINUE = 1; // CXChildVisit_Continue and CXVisit_Continue
  private static final MethodHandle VISIT_CHILD =
      virtual(
          "visitChild",
          MethodType.methodType(
              int.class, MemorySegment.class, MemorySegment.class, MemorySegment.class));
  private static final MethodHandle VISIT_FIELD =
      virtual(
          "visitField", MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class));

  private static MethodHandle virtual(String name, MethodType type) {
    try {
      return MethodHandles.lookup().findVirtual(TranslationUnit.class, name, type);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private final LibClang clang;
  private final Arena arena;
  private final MemorySegment index;
  private final MemorySegment unit;
  private final List<Diagnostic> diagnostics;
  private final MemorySegment childVisitor;
  private final MemorySegment fieldVisitor;
  private List<Cursor> visited = new ArrayList<>();

  private TranslationUnit(
      LibClang clang, Arena arena, MemorySegment index, MemorySegment unit, List<Diagnostic> d) {
    this.clang = clang;
    this.arena = arena;
    this.index = index;
    this.unit = unit;
    this.diagnostics = List.copyOf(d);
    this.childVisitor = clang.visitorStub(VISIT_CHILD.bindTo(this), true, arena);
    this.fieldVisitor = clang.visitorStub(VISIT_FIELD.bindTo(this), false, arena);
  }

  /**
   * Parses {@code file}, whose text is {@code contents} (an unsaved file: it need not exist), with
   * extra compiler {@code args} (e.g. {@code -I...}, {@code -D...}), function bodies skipped.
   * Diagnostics, errors included, are kept in {@link #diagnostics()}.
   *
   * @throws IllegalStateException when libclang returns no translation unit at all
   */
  @SuppressWarnings("MustBeClosedChecker") // the arena is owned by the unit, closed by close()
  public static TranslationUnit parse(
      LibClang clang, Path file, String contents, List<String> args) {
    List<String> all = new ArrayList<>();
    clang
        .resourceDir()
        .ifPresent(
            d -> {
              all.add("-resource-dir");
              all.add(d.toString());
            });
    all.addAll(args);
    Arena arena = Arena.ofConfined();
    MemorySegment index = MemorySegment.NULL;
    try {
      index = clang.createIndex(0, 0);
      MemorySegment argv = arena.allocate(ValueLayout.ADDRESS, Math.max(1, all.size()));
      for (int i = 0; i < all.size(); i++) {
        argv.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(all.get(i)));
      }
      MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
      MemorySegment name = arena.allocateFrom(file.toString());
      MemorySegment text = arena.allocateFrom(contents);
      MemorySegment unsaved = arena.allocate(LibClang.CX_UNSAVED_FILE);
      unsaved.set(ValueLayout.ADDRESS, 0, name);
      unsaved.set(ValueLayout.ADDRESS, 8, text);
      unsaved.set(ValueLayout.JAVA_LONG, 16, text.byteSize() - 1);
      int code =
          clang.parseTranslationUnit2(
              index, name, argv, all.size(), unsaved, 1, SKIP_FUNCTION_BODIES, out);
      MemorySegment unit = out.get(ValueLayout.ADDRESS, 0);
      if (code != 0 || unit.equals(MemorySegment.NULL)) {
        throw new IllegalStateException(
            "libclang could not parse " + file + " (CXErrorCode " + code + ")");
      }
      List<Diagnostic> diagnostics = new ArrayList<>();
      int n = clang.getNumDiagnostics(unit);
      for (int i = 0; i < n; i++) {
        diagnostics.add(clang.diagnostic(arena, unit, i));
      }
      return new TranslationUnit(clang, arena, index, unit, diagnostics);
    } catch (RuntimeException | Error e) {
      if (!index.equals(MemorySegment.NULL)) {
        clang.disposeIndex(index);
      }
      arena.close();
      throw e;
    }
  }

  /** Every diagnostic clang reported, in order. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** The root cursor, whose children are the top-level declarations. */
  public Cursor cursor() {
    return new Cursor(this, clang.getTranslationUnitCursor(arena, unit));
  }

  LibClang clang() {
    return clang;
  }

  Arena arena() {
    return arena;
  }

  /** The direct children of {@code parent} ({@code clang_visitChildren}). */
  List<Cursor> children(MemorySegment parent) {
    return collect(() -> clang.visitChildren(parent, childVisitor));
  }

  /** The fields of a record type ({@code clang_Type_visitFields}), anonymous members included. */
  List<Cursor> fields(MemorySegment recordType) {
    return collect(() -> clang.typeVisitFields(recordType, fieldVisitor));
  }

  private List<Cursor> collect(Runnable visit) {
    List<Cursor> outer = visited;
    visited = new ArrayList<>();
    try {
      visit.run();
      return List.copyOf(visited);
    } finally {
      visited = outer;
    }
  }

  // Upcall targets: copy the by-value cursor (valid only during the upcall) and go on. They must
  // not throw: an exception escaping an upcall ends the JVM.
  @SuppressWarnings("UnusedMethod") // called from native code through the upcall stubs
  private int visitChild(
      MemorySegment cursor, MemorySegment unusedParent, MemorySegment unusedData) {
    visited.add(new Cursor(this, arena.allocate(LibClang.CX_CURSOR).copyFrom(cursor)));
    return CONTINUE;
  }

  @SuppressWarnings("UnusedMethod") // called from native code through the upcall stubs
  private int visitField(MemorySegment cursor, MemorySegment unusedData) {
    visited.add(new Cursor(this, arena.allocate(LibClang.CX_CURSOR).copyFrom(cursor)));
    return CONTINUE;
  }

  @Override
  public void close() {
    clang.disposeTranslationUnit(unit);
    clang.disposeIndex(index);
    arena.close();
  }
}

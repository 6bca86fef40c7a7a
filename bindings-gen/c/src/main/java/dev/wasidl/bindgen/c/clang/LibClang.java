package dev.wasidl.bindgen.c.clang;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.wasidl.bindgen.c.LibClangMissingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Our hand-written binding of libclang's C API ({@code clang-c/Index.h}) through java.lang.foreign.
 * Every restricted FFM call of bindings-gen is in this class (library lookup, downcall handles,
 * upcall stubs, {@code reinterpret}), so the native-access surface can be audited in one place.
 *
 * <p>{@code CXCursor}, {@code CXType}, {@code CXString} and {@code CXSourceLocation} travel by
 * value; their layouts are those of libclang's headers (stable since libclang 3.x). Functions
 * returning them take a {@link SegmentAllocator} first, as the linker requires.
 */
@SuppressWarnings("restricted") // the one place where bindings-gen calls restricted FFM methods
public final class LibClang {
  /** The Debian packages that provide what is looked for; named in the error when absent. */
  public static final String PACKAGES = "libclang1-14 libclang-common-14-dev";

  /** {@code typedef struct { const void *data; unsigned private_flags; } CXString;} */
  static final StructLayout CX_STRING =
      MemoryLayout.structLayout(
          ADDRESS.withName("data"),
          JAVA_INT.withName("private_flags"),
          MemoryLayout.paddingLayout(4));

  /**
   * {@code typedef struct { enum CXCursorKind kind; int xdata; const void *data[3]; } CXCursor;}
   */
  static final StructLayout CX_CURSOR =
      MemoryLayout.structLayout(
          JAVA_INT.withName("kind"),
          JAVA_INT.withName("xdata"),
          MemoryLayout.sequenceLayout(3, ADDRESS).withName("data"));

  /** {@code typedef struct { enum CXTypeKind kind; void *data[2]; } CXType;} */
  static final StructLayout CX_TYPE =
      MemoryLayout.structLayout(
          JAVA_INT.withName("kind"),
          MemoryLayout.paddingLayout(4),
          MemoryLayout.sequenceLayout(2, ADDRESS).withName("data"));

  /** {@code typedef struct { const void *ptr_data[2]; unsigned int_data; } CXSourceLocation;} */
  static final StructLayout CX_SOURCE_LOCATION =
      MemoryLayout.structLayout(
          MemoryLayout.sequenceLayout(2, ADDRESS).withName("ptr_data"),
          JAVA_INT.withName("int_data"),
          MemoryLayout.paddingLayout(4));

  private static @Nullable LibClang instance;

  private final Path path;
  private final Optional<Path> resourceDir;
  private final Linker linker = Linker.nativeLinker();
  private final SymbolLookup lookup;

  private final MethodHandle createIndex;
  private final MethodHandle disposeIndex;
  private final MethodHandle parseTranslationUnit2;
  private final MethodHandle disposeTranslationUnit;
  private final MethodHandle getNumDiagnostics;
  private final MethodHandle getDiagnostic;
  private final MethodHandle getDiagnosticSeverity;
  private final MethodHandle formatDiagnostic;
  private final MethodHandle disposeDiagnostic;
  private final MethodHandle getCString;
  private final MethodHandle disposeString;
  private final MethodHandle getClangVersion;
  private final MethodHandle getTranslationUnitCursor;
  private final MethodHandle visitChildren;
  private final MethodHandle getCursorKind;
  private final MethodHandle getCursorSpelling;
  private final MethodHandle getCursorType;
  private final MethodHandle getCursorResultType;
  private final MethodHandle getCursorLocation;
  private final MethodHandle getPresumedLocation;
  private final MethodHandle locationIsFromMainFile;
  private final MethodHandle cursorIsNull;
  private final MethodHandle cursorGetStorageClass;
  private final MethodHandle cursorIsBitField;
  private final MethodHandle cursorIsAnonymous;
  private final MethodHandle cursorGetOffsetOfField;
  private final MethodHandle cursorGetNumArguments;
  private final MethodHandle cursorGetArgument;
  private final MethodHandle isCursorDefinition;
  private final MethodHandle getCursorDefinition;
  private final MethodHandle getTypedefDeclUnderlyingType;
  private final MethodHandle getEnumDeclIntegerType;
  private final MethodHandle getTypeSpelling;
  private final MethodHandle getTypedefName;
  private final MethodHandle getCanonicalType;
  private final MethodHandle getPointeeType;
  private final MethodHandle getResultType;
  private final MethodHandle getNumArgTypes;
  private final MethodHandle getArgType;
  private final MethodHandle isFunctionTypeVariadic;
  private final MethodHandle getArrayElementType;
  private final MethodHandle getArraySize;
  private final MethodHandle getTypeDeclaration;
  private final MethodHandle typeGetNamedType;
  private final MethodHandle typeGetModifiedType;
  private final MethodHandle typeGetSizeOf;
  private final MethodHandle typeGetAlignOf;
  private final MethodHandle typeGetOffsetOf;
  private final MethodHandle typeVisitFields;
  private final MethodHandle toggleCrashRecovery;

  private LibClang(Path path, Optional<Path> resourceDir) {
    this.path = path;
    this.resourceDir = resourceDir;
    this.lookup = SymbolLookup.libraryLookup(path, Arena.global());
    createIndex = fn("clang_createIndex", ADDRESS, JAVA_INT, JAVA_INT);
    disposeIndex = fnVoid("clang_disposeIndex", ADDRESS);
    parseTranslationUnit2 =
        fn(
            "clang_parseTranslationUnit2",
            JAVA_INT,
            ADDRESS,
            ADDRESS,
            ADDRESS,
            JAVA_INT,
            ADDRESS,
            JAVA_INT,
            JAVA_INT,
            ADDRESS);
    disposeTranslationUnit = fnVoid("clang_disposeTranslationUnit", ADDRESS);
    getNumDiagnostics = fn("clang_getNumDiagnostics", JAVA_INT, ADDRESS);
    getDiagnostic = fn("clang_getDiagnostic", ADDRESS, ADDRESS, JAVA_INT);
    getDiagnosticSeverity = fn("clang_getDiagnosticSeverity", JAVA_INT, ADDRESS);
    formatDiagnostic = fn("clang_formatDiagnostic", CX_STRING, ADDRESS, JAVA_INT);
    disposeDiagnostic = fnVoid("clang_disposeDiagnostic", ADDRESS);
    getCString = fn("clang_getCString", ADDRESS, CX_STRING);
    disposeString = fnVoid("clang_disposeString", CX_STRING);
    getClangVersion = fn("clang_getClangVersion", CX_STRING);
    getTranslationUnitCursor = fn("clang_getTranslationUnitCursor", CX_CURSOR, ADDRESS);
    visitChildren = fn("clang_visitChildren", JAVA_INT, CX_CURSOR, ADDRESS, ADDRESS);
    getCursorKind = fn("clang_getCursorKind", JAVA_INT, CX_CURSOR);
    getCursorSpelling = fn("clang_getCursorSpelling", CX_STRING, CX_CURSOR);
    getCursorType = fn("clang_getCursorType", CX_TYPE, CX_CURSOR);
    getCursorResultType = fn("clang_getCursorResultType", CX_TYPE, CX_CURSOR);
    getCursorLocation = fn("clang_getCursorLocation", CX_SOURCE_LOCATION, CX_CURSOR);
    getPresumedLocation =
        fnVoid("clang_getPresumedLocation", CX_SOURCE_LOCATION, ADDRESS, ADDRESS, ADDRESS);
    locationIsFromMainFile = fn("clang_Location_isFromMainFile", JAVA_INT, CX_SOURCE_LOCATION);
    cursorIsNull = fn("clang_Cursor_isNull", JAVA_INT, CX_CURSOR);
    cursorGetStorageClass = fn("clang_Cursor_getStorageClass", JAVA_INT, CX_CURSOR);
    cursorIsBitField = fn("clang_Cursor_isBitField", JAVA_INT, CX_CURSOR);
    cursorIsAnonymous = fn("clang_Cursor_isAnonymous", JAVA_INT, CX_CURSOR);
    cursorGetOffsetOfField = fn("clang_Cursor_getOffsetOfField", JAVA_LONG, CX_CURSOR);
    cursorGetNumArguments = fn("clang_Cursor_getNumArguments", JAVA_INT, CX_CURSOR);
    cursorGetArgument = fn("clang_Cursor_getArgument", CX_CURSOR, CX_CURSOR, JAVA_INT);
    isCursorDefinition = fn("clang_isCursorDefinition", JAVA_INT, CX_CURSOR);
    getCursorDefinition = fn("clang_getCursorDefinition", CX_CURSOR, CX_CURSOR);
    getTypedefDeclUnderlyingType = fn("clang_getTypedefDeclUnderlyingType", CX_TYPE, CX_CURSOR);
    getEnumDeclIntegerType = fn("clang_getEnumDeclIntegerType", CX_TYPE, CX_CURSOR);
    getTypeSpelling = fn("clang_getTypeSpelling", CX_STRING, CX_TYPE);
    getTypedefName = fn("clang_getTypedefName", CX_STRING, CX_TYPE);
    getCanonicalType = fn("clang_getCanonicalType", CX_TYPE, CX_TYPE);
    getPointeeType = fn("clang_getPointeeType", CX_TYPE, CX_TYPE);
    getResultType = fn("clang_getResultType", CX_TYPE, CX_TYPE);
    getNumArgTypes = fn("clang_getNumArgTypes", JAVA_INT, CX_TYPE);
    getArgType = fn("clang_getArgType", CX_TYPE, CX_TYPE, JAVA_INT);
    isFunctionTypeVariadic = fn("clang_isFunctionTypeVariadic", JAVA_INT, CX_TYPE);
    getArrayElementType = fn("clang_getArrayElementType", CX_TYPE, CX_TYPE);
    getArraySize = fn("clang_getArraySize", JAVA_LONG, CX_TYPE);
    getTypeDeclaration = fn("clang_getTypeDeclaration", CX_CURSOR, CX_TYPE);
    typeGetNamedType = fn("clang_Type_getNamedType", CX_TYPE, CX_TYPE);
    typeGetModifiedType = fn("clang_Type_getModifiedType", CX_TYPE, CX_TYPE);
    typeGetSizeOf = fn("clang_Type_getSizeOf", JAVA_LONG, CX_TYPE);
    typeGetAlignOf = fn("clang_Type_getAlignOf", JAVA_LONG, CX_TYPE);
    typeGetOffsetOf = fn("clang_Type_getOffsetOf", JAVA_LONG, CX_TYPE, ADDRESS);
    typeVisitFields = fn("clang_Type_visitFields", JAVA_INT, CX_TYPE, ADDRESS, ADDRESS);
    toggleCrashRecovery = fnVoid("clang_toggleCrashRecovery", JAVA_INT);
  }

  /**
   * The libclang of this machine, loaded once: {@code -Dwasidl.libclang=/path/libclang.so} (or the
   * environment variable {@code WASIDL_LIBCLANG}) if set, else the newest {@code
   * /usr/lib/llvm-N/lib/libclang*.so.1} that has clang's resource headers next to it.
   *
   * @throws LibClangMissingException with a one-line message naming the packages to install
   */
  public static synchronized LibClang get() {
    if (instance == null) {
      instance = locate();
    }
    return instance;
  }

  private static LibClang locate() {
    String explicit = System.getProperty("wasidl.libclang", System.getenv("WASIDL_LIBCLANG"));
    if (explicit != null && !explicit.isEmpty()) {
      Path p = Path.of(explicit).toAbsolutePath();
      if (!Files.isRegularFile(p)) {
        throw new LibClangMissingException(
            "libclang "
                + p
                + " (from wasidl.libclang / WASIDL_LIBCLANG) does not exist: install "
                + PACKAGES
                + " or point there at a libclang.so");
      }
      return new LibClang(p, resourceDir(p));
    }
    List<Path> found = new ArrayList<>();
    for (Path llvm : list(Path.of("/usr/lib"), "llvm-*")) {
      Path lib = llvm.resolve("lib");
      list(lib, "libclang-*.so.1").forEach(found::add);
      list(lib, "libclang.so.1").forEach(found::add);
    }
    found.sort(Comparator.comparingInt(LibClang::majorVersion).reversed());
    for (Path p : found) {
      Optional<Path> resources = resourceDir(p);
      if (resources.isPresent()) {
        return new LibClang(p, resources);
      }
    }
    throw new LibClangMissingException(
        "libclang not found"
            + (found.isEmpty() ? "" : " with its resource headers (found only " + found + ")")
            + ": install it with apt-get install "
            + PACKAGES
            + " (or set -Dwasidl.libclang=/path/to/libclang.so)");
  }

  private static int majorVersion(Path lib) {
    String dir = lib.getParent().getParent().getFileName().toString(); // llvm-N
    try {
      return Integer.parseInt(dir.substring(dir.indexOf('-') + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** {@code <libdir>/clang/<version>} holding {@code include/stddef.h}, if installed. */
  private static Optional<Path> resourceDir(Path lib) {
    return list(lib.getParent().resolve("clang"), "*").stream()
        .filter(d -> Files.isRegularFile(d.resolve("include/stddef.h")))
        .findFirst();
  }

  private static List<Path> list(Path dir, String glob) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      var matcher = dir.getFileSystem().getPathMatcher("glob:" + glob);
      return s.filter(p -> matcher.matches(p.getFileName()) && Files.exists(p)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shared library in use. */
  public Path path() {
    return path;
  }

  /** clang's resource directory (builtin headers such as {@code stddef.h}), if found. */
  public Optional<Path> resourceDir() {
    return resourceDir;
  }

  private MethodHandle fn(String name, MemoryLayout result, MemoryLayout... args) {
    return linker.downcallHandle(symbol(name), FunctionDescriptor.of(result, args));
  }

  private MethodHandle fnVoid(String name, MemoryLayout... args) {
    return linker.downcallHandle(symbol(name), FunctionDescriptor.ofVoid(args));
  }

  private MemorySegment symbol(String name) {
    return lookup
        .find(name)
        .orElseThrow(
            () -> new LibClangMissingException(path + " has no " + name + ": libclang too old"));
  }

  /**
   * An upcall stub for a visitor: {@code enum CXChildVisitResult (*)(CXCursor, CXCursor, void*)}
   * when {@code children}, else {@code enum CXVisitorResult (*)(CXCursor, void*)}. The target's
   * parameters are {@code MemorySegment}s, its result an {@code int}.
   */
  MemorySegment visitorStub(MethodHandle target, boolean children, Arena arena) {
    FunctionDescriptor d =
        children
            ? FunctionDescriptor.of(JAVA_INT, CX_CURSOR, CX_CURSOR, ADDRESS)
            : FunctionDescriptor.of(JAVA_INT, CX_CURSOR, ADDRESS);
    return linker.upcallStub(target, d, arena);
  }

  /** A NUL-terminated C string at {@code address}, or "" for NULL. */
  static String cString(MemorySegment address) {
    return address.equals(MemorySegment.NULL)
        ? ""
        : address.reinterpret(Long.MAX_VALUE).getString(0);
  }

  /** The text of a {@code CXString}, which is then disposed. */
  String string(MemorySegment cxString) {
    String text;
    try {
      text = cString((MemorySegment) getCString.invokeExact(cxString));
      disposeString.invokeExact(cxString);
    } catch (Throwable t) {
      throw rethrow(t);
    }
    return text;
  }

  /** {@code clang_getClangVersion}, e.g. {@code Debian clang version 14.0.6}. */
  public String version() {
    try (Arena arena = Arena.ofConfined()) {
      return string((MemorySegment) getClangVersion.invokeExact((SegmentAllocator) arena));
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  static RuntimeException rethrow(Throwable t) {
    if (t instanceof Error e) {
      throw e;
    }
    return t instanceof RuntimeException r ? r : new IllegalStateException(t);
  }

  // The downcalls, typed. Structs by value are MemorySegments of the layouts above.

  /**
   * {@code clang_createIndex}, then crash recovery off: {@code clang_createIndex} turns it on, and
   * its LLVM signal handlers take the SIGSEGVs the JVM raises on purpose (implicit null checks) and
   * kill the process.
   */
  MemorySegment createIndex(int excludePch, int displayDiagnostics) {
    try {
      MemorySegment index = (MemorySegment) createIndex.invokeExact(excludePch, displayDiagnostics);
      toggleCrashRecovery.invokeExact(0);
      return index;
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  void disposeIndex(MemorySegment index) {
    try {
      disposeIndex.invokeExact(index);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /**
   * {@code typedef struct { const char *Filename; const char *Contents; unsigned long Length; }
   * CXUnsavedFile;}
   */
  static final StructLayout CX_UNSAVED_FILE =
      MemoryLayout.structLayout(
          ADDRESS.withName("Filename"), ADDRESS.withName("Contents"), JAVA_LONG.withName("Length"));

  int parseTranslationUnit2(
      MemorySegment index,
      MemorySegment file,
      MemorySegment args,
      int numArgs,
      MemorySegment unsaved,
      int numUnsaved,
      int options,
      MemorySegment out) {
    try {
      return (int)
          parseTranslationUnit2.invokeExact(
              index, file, args, numArgs, unsaved, numUnsaved, options, out);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  void disposeTranslationUnit(MemorySegment tu) {
    try {
      disposeTranslationUnit.invokeExact(tu);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  int getNumDiagnostics(MemorySegment tu) {
    try {
      return (int) getNumDiagnostics.invokeExact(tu);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** Severity and formatted text of diagnostic {@code i}. */
  Diagnostic diagnostic(Arena arena, MemorySegment tu, int i) {
    try {
      MemorySegment d = (MemorySegment) getDiagnostic.invokeExact(tu, i);
      try {
        int severity = (int) getDiagnosticSeverity.invokeExact(d);
        String text =
            string(
                (MemorySegment)
                    formatDiagnostic.invokeExact((SegmentAllocator) arena, d, DISPLAY_OPTIONS));
        return new Diagnostic(severity, text);
      } finally {
        disposeDiagnostic.invokeExact(d);
      }
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  // CXDiagnostic_DisplaySourceLocation | DisplayColumn | DisplayOption
  private static final int DISPLAY_OPTIONS = 0x01 | 0x02 | 0x08;

  MemorySegment getTranslationUnitCursor(Arena arena, MemorySegment tu) {
    try {
      return (MemorySegment) getTranslationUnitCursor.invokeExact((SegmentAllocator) arena, tu);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  int visitChildren(MemorySegment cursor, MemorySegment visitor) {
    try {
      return (int) visitChildren.invokeExact(cursor, visitor, MemorySegment.NULL);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  int typeVisitFields(MemorySegment type, MemorySegment visitor) {
    try {
      return (int) typeVisitFields.invokeExact(type, visitor, MemorySegment.NULL);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  int cursorInt(CursorQuery q, MemorySegment cursor) {
    MethodHandle h =
        switch (q) {
          case KIND -> getCursorKind;
          case IS_NULL -> cursorIsNull;
          case STORAGE_CLASS -> cursorGetStorageClass;
          case IS_BIT_FIELD -> cursorIsBitField;
          case IS_ANONYMOUS -> cursorIsAnonymous;
          case NUM_ARGUMENTS -> cursorGetNumArguments;
          case IS_DEFINITION -> isCursorDefinition;
        };
    try {
      return (int) h.invokeExact(cursor);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** Integer-valued cursor queries. */
  enum CursorQuery {
    KIND,
    IS_NULL,
    STORAGE_CLASS,
    IS_BIT_FIELD,
    IS_ANONYMOUS,
    NUM_ARGUMENTS,
    IS_DEFINITION
  }

  long cursorOffsetOfField(MemorySegment cursor) {
    try {
      return (long) cursorGetOffsetOfField.invokeExact(cursor);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  String cursorSpelling(Arena arena, MemorySegment cursor) {
    try {
      return string(
          (MemorySegment) getCursorSpelling.invokeExact((SegmentAllocator) arena, cursor));
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** A cursor-to-type query: the cursor's type, result type, typedef or enum integer type. */
  MemorySegment cursorType(Arena arena, CursorTypeQuery q, MemorySegment cursor) {
    MethodHandle h =
        switch (q) {
          case TYPE -> getCursorType;
          case RESULT_TYPE -> getCursorResultType;
          case TYPEDEF_UNDERLYING -> getTypedefDeclUnderlyingType;
          case ENUM_INTEGER -> getEnumDeclIntegerType;
        };
    try {
      return (MemorySegment) h.invokeExact((SegmentAllocator) arena, cursor);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** Cursor queries answered with a type. */
  enum CursorTypeQuery {
    TYPE,
    RESULT_TYPE,
    TYPEDEF_UNDERLYING,
    ENUM_INTEGER
  }

  MemorySegment cursorArgument(Arena arena, MemorySegment cursor, int i) {
    try {
      return (MemorySegment) cursorGetArgument.invokeExact((SegmentAllocator) arena, cursor, i);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  MemorySegment cursorDefinition(Arena arena, MemorySegment cursor) {
    try {
      return (MemorySegment) getCursorDefinition.invokeExact((SegmentAllocator) arena, cursor);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  boolean isFromMainFile(Arena arena, MemorySegment cursor) {
    try {
      MemorySegment loc =
          (MemorySegment) getCursorLocation.invokeExact((SegmentAllocator) arena, cursor);
      return (int) locationIsFromMainFile.invokeExact(loc) != 0;
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code file:line:column} of the cursor (presumed: where macros were expanded). */
  String location(Arena arena, MemorySegment cursor) {
    Location l = presumedLocation(arena, cursor);
    return l.file() + ":" + l.line() + ":" + l.column();
  }

  /** A presumed source location. */
  record Location(String file, int line, int column) {}

  Location presumedLocation(Arena arena, MemorySegment cursor) {
    try {
      MemorySegment loc =
          (MemorySegment) getCursorLocation.invokeExact((SegmentAllocator) arena, cursor);
      MemorySegment file = arena.allocate(CX_STRING);
      MemorySegment line = arena.allocate(JAVA_INT);
      MemorySegment column = arena.allocate(JAVA_INT);
      getPresumedLocation.invokeExact(loc, file, line, column);
      return new Location(string(file), line.get(JAVA_INT, 0), column.get(JAVA_INT, 0));
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** A type-to-string query. */
  String typeString(Arena arena, boolean typedefName, MemorySegment type) {
    try {
      MethodHandle h = typedefName ? getTypedefName : getTypeSpelling;
      return string((MemorySegment) h.invokeExact((SegmentAllocator) arena, type));
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** Type-to-type queries. */
  enum TypeQuery {
    CANONICAL,
    POINTEE,
    RESULT,
    ARRAY_ELEMENT,
    NAMED,
    MODIFIED
  }

  MemorySegment type(Arena arena, TypeQuery q, MemorySegment type) {
    MethodHandle h =
        switch (q) {
          case CANONICAL -> getCanonicalType;
          case POINTEE -> getPointeeType;
          case RESULT -> getResultType;
          case ARRAY_ELEMENT -> getArrayElementType;
          case NAMED -> typeGetNamedType;
          case MODIFIED -> typeGetModifiedType;
        };
    try {
      return (MemorySegment) h.invokeExact((SegmentAllocator) arena, type);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  MemorySegment argType(Arena arena, MemorySegment type, int i) {
    try {
      return (MemorySegment) getArgType.invokeExact((SegmentAllocator) arena, type, i);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  MemorySegment typeDeclaration(Arena arena, MemorySegment type) {
    try {
      return (MemorySegment) getTypeDeclaration.invokeExact((SegmentAllocator) arena, type);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** Number-valued type queries. */
  enum TypeNumber {
    NUM_ARG_TYPES,
    IS_VARIADIC,
    ARRAY_SIZE,
    SIZE_OF,
    ALIGN_OF
  }

  long typeNumber(TypeNumber q, MemorySegment type) {
    try {
      return switch (q) {
        case NUM_ARG_TYPES -> (int) getNumArgTypes.invokeExact(type);
        case IS_VARIADIC -> (int) isFunctionTypeVariadic.invokeExact(type);
        case ARRAY_SIZE -> (long) getArraySize.invokeExact(type);
        case SIZE_OF -> (long) typeGetSizeOf.invokeExact(type);
        case ALIGN_OF -> (long) typeGetAlignOf.invokeExact(type);
      };
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  long typeOffsetOf(Arena arena, MemorySegment type, String field) {
    try {
      return (long) typeGetOffsetOf.invokeExact(type, arena.allocateFrom(field));
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }
}

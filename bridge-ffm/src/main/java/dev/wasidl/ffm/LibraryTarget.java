package dev.wasidl.ffm;

import dev.wasidl.ffm.internal.LoaderSearch;
import dev.wasidl.ffm.internal.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A library as the policy sees it: the name it was asked for, the name bare rules match, and the
 * canonical path of the file the loader opens for it ({@code realpath}), which path rules match and
 * which bridge-ffm then passes to {@code dlopen}.
 *
 * @param given the name as asked for; null for the running process
 * @param name for a bare request the name itself, else the last segment of the path (what a bare
 *     rule is matched against)
 * @param bare whether {@code given} has no {@code /} (the loader searches for it)
 * @param canonical the real path of the file; null for the process or when no file is found
 */
record LibraryTarget(
    @Nullable String given, @Nullable String name, boolean bare, @Nullable String canonical) {

  static final LibraryTarget PROCESS = new LibraryTarget(null, null, false, null);

  boolean isProcess() {
    return given == null;
  }

  /**
   * Resolves a requested name the way the loader will: a bare name by the loader's search ({@link
   * LoaderSearch}), a path by {@code realpath} (relative to the working directory, as dlopen does).
   *
   * @throws PolicyException for a name with a {@code ..} segment
   */
  static LibraryTarget resolve(@Nullable String given) {
    if (given == null) {
      return PROCESS;
    }
    if (given.indexOf('\0') >= 0) {
      // dlopen would see only the part before the NUL: a name the rules were not matched on
      throw new PolicyException("library name " + given.replace('\0', '?') + " contains a NUL");
    }
    if (hasDotDot(given)) {
      throw new PolicyException(
          "library "
              + given
              + " is refused: its name has a '..' segment (name the library by a path without"
              + " '..')");
    }
    if (given.indexOf('/') < 0) {
      String found = LoaderSearch.find(given);
      return new LibraryTarget(given, given, true, found == null ? null : Native.realpath(found));
    }
    return new LibraryTarget(given, lastSegment(given), false, Native.realpath(given));
  }

  /** A loaded object by its link-map file name (a dependency that defines a symbol). */
  static LibraryTarget ofObject(String file) {
    return new LibraryTarget(
        file, lastSegment(file), false, file.isEmpty() ? null : Native.realpath(file));
  }

  /**
   * Whether a bare name resolves, by the loader's search, to this target's file: what makes a bare
   * rule grant an object that was named by its path.
   */
  boolean isWhatTheLoaderFinds(String bareName) {
    if (canonical == null) {
      return false;
    }
    String found = LoaderSearch.find(bareName);
    return found != null && canonical.equals(Native.realpath(found));
  }

  /**
   * Whether the object loaded from {@code loadedFile} (a link map's name) is this target's file.
   */
  boolean isLoadedFrom(String loadedFile) {
    if (canonical == null || loadedFile.isEmpty()) {
      return false;
    }
    String real = Native.realpath(loadedFile);
    if (canonical.equals(real)) {
      return true;
    }
    try {
      return real != null && Files.isSameFile(Path.of(canonical), Path.of(real));
    } catch (IOException e) {
      return false;
    }
  }

  /** How errors show it: the name asked for, with the file it resolves to when that differs. */
  String describe() {
    if (given == null) {
      return DlPolicy.PROCESS;
    }
    return canonical == null || canonical.equals(given) ? given : given + " (" + canonical + ")";
  }

  static boolean hasDotDot(String path) {
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..")) {
        return true;
      }
    }
    return false;
  }

  private static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}

package dev.wasidl.wasi;

import dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a guest path against a directory descriptor the way WASI's path-resolution.md asks: one
 * component at a time, {@code .} and {@code ..} applied to the components resolved so far, every
 * symbolic link read and its target spliced into the components still to go (the host never follows
 * a link for us). It fails with {@code not-permitted} for an absolute path, a link to an absolute
 * path, or a {@code ..} (written or from a link) that would climb above the base descriptor's
 * directory. What it returns is free of links except perhaps the last component (when not
 * following), so the host path of the result is inside the preopen.
 *
 * <p>Residual risk (time of check to time of use): the checks are {@code lstat}s, and the operation
 * then uses the host path. A process (or another instance sharing the directory) that swaps an
 * intermediate directory for a symbolic link between the check and the use can redirect the
 * operation outside the preopen. The last component is never followed by the operations (they use
 * {@code NOFOLLOW_LINKS} or calls that do not follow), which closes the window for it, but not for
 * the directories above it. A guest alone cannot race itself: its calls are sequential. Closing
 * this fully needs {@code openat2(RESOLVE_BENEATH)} or an {@code openat}-per-component walk, which
 * java.nio does not offer for every operation.
 */
final class PathResolver {
  /** How many symbolic links one resolution may follow (Linux's limit). */
  static final int MAX_LINKS = 40;

  private PathResolver() {}

  /**
   * Where {@code path} leads from {@code base}.
   *
   * @param components the resolved components below the preopen root
   * @param dotLast the last component the guest wrote is {@code .} or {@code ..} (so it names no
   *     directory entry that could be created, removed or renamed)
   * @param trailingSlash the path ends with {@code /}: it must name a directory
   */
  record Resolved(FsRoot root, List<String> components, boolean dotLast, boolean trailingSlash) {
    Path hostPath() {
      return root.resolve(components);
    }
  }

  /**
   * Resolves {@code path} below {@code base}, following a link in the last component only if {@code
   * followLast}. A trailing {@code /} is only reported: the caller decides whether it follows.
   */
  static Resolved resolve(FsDescriptor base, String path, boolean followLast) throws FsError {
    if (!base.isDirectory()) {
      throw new FsError(ErrorCode.NOT_DIRECTORY, "the base descriptor is not a directory");
    }
    verify(base);
    if (path.isEmpty()) {
      throw new FsError(ErrorCode.NO_ENTRY, "empty path");
    }
    if (path.startsWith("/")) {
      throw new FsError(ErrorCode.NOT_PERMITTED, "absolute path " + path);
    }
    if (path.indexOf('\0') >= 0) {
      throw new FsError(ErrorCode.INVALID, "path holds a NUL");
    }
    FsRoot root = base.root();
    int floor = base.components().size();
    boolean trailingSlash = path.endsWith("/");
    boolean follow = followLast;
    List<String> written = split(path);
    String lastWritten = written.isEmpty() ? "." : written.getLast();
    boolean dotLast = lastWritten.equals(".") || lastWritten.equals("..");
    Deque<String> todo = new ArrayDeque<>(written);
    List<String> done = new ArrayList<>(base.components());
    int links = 0;
    while (!todo.isEmpty()) {
      String c = todo.removeFirst();
      boolean last = todo.isEmpty();
      if (c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (done.size() <= floor) {
          throw new FsError(ErrorCode.NOT_PERMITTED, "path " + path + " leaves its directory");
        }
        done.removeLast();
        continue;
      }
      done.add(c);
      if (last && !follow) {
        break;
      }
      Path host = root.resolve(done);
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        if (last) {
          break; // the operation creates it or reports no-entry
        }
        throw new FsError(ErrorCode.NO_ENTRY, "no " + c + " in path " + path, e);
      } catch (IOException | RuntimeException e) {
        throw FsError.of(e);
      }
      if (a.isSymbolicLink()) {
        if (++links > MAX_LINKS) {
          throw new FsError(ErrorCode.LOOP, "too many symbolic links in " + path);
        }
        String target;
        try {
          target = Files.readSymbolicLink(host).toString();
        } catch (IOException | RuntimeException e) {
          throw FsError.of(e);
        }
        if (target.startsWith("/")) {
          throw new FsError(
              ErrorCode.NOT_PERMITTED, "symbolic link " + c + " points to an absolute path");
        }
        if (target.isEmpty()) {
          throw new FsError(ErrorCode.NO_ENTRY, "empty symbolic link " + c);
        }
        done.removeLast();
        List<String> t = split(target);
        for (int i = t.size() - 1; i >= 0; i--) {
          todo.addFirst(t.get(i));
        }
        continue;
      }
      if (!last && !a.isDirectory()) {
        throw new FsError(ErrorCode.NOT_DIRECTORY, c + " in path " + path + " is not a directory");
      }
    }
    return new Resolved(root, done, dotLast, trailingSlash);
  }

  /**
   * Checks that {@code d}'s path still leads, inside its preopen, to what {@code d} opened: the
   * preopen directory is the same directory, every component below it is a real directory (not a
   * link, which the kernel would follow), and the last one is the same object. Without this a guest
   * could, in sequential calls, rename a directory it holds a descriptor for and put a link to
   * {@code ..} in its place, and the descriptor's path would then lead out of the preopen.
   *
   * @throws FsError {@code no-entry} if it is gone, {@code bad-descriptor} if it was replaced
   */
  static void verify(FsDescriptor d) throws FsError {
    FsRoot root = d.root();
    Path p = root.realPath();
    BasicFileAttributes a = lstat(p, d);
    if (!a.isDirectory() || !java.util.Objects.equals(a.fileKey(), root.fileKey())) {
      throw replaced(d);
    }
    List<String> cs = d.components();
    for (int i = 0; i < cs.size(); i++) {
      p = p.resolve(cs.get(i));
      a = lstat(p, d);
      if (a.isSymbolicLink() || (i < cs.size() - 1 && !a.isDirectory())) {
        throw replaced(d);
      }
    }
    if (!java.util.Objects.equals(a.fileKey(), d.fileKey())) {
      throw replaced(d);
    }
  }

  private static BasicFileAttributes lstat(Path p, FsDescriptor d) throws FsError {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new FsError(
          ErrorCode.NO_ENTRY, "what the descriptor " + display(d) + " opened is gone", e);
    } catch (IOException | RuntimeException e) {
      throw FsError.of(e);
    }
  }

  private static FsError replaced(FsDescriptor d) {
    return new FsError(
        ErrorCode.BAD_DESCRIPTOR,
        "what the descriptor " + display(d) + " opened was moved or replaced");
  }

  private static String display(FsDescriptor d) {
    return d.root().guestPath() + "/" + String.join("/", d.components());
  }

  /** The non-empty components of a {@code /}-separated path. */
  static List<String> split(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/", -1)) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }
}

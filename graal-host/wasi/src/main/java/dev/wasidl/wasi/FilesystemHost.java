package dev.wasidl.wasi;

import dev.wasidl.abi.Trap;
import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Result;
import dev.wasidl.bindings.Tuple2;
import dev.wasidl.wasi.bindings.wasi.clocks.WallClock.Datetime;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types;
import dev.wasidl.wasi.bindings.wasi.io.Streams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The host side of {@code wasi:filesystem/types} on java.nio.file: descriptors ({@link
 * FsDescriptor}) are directories below a preopen or files open on a {@link FileChannel}; every
 * guest path goes through {@link PathResolver}, so nothing outside a granted preopen is reachable
 * and a read-only preopen refuses every change ({@code read-only}).
 *
 * <p>Rights: a preopen descriptor has {@code read}, plus {@code mutate-directory} when the preopen
 * is writable; {@code open-at} hands out no more than its base has ({@code write}, {@code create},
 * {@code truncate} or {@code mutate-directory} need {@code mutate-directory} on the base); writes
 * need {@code write} on the file ({@code bad-descriptor} otherwise), reads need {@code read}. Only
 * directories and regular files are opened (a FIFO or a device could block the host: {@code
 * unsupported}).
 */
final class FilesystemHost implements Types {
  /** The most one {@code read} returns, whatever length the guest asks for. */
  static final int MAX_READ = FileReadStream.MAX_READ;

  private final WasiCtx ctx;
  private final byte[] hashSecret = new byte[16];
  private @Nullable List<FsRoot> roots;

  FilesystemHost(WasiCtx ctx) {
    this.ctx = ctx;
    new SecureRandom().nextBytes(hashSecret);
  }

  /**
   * The config's preopens with their host directories resolved (once per instance).
   *
   * @throws Trap if a preopen's host path is not an existing directory
   */
  List<FsRoot> roots() {
    if (roots == null) {
      List<FsRoot> out = new ArrayList<>();
      for (WasiConfig.Preopen p : ctx.config().preopens()) {
        Path real;
        try {
          real = p.hostPath().toRealPath();
        } catch (IOException e) {
          throw new Trap("preopen " + p.hostPath() + " cannot be opened: " + e);
        }
        if (!Files.isDirectory(real)) {
          throw new Trap("preopen " + p.hostPath() + " is not a directory");
        }
        Object key;
        try {
          key =
              Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                  .fileKey();
        } catch (IOException e) {
          throw new Trap("preopen " + p.hostPath() + " cannot be read: " + e);
        }
        out.add(new FsRoot(real, p.guestPath(), p.writable(), key));
      }
      roots = List.copyOf(out);
    }
    return roots;
  }

  /** A new descriptor for {@code root}'s directory, with the rights the preopen grants. */
  Resource<Descriptor> openPreopen(FsRoot root) {
    Set<DescriptorFlags> flags = EnumSet.of(DescriptorFlags.READ);
    if (root.writable()) {
      flags.add(DescriptorFlags.MUTATE_DIRECTORY);
    }
    return ctx.table().push(FsDescriptor.directory(root, List.of(), flags, root.fileKey()));
  }

  // ---- descriptor: file data ----

  @Override
  public Result<Resource<Streams.InputStream>, ErrorCode> descriptorReadViaStream(
      Resource<Descriptor> self, long offset) {
    return attempt(
        () -> {
          FsDescriptor d = readable(self);
          return ctx.table().push(new FileReadStream(d.file(), offset(offset)));
        });
  }

  @Override
  public Result<Resource<Streams.OutputStream>, ErrorCode> descriptorWriteViaStream(
      Resource<Descriptor> self, long offset) {
    return attempt(
        () -> {
          FsDescriptor d = writable(self);
          return ctx.table().push(FileWriteStream.at(d.file(), offset(offset)));
        });
  }

  @Override
  public Result<Resource<Streams.OutputStream>, ErrorCode> descriptorAppendViaStream(
      Resource<Descriptor> self) {
    return attempt(() -> ctx.table().push(FileWriteStream.appending(writable(self).file())));
  }

  @Override
  public Result<Void, ErrorCode> descriptorAdvise(
      Resource<Descriptor> self, long offset, long length, Advice advice) {
    descriptor(self);
    return Result.ok(); // advice only: nothing to do
  }

  @Override
  public Result<Void, ErrorCode> descriptorSyncData(Resource<Descriptor> self) {
    return sync(self, false);
  }

  @Override
  public Result<Void, ErrorCode> descriptorSync(Resource<Descriptor> self) {
    return sync(self, true);
  }

  private Result<Void, ErrorCode> sync(Resource<Descriptor> self, boolean metadata) {
    return attempt(
        () -> {
          FsDescriptor d = descriptor(self);
          if (!d.isDirectory() && d.has(DescriptorFlags.WRITE)) {
            d.file().channel().force(metadata);
          }
          return null;
        });
  }

  @Override
  public Result<Set<DescriptorFlags>, ErrorCode> descriptorGetFlags(Resource<Descriptor> self) {
    return Result.ok(descriptor(self).flags());
  }

  @Override
  public Result<DescriptorType, ErrorCode> descriptorGetType(Resource<Descriptor> self) {
    FsDescriptor d = descriptor(self);
    // Only directories and regular files are ever opened.
    return Result.ok(d.isDirectory() ? DescriptorType.DIRECTORY : DescriptorType.REGULAR_FILE);
  }

  @Override
  public Result<Void, ErrorCode> descriptorSetSize(Resource<Descriptor> self, long size) {
    return attempt(
        () -> {
          FileChannel ch = writable(self).file().channel();
          if (size < 0) {
            throw new FsError(ErrorCode.FILE_TOO_LARGE, "size beyond 2^63");
          }
          long now = ch.size();
          if (size < now) {
            ch.truncate(size);
          } else if (size > now) {
            ch.write(ByteBuffer.allocate(1), size - 1); // beyond the end: the gap reads as zeros
          }
          return null;
        });
  }

  @Override
  public Result<Void, ErrorCode> descriptorSetTimes(
      Resource<Descriptor> self,
      NewTimestamp dataAccessTimestamp,
      NewTimestamp dataModificationTimestamp) {
    return attempt(
        () -> {
          FsDescriptor d = descriptor(self);
          if (d.isDirectory()) {
            requireMutate(d);
          } else {
            writable(self);
          }
          setTimes(d.verifiedPath(), dataAccessTimestamp, dataModificationTimestamp);
          return null;
        });
  }

  @Override
  public Result<Tuple2<byte[], Boolean>, ErrorCode> descriptorRead(
      Resource<Descriptor> self, long length, long offset) {
    return attempt(
        () -> {
          FileChannel ch = readable(self).file().channel();
          long at = offset(offset);
          int n = length < 0 || length > MAX_READ ? MAX_READ : (int) length;
          ByteBuffer buf = ByteBuffer.allocate(n);
          boolean end = false;
          while (buf.hasRemaining()) {
            int got = ch.read(buf, at + buf.position());
            if (got < 0) {
              end = true;
              break;
            }
          }
          int got = buf.position();
          end = end || at + got >= ch.size();
          byte[] bytes = got == n ? buf.array() : java.util.Arrays.copyOf(buf.array(), got);
          return new Tuple2<>(bytes, end);
        });
  }

  @Override
  public Result<Long, ErrorCode> descriptorWrite(
      Resource<Descriptor> self, byte[] buffer, long offset) {
    return attempt(
        () -> {
          FileChannel ch = writable(self).file().channel();
          if (offset < 0) {
            throw new FsError(ErrorCode.FILE_TOO_LARGE, "offset beyond 2^63");
          }
          ByteBuffer buf = ByteBuffer.wrap(buffer);
          while (buf.hasRemaining()) {
            ch.write(buf, offset + buf.position());
          }
          return (long) buffer.length;
        });
  }

  // ---- descriptor: directories ----

  @Override
  public Result<Resource<DirectoryEntryStream>, ErrorCode> descriptorReadDirectory(
      Resource<Descriptor> self) {
    return attempt(
        () -> {
          FsDescriptor d = descriptor(self);
          if (!d.isDirectory()) {
            throw new FsError(ErrorCode.NOT_DIRECTORY, "not a directory");
          }
          return ctx.table().push(new DirEntryStream(d));
        });
  }

  @Override
  public Result<Optional<DirectoryEntry>, ErrorCode> directoryEntryStreamReadDirectoryEntry(
      Resource<DirectoryEntryStream> self) {
    DirEntryStream s = ctx.table().get(self, DirEntryStream.class);
    return attempt(s::next);
  }

  @Override
  public Result<Void, ErrorCode> descriptorCreateDirectoryAt(
      Resource<Descriptor> self, String path) {
    return attempt(
        () -> {
          FsDescriptor base = mutable(self);
          PathResolver.Resolved r = PathResolver.resolve(base, path, false);
          if (r.dotLast()) {
            throw new FsError(ErrorCode.EXIST, path + " exists");
          }
          Files.createDirectory(r.hostPath());
          return null;
        });
  }

  @Override
  public Result<Void, ErrorCode> descriptorRemoveDirectoryAt(
      Resource<Descriptor> self, String path) {
    return attempt(
        () -> {
          FsDescriptor base = mutable(self);
          PathResolver.Resolved r = PathResolver.resolve(base, path, false);
          if (r.dotLast()) {
            throw new FsError(ErrorCode.INVALID, "cannot remove " + path);
          }
          Path host = r.hostPath();
          if (!lstat(host).isDirectory()) {
            throw new FsError(ErrorCode.NOT_DIRECTORY, path + " is not a directory");
          }
          Files.delete(host);
          return null;
        });
  }

  @Override
  public Result<Void, ErrorCode> descriptorUnlinkFileAt(Resource<Descriptor> self, String path) {
    return attempt(
        () -> {
          FsDescriptor base = mutable(self);
          PathResolver.Resolved r = PathResolver.resolve(base, path, false);
          if (r.dotLast()) {
            throw new FsError(ErrorCode.IS_DIRECTORY, path + " is a directory");
          }
          Path host = r.hostPath();
          BasicFileAttributes a = lstat(host);
          if (a.isDirectory()) {
            throw new FsError(ErrorCode.IS_DIRECTORY, path + " is a directory");
          }
          if (r.trailingSlash()) {
            throw new FsError(ErrorCode.NOT_DIRECTORY, path + " is not a directory");
          }
          Files.delete(host);
          return null;
        });
  }

  @Override
  public Result<Void, ErrorCode> descriptorRenameAt(
      Resource<Descriptor> self,
      String oldPath,
      Resource<Descriptor> newDescriptor,
      String newPath) {
    return attempt(
        () -> {
          FsDescriptor from = mutable(self);
          FsDescriptor to = mutable(newDescriptor);
          PathResolver.Resolved src = PathResolver.resolve(from, oldPath, false);
          PathResolver.Resolved dst = PathResolver.resolve(to, newPath, false);
          if (src.dotLast() || dst.dotLast()) {
            throw new FsError(ErrorCode.INVALID, "cannot rename . or ..");
          }
          BasicFileAttributes a = lstat(src.hostPath());
          if ((src.trailingSlash() || dst.trailingSlash()) && !a.isDirectory()) {
            throw new FsError(ErrorCode.NOT_DIRECTORY, oldPath + " is not a directory");
          }
          Files.move(src.hostPath(), dst.hostPath(), StandardCopyOption.ATOMIC_MOVE);
          return null;
        });
  }

  @Override
  public Result<Void, ErrorCode> descriptorLinkAt(
      Resource<Descriptor> self,
      Set<PathFlags> oldPathFlags,
      String oldPath,
      Resource<Descriptor> newDescriptor,
      String newPath) {
    return attempt(
        () -> {
          // Both sides must be mutable: a link from a read-only preopen into a writable one would
          // make the read-only file writable.
          FsDescriptor from = mutable(self);
          FsDescriptor to = mutable(newDescriptor);
          PathResolver.Resolved src = PathResolver.resolve(from, oldPath, follow(oldPathFlags));
          PathResolver.Resolved dst = PathResolver.resolve(to, newPath, false);
          if (lstat(src.hostPath()).isDirectory()) {
            throw new FsError(ErrorCode.NOT_PERMITTED, oldPath + " is a directory");
          }
          if (dst.dotLast() || dst.trailingSlash()) {
            throw new FsError(ErrorCode.EXIST, newPath + " exists");
          }
          Files.createLink(dst.hostPath(), src.hostPath());
          return null;
        });
  }

  @Override
  public Result<Void, ErrorCode> descriptorSymlinkAt(
      Resource<Descriptor> self, String oldPath, String newPath) {
    return attempt(
        () -> {
          FsDescriptor base = mutable(self);
          if (oldPath.startsWith("/")) {
            throw new FsError(ErrorCode.NOT_PERMITTED, "absolute link target " + oldPath);
          }
          if (oldPath.isEmpty()) {
            throw new FsError(ErrorCode.NO_ENTRY, "empty link target");
          }
          PathResolver.Resolved r = PathResolver.resolve(base, newPath, false);
          if (r.dotLast()) {
            throw new FsError(ErrorCode.EXIST, newPath + " exists");
          }
          Files.createSymbolicLink(r.hostPath(), Path.of(oldPath));
          return null;
        });
  }

  @Override
  public Result<String, ErrorCode> descriptorReadlinkAt(Resource<Descriptor> self, String path) {
    return attempt(
        () -> {
          PathResolver.Resolved r = PathResolver.resolve(descriptor(self), path, false);
          String target = Files.readSymbolicLink(r.hostPath()).toString();
          if (target.startsWith("/")) {
            throw new FsError(ErrorCode.NOT_PERMITTED, "link to an absolute path");
          }
          return target;
        });
  }

  @Override
  public Result<Resource<Descriptor>, ErrorCode> descriptorOpenAt(
      Resource<Descriptor> self,
      Set<PathFlags> pathFlags,
      String path,
      Set<OpenFlags> openFlags,
      Set<DescriptorFlags> flags) {
    return attempt(
        () -> ctx.table().push(openAt(descriptor(self), pathFlags, path, openFlags, flags)));
  }

  private FsDescriptor openAt(
      FsDescriptor base,
      Set<PathFlags> pathFlags,
      String path,
      Set<OpenFlags> openFlags,
      Set<DescriptorFlags> flags)
      throws IOException {
    if (!base.isDirectory()) {
      throw new FsError(ErrorCode.NOT_DIRECTORY, "the base descriptor is not a directory");
    }
    boolean create = openFlags.contains(OpenFlags.CREATE);
    boolean exclusive = create && openFlags.contains(OpenFlags.EXCLUSIVE);
    boolean truncate = openFlags.contains(OpenFlags.TRUNCATE);
    boolean write = flags.contains(DescriptorFlags.WRITE);
    if (write || create || truncate || flags.contains(DescriptorFlags.MUTATE_DIRECTORY)) {
      requireMutate(base);
    }
    // O_CREAT|O_EXCL never follows a link in the last component.
    boolean follow = !exclusive && (follow(pathFlags) || path.endsWith("/"));
    PathResolver.Resolved r = PathResolver.resolve(base, path, follow);
    Path host = r.hostPath();
    BasicFileAttributes a = lstatOrNull(host);
    Set<DescriptorFlags> fileFlags = EnumSet.noneOf(DescriptorFlags.class);
    fileFlags.addAll(flags);
    fileFlags.remove(DescriptorFlags.MUTATE_DIRECTORY);
    if (a != null) {
      if (exclusive) {
        throw new FsError(ErrorCode.EXIST, path + " exists");
      }
      if (a.isSymbolicLink()) {
        throw new FsError(ErrorCode.LOOP, path + " is a symbolic link (not followed)");
      }
      if (a.isDirectory()) {
        if (write || truncate) {
          throw new FsError(ErrorCode.IS_DIRECTORY, path + " is a directory");
        }
        return FsDescriptor.directory(r.root(), r.components(), flags, a.fileKey());
      }
      if (openFlags.contains(OpenFlags.DIRECTORY) || r.trailingSlash()) {
        throw new FsError(ErrorCode.NOT_DIRECTORY, path + " is not a directory");
      }
      if (!a.isRegularFile()) {
        throw new FsError(
            ErrorCode.UNSUPPORTED, path + " is neither a regular file nor a directory");
      }
    } else {
      if (!create) {
        throw new FsError(ErrorCode.NO_ENTRY, "no " + path);
      }
      if (r.trailingSlash()) {
        throw new FsError(ErrorCode.IS_DIRECTORY, "cannot create a file named " + path);
      }
      if (openFlags.contains(OpenFlags.DIRECTORY)) {
        throw new FsError(ErrorCode.INVALID, "create and directory together");
      }
    }
    Set<OpenOption> options = new HashSet<>();
    options.add(LinkOption.NOFOLLOW_LINKS);
    if (flags.contains(DescriptorFlags.READ) || !write) {
      options.add(StandardOpenOption.READ);
    }
    if (write || create || truncate) {
      options.add(StandardOpenOption.WRITE); // rights are the descriptor's flags, not the channel's
    }
    if (create) {
      options.add(exclusive ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
    }
    if (truncate) {
      options.add(StandardOpenOption.TRUNCATE_EXISTING);
    }
    FileChannel ch = FileChannel.open(host, options);
    Object key;
    try {
      key = lstat(host).fileKey();
    } catch (IOException e) {
      ch.close();
      throw e;
    }
    return FsDescriptor.file(r.root(), r.components(), fileFlags, new SharedChannel(ch), key);
  }

  // ---- descriptor: metadata ----

  @Override
  public Result<DescriptorStat, ErrorCode> descriptorStat(Resource<Descriptor> self) {
    return attempt(() -> metadata(descriptor(self)).toStat());
  }

  @Override
  public Result<DescriptorStat, ErrorCode> descriptorStatAt(
      Resource<Descriptor> self, Set<PathFlags> pathFlags, String path) {
    return attempt(() -> FsMetadata.of(at(self, pathFlags, path)).toStat());
  }

  @Override
  public Result<Void, ErrorCode> descriptorSetTimesAt(
      Resource<Descriptor> self,
      Set<PathFlags> pathFlags,
      String path,
      NewTimestamp dataAccessTimestamp,
      NewTimestamp dataModificationTimestamp) {
    return attempt(
        () -> {
          mutable(self);
          setTimes(at(self, pathFlags, path), dataAccessTimestamp, dataModificationTimestamp);
          return null;
        });
  }

  @Override
  public boolean descriptorIsSameObject(Resource<Descriptor> self, Resource<Descriptor> other) {
    FsDescriptor a = descriptor(self);
    FsDescriptor b = descriptor(other);
    if (a == b) {
      return true;
    }
    // The identities of what each opened (device and inode), as POSIX compares open files.
    if (a.fileKey() != null) {
      return a.fileKey().equals(b.fileKey());
    }
    return a.hostPath().equals(b.hostPath());
  }

  @Override
  public Result<MetadataHashValue, ErrorCode> descriptorMetadataHash(Resource<Descriptor> self) {
    return attempt(() -> hash(metadata(descriptor(self))));
  }

  @Override
  public Result<MetadataHashValue, ErrorCode> descriptorMetadataHashAt(
      Resource<Descriptor> self, Set<PathFlags> pathFlags, String path) {
    return attempt(() -> hash(FsMetadata.of(at(self, pathFlags, path))));
  }

  /**
   * What {@code d} opened: read by its path while that still leads to it; for a file moved or
   * removed since it was opened, what its channel still knows (type, size and identity).
   */
  private static FsMetadata metadata(FsDescriptor d) throws IOException {
    try {
      return FsMetadata.of(d.verifiedPath());
    } catch (FsError e) {
      if (d.isDirectory()) {
        throw e;
      }
      long size = d.file().channel().size();
      return new FsMetadata(DescriptorType.REGULAR_FILE, 0, size, null, null, null, d.fileKey());
    }
  }

  /** A keyed hash of the object's identity, size and times (the key never leaves the host). */
  private MetadataHashValue hash(FsMetadata m) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    sha.update(hashSecret);
    String fields =
        m.fileKey() + "|" + m.size() + "|" + m.type() + "|" + m.modified() + "|" + m.changed();
    ByteBuffer d = ByteBuffer.wrap(sha.digest(fields.getBytes(StandardCharsets.UTF_8)));
    return new MetadataHashValue(d.getLong(), d.getLong());
  }

  // ---- errors and drops ----

  /**
   * The code of the failure behind an io error: the {@link IOException} in the {@link IoError}'s
   * cause chain (a host file stream's {@link FsError}, or any other I/O failure). None for anything
   * else.
   */
  @Override
  public Optional<ErrorCode> filesystemErrorCode(
      Resource<dev.wasidl.wasi.bindings.wasi.io.Error.Error_> err) {
    for (Throwable t = ctx.table().get(err, IoError.class).cause(); t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return Optional.of(FsError.codeOf(io));
      }
    }
    return Optional.empty();
  }

  @Override
  public void dropDescriptor(Resource<Descriptor> self) {
    ((FsDescriptor) Objects.requireNonNull(ctx.table().delete(self))).close();
  }

  @Override
  public void dropDirectoryEntryStream(Resource<DirectoryEntryStream> self) {
    ((DirEntryStream) Objects.requireNonNull(ctx.table().delete(self))).close();
  }

  // ---- helpers ----

  /** Runs an operation and maps its I/O failure to the WASI error code; a {@link Trap} passes. */
  private static <T> Result<T, ErrorCode> attempt(Op<T> op) {
    try {
      return Result.ok(op.run());
    } catch (IOException
        | UncheckedIOException
        | DirectoryIteratorException
        | InvalidPathException
        | UnsupportedOperationException
        | SecurityException
        | NonReadableChannelException
        | NonWritableChannelException
        | DateTimeException
        | ArithmeticException e) {
      Throwable t =
          e instanceof UncheckedIOException || e instanceof DirectoryIteratorException
              ? Objects.requireNonNull(e.getCause())
              : e;
      return Result.err(
          t instanceof DateTimeException || t instanceof ArithmeticException
              ? ErrorCode.INVALID
              : FsError.codeOf(t));
    }
  }

  @FunctionalInterface
  private interface Op<T> {
    T run() throws IOException;
  }

  private FsDescriptor descriptor(Resource<Descriptor> r) {
    return ctx.table().get(r, FsDescriptor.class);
  }

  /** A file descriptor that may be read. */
  private FsDescriptor readable(Resource<Descriptor> r) throws FsError {
    FsDescriptor d = descriptor(r);
    if (d.isDirectory()) {
      throw new FsError(ErrorCode.IS_DIRECTORY, "a directory is not read as a file");
    }
    if (!d.has(DescriptorFlags.READ)) {
      throw new FsError(ErrorCode.BAD_DESCRIPTOR, "not open for reading");
    }
    return d;
  }

  /** A file descriptor that may be written. */
  private FsDescriptor writable(Resource<Descriptor> r) throws FsError {
    FsDescriptor d = descriptor(r);
    if (d.isDirectory()) {
      throw new FsError(ErrorCode.IS_DIRECTORY, "a directory is not written as a file");
    }
    if (!d.root().writable()) {
      throw new FsError(ErrorCode.READ_ONLY, "read-only preopen " + d.root().guestPath());
    }
    if (!d.has(DescriptorFlags.WRITE)) {
      throw new FsError(ErrorCode.BAD_DESCRIPTOR, "not open for writing");
    }
    return d;
  }

  /** A directory descriptor whose directory may be changed. */
  private FsDescriptor mutable(Resource<Descriptor> r) throws FsError {
    FsDescriptor d = descriptor(r);
    if (!d.isDirectory()) {
      throw new FsError(ErrorCode.NOT_DIRECTORY, "the base descriptor is not a directory");
    }
    requireMutate(d);
    return d;
  }

  private static void requireMutate(FsDescriptor d) throws FsError {
    if (!d.root().writable() || !d.has(DescriptorFlags.MUTATE_DIRECTORY)) {
      throw new FsError(
          ErrorCode.READ_ONLY, "descriptor below " + d.root().guestPath() + " is read-only");
    }
  }

  private Path at(Resource<Descriptor> self, Set<PathFlags> pathFlags, String path) throws FsError {
    boolean follow = follow(pathFlags) || path.endsWith("/");
    return PathResolver.resolve(descriptor(self), path, follow).hostPath();
  }

  private static boolean follow(Set<PathFlags> pathFlags) {
    return pathFlags.contains(PathFlags.SYMLINK_FOLLOW);
  }

  private static long offset(long offset) throws FsError {
    if (offset < 0) {
      throw new FsError(ErrorCode.INVALID, "offset beyond 2^63");
    }
    return offset;
  }

  private static BasicFileAttributes lstat(Path p) throws IOException {
    return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
  }

  private static @Nullable BasicFileAttributes lstatOrNull(Path p) throws IOException {
    try {
      return lstat(p);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static void setTimes(Path p, NewTimestamp access, NewTimestamp modification)
      throws IOException {
    FileTime a = time(access);
    FileTime m = time(modification);
    if (a == null && m == null) {
      lstat(p); // still report a missing file
      return;
    }
    Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .setTimes(m, a, null);
  }

  private static @Nullable FileTime time(NewTimestamp t) {
    return switch (t) {
      case NewTimestamp.NoChange n -> null;
      case NewTimestamp.Now n -> FileTime.from(Instant.now());
      case NewTimestamp.Timestamp ts -> {
        Datetime d = ts.value();
        if (Integer.toUnsignedLong(d.nanoseconds()) >= 1_000_000_000L || d.seconds() < 0) {
          throw new DateTimeException("timestamp out of range");
        }
        yield FileTime.from(Instant.ofEpochSecond(d.seconds(), d.nanoseconds()));
      }
    };
  }
}

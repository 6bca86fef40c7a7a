package dev.wasidl.wasi;

import dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A filesystem failure with its WASI {@link ErrorCode}. Host file streams throw it too, so {@code
 * filesystem-error-code} can recover the code from a stream's {@code last-operation-failed} error.
 */
final class FsError extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * What {@code java.nio.file} leaves as a plain {@link FileSystemException}: the errno is only in
   * its reason, the C library's {@code strerror} text (glibc, English).
   */
  private static final Map<String, ErrorCode> REASONS =
      Map.ofEntries(
          Map.entry("directory not empty", ErrorCode.NOT_EMPTY),
          Map.entry("not a directory", ErrorCode.NOT_DIRECTORY),
          Map.entry("is a directory", ErrorCode.IS_DIRECTORY),
          Map.entry("too many levels of symbolic links", ErrorCode.LOOP),
          Map.entry("invalid argument", ErrorCode.INVALID),
          Map.entry("read-only file system", ErrorCode.READ_ONLY),
          Map.entry("operation not permitted", ErrorCode.NOT_PERMITTED),
          Map.entry("permission denied", ErrorCode.ACCESS),
          Map.entry("invalid cross-device link", ErrorCode.CROSS_DEVICE),
          Map.entry("file name too long", ErrorCode.NAME_TOO_LONG),
          Map.entry("no space left on device", ErrorCode.INSUFFICIENT_SPACE),
          Map.entry("device or resource busy", ErrorCode.BUSY),
          Map.entry("too many links", ErrorCode.TOO_MANY_LINKS),
          Map.entry("text file busy", ErrorCode.TEXT_FILE_BUSY),
          Map.entry("disk quota exceeded", ErrorCode.QUOTA),
          Map.entry("file too large", ErrorCode.FILE_TOO_LARGE),
          Map.entry("file exists", ErrorCode.EXIST),
          Map.entry("no such file or directory", ErrorCode.NO_ENTRY),
          Map.entry("bad file descriptor", ErrorCode.BAD_DESCRIPTOR),
          Map.entry("input/output error", ErrorCode.IO),
          Map.entry("illegal seek", ErrorCode.INVALID_SEEK),
          Map.entry("operation not supported", ErrorCode.UNSUPPORTED),
          Map.entry("no such device", ErrorCode.NO_DEVICE),
          Map.entry("no such device or address", ErrorCode.NO_SUCH_DEVICE),
          Map.entry("value too large for defined data type", ErrorCode.OVERFLOW),
          Map.entry("cannot allocate memory", ErrorCode.INSUFFICIENT_MEMORY),
          Map.entry("interrupted system call", ErrorCode.INTERRUPTED),
          Map.entry("resource temporarily unavailable", ErrorCode.WOULD_BLOCK),
          Map.entry("broken pipe", ErrorCode.PIPE));

  private final ErrorCode code;

  FsError(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  FsError(ErrorCode code, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  ErrorCode code() {
    return code;
  }

  /** {@code e} as an {@link FsError} with the code {@link #codeOf} gives it. */
  static FsError of(Throwable e) {
    if (e instanceof FsError f) {
      return f;
    }
    return new FsError(codeOf(e), String.valueOf(e.getMessage()), e);
  }

  /** The WASI error code for a Java I/O failure. */
  static ErrorCode codeOf(Throwable e) {
    return switch (e) {
      case FsError f -> f.code();
      case NoSuchFileException x -> ErrorCode.NO_ENTRY;
      case FileAlreadyExistsException x -> ErrorCode.EXIST;
      case DirectoryNotEmptyException x -> ErrorCode.NOT_EMPTY;
      case AccessDeniedException x -> ErrorCode.ACCESS;
      case NotDirectoryException x -> ErrorCode.NOT_DIRECTORY;
      case NotLinkException x -> ErrorCode.INVALID;
      case FileSystemLoopException x -> ErrorCode.LOOP;
      case AtomicMoveNotSupportedException x -> ErrorCode.CROSS_DEVICE;
      case FileSystemException x -> fromReason(x.getReason());
      case ClosedChannelException x -> ErrorCode.BAD_DESCRIPTOR;
      case NonReadableChannelException x -> ErrorCode.BAD_DESCRIPTOR;
      case NonWritableChannelException x -> ErrorCode.BAD_DESCRIPTOR;
      case InvalidPathException x -> ErrorCode.INVALID;
      case SecurityException x -> ErrorCode.ACCESS;
      case UnsupportedOperationException x -> ErrorCode.UNSUPPORTED;
      case OutOfMemoryError x -> ErrorCode.INSUFFICIENT_MEMORY;
      default -> fromReason(e.getMessage());
    };
  }

  private static ErrorCode fromReason(@Nullable String reason) {
    if (reason == null) {
      return ErrorCode.IO;
    }
    ErrorCode c = REASONS.get(reason.toLowerCase(Locale.ROOT).strip());
    return c != null ? c : ErrorCode.IO;
  }
}

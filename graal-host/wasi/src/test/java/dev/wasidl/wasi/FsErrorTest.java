package dev.wasidl.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Java's exceptions to WASI error codes: the typed ones, and the errno text a plain {@link
 * FileSystemException} carries (what java.nio gives for ENOTDIR, EISDIR, ELOOP, EXDEV, ...). The
 * scenarios that produce them for real are in {@link FilesystemHostTest}; {@code access} is only
 * here because these tests may run as root.
 */
class FsErrorTest {
  @Test
  void typedExceptions() {
    Map<Throwable, ErrorCode> cases =
        Map.ofEntries(
            Map.entry(new NoSuchFileException("f"), ErrorCode.NO_ENTRY),
            Map.entry(new FileAlreadyExistsException("f"), ErrorCode.EXIST),
            Map.entry(new DirectoryNotEmptyException("d"), ErrorCode.NOT_EMPTY),
            Map.entry(new AccessDeniedException("f"), ErrorCode.ACCESS),
            Map.entry(new NotDirectoryException("f"), ErrorCode.NOT_DIRECTORY),
            Map.entry(new NotLinkException("f"), ErrorCode.INVALID),
            Map.entry(new FileSystemLoopException("f"), ErrorCode.LOOP),
            Map.entry(new AtomicMoveNotSupportedException("a", "b", "x"), ErrorCode.CROSS_DEVICE),
            Map.entry(new ClosedChannelException(), ErrorCode.BAD_DESCRIPTOR),
            Map.entry(new NonReadableChannelException(), ErrorCode.BAD_DESCRIPTOR),
            Map.entry(new NonWritableChannelException(), ErrorCode.BAD_DESCRIPTOR),
            Map.entry(new InvalidPathException("a\0b", "nul"), ErrorCode.INVALID),
            Map.entry(new SecurityException("no"), ErrorCode.ACCESS),
            Map.entry(new UnsupportedOperationException(), ErrorCode.UNSUPPORTED),
            Map.entry(new IOException("something else"), ErrorCode.IO));
    cases.forEach((e, code) -> assertEquals(code, FsError.codeOf(e), e.toString()));
  }

  @Test
  void errnoTextOfPlainFileSystemExceptions() {
    Map<String, ErrorCode> cases =
        Map.ofEntries(
            Map.entry("Directory not empty", ErrorCode.NOT_EMPTY),
            Map.entry("Not a directory", ErrorCode.NOT_DIRECTORY),
            Map.entry("Is a directory", ErrorCode.IS_DIRECTORY),
            Map.entry("Too many levels of symbolic links", ErrorCode.LOOP),
            Map.entry(
                "Too many levels of symbolic links or unable to access attributes of "
                    + "symbolic link",
                ErrorCode.IO),
            Map.entry("Invalid argument", ErrorCode.INVALID),
            Map.entry("Read-only file system", ErrorCode.READ_ONLY),
            Map.entry("Operation not permitted", ErrorCode.NOT_PERMITTED),
            Map.entry("Permission denied", ErrorCode.ACCESS),
            Map.entry("Invalid cross-device link", ErrorCode.CROSS_DEVICE),
            Map.entry("File name too long", ErrorCode.NAME_TOO_LONG),
            Map.entry("No space left on device", ErrorCode.INSUFFICIENT_SPACE),
            Map.entry("Device or resource busy", ErrorCode.BUSY),
            Map.entry("Too many links", ErrorCode.TOO_MANY_LINKS),
            Map.entry("Text file busy", ErrorCode.TEXT_FILE_BUSY),
            Map.entry("Disk quota exceeded", ErrorCode.QUOTA),
            Map.entry("File too large", ErrorCode.FILE_TOO_LARGE),
            Map.entry("File exists", ErrorCode.EXIST),
            Map.entry("No such file or directory", ErrorCode.NO_ENTRY),
            Map.entry("Bad file descriptor", ErrorCode.BAD_DESCRIPTOR),
            Map.entry("Input/output error", ErrorCode.IO),
            Map.entry("Illegal seek", ErrorCode.INVALID_SEEK),
            Map.entry("Operation not supported", ErrorCode.UNSUPPORTED),
            Map.entry("No such device", ErrorCode.NO_DEVICE),
            Map.entry("No such device or address", ErrorCode.NO_SUCH_DEVICE),
            Map.entry("Value too large for defined data type", ErrorCode.OVERFLOW),
            Map.entry("Cannot allocate memory", ErrorCode.INSUFFICIENT_MEMORY),
            Map.entry("Interrupted system call", ErrorCode.INTERRUPTED),
            Map.entry("Resource temporarily unavailable", ErrorCode.WOULD_BLOCK),
            Map.entry("Broken pipe", ErrorCode.PIPE),
            Map.entry("Something unheard of", ErrorCode.IO));
    cases.forEach(
        (reason, code) ->
            assertEquals(code, FsError.codeOf(new FileSystemException("f", null, reason)), reason));
    assertEquals(ErrorCode.IO, FsError.codeOf(new FileSystemException("f")));
  }

  @Test
  void anFsErrorKeepsItsCode() {
    FsError e = new FsError(ErrorCode.NOT_PERMITTED, "escape");
    assertEquals(ErrorCode.NOT_PERMITTED, FsError.codeOf(e));
    assertSame(e, FsError.of(e));
    assertEquals(ErrorCode.EXIST, FsError.of(new FileAlreadyExistsException("f")).code());
  }
}

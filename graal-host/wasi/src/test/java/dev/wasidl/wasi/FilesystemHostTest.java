package dev.wasidl.wasi;

import static dev.wasidl.wasi.FsFixture.CREATE;
import static dev.wasidl.wasi.FsFixture.FOLLOW;
import static dev.wasidl.wasi.FsFixture.NOFOLLOW;
import static dev.wasidl.wasi.FsFixture.NONE;
import static dev.wasidl.wasi.FsFixture.R;
import static dev.wasidl.wasi.FsFixture.RW;
import static dev.wasidl.wasi.FsFixture.W;
import static dev.wasidl.wasi.FsFixture.assertErr;
import static dev.wasidl.wasi.FsFixture.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Tuple2;
import dev.wasidl.wasi.bindings.wasi.clocks.WallClock.Datetime;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.Advice;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.DescriptorFlags;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.DescriptorStat;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.DescriptorType;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.DirectoryEntry;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.DirectoryEntryStream;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.MetadataHashValue;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.NewTimestamp;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.OpenFlags;
import dev.wasidl.wasi.bindings.wasi.io.Streams;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code wasi:filesystem/types} and {@code preopens} function on real temporary files. */
class FilesystemHostTest {
  @TempDir Path dir;
  @TempDir Path other;
  FsFixture f;

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(dir.resolve("hello.txt"), "hello, world");
    Files.createDirectory(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/inner.txt"), "inner");
    f =
        new FsFixture(
            WasiConfig.builder()
                .preopen(dir, "/data")
                .preopen(new WasiConfig.Preopen(other, "ro", false))
                .build());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void getDirectoriesGivesEveryPreopenWithItsGuestPathAndRights() {
    assertEquals(2, f.preopens.size());
    assertEquals("/data", f.preopens.get(0).v1());
    assertEquals("ro", f.preopens.get(1).v1());
    assertEquals(
        EnumSet.of(DescriptorFlags.READ, DescriptorFlags.MUTATE_DIRECTORY),
        ok(f.fs.descriptorGetFlags(f.root(0))));
    assertEquals(EnumSet.of(DescriptorFlags.READ), ok(f.fs.descriptorGetFlags(f.root(1))));
    assertEquals(DescriptorType.DIRECTORY, ok(f.fs.descriptorGetType(f.root(0))));
    // Each call hands out fresh descriptors for the same directories.
    var again = f.ctx.preopensHost.getDirectories();
    assertNotEquals(f.root(0), again.get(0).v0());
    assertTrue(f.fs.descriptorIsSameObject(f.root(0), again.get(0).v0()));
  }

  @Test
  void readAndWriteArePositional() throws IOException {
    Resource<Descriptor> d = f.open("new.bin", CREATE, RW);
    assertEquals(5L, ok(f.fs.descriptorWrite(d, bytes("abcde"), 0)));
    assertEquals(2L, ok(f.fs.descriptorWrite(d, bytes("XY"), 1)));
    Tuple2<byte[], Boolean> r = ok(f.fs.descriptorRead(d, 3, 0));
    assertEquals("aXY", text(r.v0()));
    assertFalse(r.v1());
    r = ok(f.fs.descriptorRead(d, 100, 3));
    assertEquals("de", text(r.v0()));
    assertTrue(r.v1(), "end of file reached");
    r = ok(f.fs.descriptorRead(d, 10, 99));
    assertEquals(0, r.v0().length);
    assertTrue(r.v1());
    // Writing past the end fills the gap with zeros.
    ok(f.fs.descriptorWrite(d, bytes("Z"), 8));
    assertArrayEquals(
        new byte[] {'a', 'X', 'Y', 'd', 'e', 0, 0, 0, 'Z'},
        Files.readAllBytes(dir.resolve("new.bin")));
    // A huge length is capped, not allocated.
    assertEquals(9, ok(f.fs.descriptorRead(d, -1L, 0)).v0().length);
    assertErr(ErrorCode.INVALID, f.fs.descriptorRead(d, 1, -1L));
    f.fs.dropDescriptor(d);
  }

  @Test
  void readViaStreamReadsFromItsOffsetUntilEof() throws IOException {
    Resource<Descriptor> d = f.open("hello.txt", NONE, R);
    Resource<Streams.InputStream> s = ok(f.fs.descriptorReadViaStream(d, 7));
    HostInputStream in = f.ctx.table().get(s, HostInputStream.class);
    assertTrue(in.pollable().ready());
    assertEquals("wor", text(in.read(3)));
    assertEquals("ld", text(in.blockingRead(100)));
    assertThrows(EOFException.class, () -> in.read(1));
    assertThrows(EOFException.class, () -> in.read(0));
    // A second stream has its own position.
    HostInputStream in2 =
        f.ctx.table().get(ok(f.fs.descriptorReadViaStream(d, 0)), HostInputStream.class);
    assertEquals("hello", text(in2.read(5)));
    assertEquals(0, in2.read(0).length);
  }

  @Test
  void writeViaStreamAndAppendViaStream() throws IOException {
    Resource<Descriptor> d = f.open("hello.txt", NONE, RW);
    HostOutputStream w =
        f.ctx.table().get(ok(f.fs.descriptorWriteViaStream(d, 7)), HostOutputStream.class);
    assertTrue(w.checkWrite() > 0);
    assertTrue(w.pollable().ready());
    w.write(bytes("WO"));
    w.write(bytes("RLD"));
    w.flush();
    assertEquals("hello, WORLD", Files.readString(dir.resolve("hello.txt")));
    HostOutputStream a =
        f.ctx.table().get(ok(f.fs.descriptorAppendViaStream(d)), HostOutputStream.class);
    a.write(bytes("!"));
    Files.writeString(dir.resolve("hello.txt"), "?", java.nio.file.StandardOpenOption.APPEND);
    a.write(bytes("!")); // appends at the current end, after what someone else wrote
    assertEquals("hello, WORLD!?!", Files.readString(dir.resolve("hello.txt")));
  }

  @Test
  void streamsOutliveTheirDescriptorAndTheChannelClosesWithTheLast() throws IOException {
    Resource<Descriptor> d = f.open("hello.txt", NONE, R);
    FsDescriptor desc = f.ctx.table().get(d, FsDescriptor.class);
    Resource<Streams.InputStream> s = ok(f.fs.descriptorReadViaStream(d, 0));
    FileReadStream in = f.ctx.table().get(s, FileReadStream.class);
    f.fs.dropDescriptor(d);
    assertEquals("hello", text(in.read(5)));
    assertTrue(desc.file().channel().isOpen());
    in.close();
    FsError e = assertThrows(FsError.class, () -> desc.file().channel());
    assertEquals(ErrorCode.BAD_DESCRIPTOR, e.code());
    assertThrows(EOFException.class, () -> in.read(1));
  }

  @Test
  void droppingADescriptorClosesItsFile() {
    Resource<Descriptor> d = f.open("hello.txt", NONE, R);
    FsDescriptor desc = f.ctx.table().get(d, FsDescriptor.class);
    int before = f.ctx.table().size();
    f.fs.dropDescriptor(d);
    assertEquals(before - 1, f.ctx.table().size());
    assertThrows(FsError.class, () -> desc.file().channel());
  }

  @Test
  void readAndWriteNeedTheirRights() {
    Resource<Descriptor> ro = f.open("hello.txt", NONE, R);
    assertErr(ErrorCode.BAD_DESCRIPTOR, f.fs.descriptorWrite(ro, bytes("x"), 0));
    assertErr(ErrorCode.BAD_DESCRIPTOR, f.fs.descriptorWriteViaStream(ro, 0));
    assertErr(ErrorCode.BAD_DESCRIPTOR, f.fs.descriptorAppendViaStream(ro));
    assertErr(ErrorCode.BAD_DESCRIPTOR, f.fs.descriptorSetSize(ro, 0));
    Resource<Descriptor> wo = f.open("hello.txt", NONE, W);
    assertErr(ErrorCode.BAD_DESCRIPTOR, f.fs.descriptorRead(wo, 1, 0));
    assertErr(ErrorCode.BAD_DESCRIPTOR, f.fs.descriptorReadViaStream(wo, 0));
    assertEquals(1L, ok(f.fs.descriptorWrite(wo, bytes("J"), 0)));
    assertErr(ErrorCode.IS_DIRECTORY, f.fs.descriptorRead(f.root(), 1, 0));
    assertErr(ErrorCode.IS_DIRECTORY, f.fs.descriptorReadViaStream(f.root(), 0));
    assertErr(ErrorCode.IS_DIRECTORY, f.fs.descriptorWrite(f.root(), bytes("x"), 0));
    assertErr(ErrorCode.IS_DIRECTORY, f.fs.descriptorSetSize(f.root(), 0));
  }

  @Test
  void setSizeTruncatesAndExtendsWithZeros() throws IOException {
    Resource<Descriptor> d = f.open("hello.txt", NONE, RW);
    ok(f.fs.descriptorSetSize(d, 4));
    assertEquals("hell", Files.readString(dir.resolve("hello.txt")));
    ok(f.fs.descriptorSetSize(d, 6));
    assertArrayEquals(
        new byte[] {'h', 'e', 'l', 'l', 0, 0}, Files.readAllBytes(dir.resolve("hello.txt")));
    ok(f.fs.descriptorSetSize(d, 6));
    assertEquals(6, ok(f.fs.descriptorStat(d)).size());
    assertErr(ErrorCode.FILE_TOO_LARGE, f.fs.descriptorSetSize(d, -1L));
  }

  @Test
  void getFlagsAndGetTypeOfOpenedDescriptors() {
    assertEquals(RW, ok(f.fs.descriptorGetFlags(f.open("hello.txt", NONE, RW))));
    assertEquals(
        DescriptorType.REGULAR_FILE, ok(f.fs.descriptorGetType(f.open("hello.txt", NONE, R))));
    Resource<Descriptor> sub =
        f.open(
            "sub",
            EnumSet.of(OpenFlags.DIRECTORY),
            EnumSet.of(DescriptorFlags.READ, DescriptorFlags.MUTATE_DIRECTORY));
    assertEquals(DescriptorType.DIRECTORY, ok(f.fs.descriptorGetType(sub)));
    assertEquals(
        EnumSet.of(DescriptorFlags.READ, DescriptorFlags.MUTATE_DIRECTORY),
        ok(f.fs.descriptorGetFlags(sub)));
  }

  @Test
  void syncSyncDataAndAdviseSucceed() {
    Resource<Descriptor> d = f.open("hello.txt", NONE, RW);
    ok(f.fs.descriptorSync(d));
    ok(f.fs.descriptorSyncData(d));
    ok(f.fs.descriptorSync(f.root()));
    ok(f.fs.descriptorSyncData(f.open("hello.txt", NONE, R)));
    for (Advice a : Advice.values()) {
      ok(f.fs.descriptorAdvise(d, 0, 100, a));
    }
  }

  @Test
  void statAndStatAt() throws IOException {
    DescriptorStat s = ok(f.fs.descriptorStatAt(f.root(), NOFOLLOW, "hello.txt"));
    assertEquals(DescriptorType.REGULAR_FILE, s.type());
    assertEquals(12, s.size());
    assertEquals(1, s.linkCount());
    assertTrue(s.dataModificationTimestamp().isPresent());
    assertTrue(s.dataAccessTimestamp().isPresent());
    assertTrue(s.statusChangeTimestamp().isPresent());
    assertEquals(
        Files.getLastModifiedTime(dir.resolve("hello.txt")).toInstant().getEpochSecond(),
        s.dataModificationTimestamp().orElseThrow().seconds());
    assertEquals(s, ok(f.fs.descriptorStat(f.open("hello.txt", NONE, R))));
    assertEquals(DescriptorType.DIRECTORY, ok(f.fs.descriptorStat(f.root())).type());
    assertEquals(
        DescriptorType.DIRECTORY, ok(f.fs.descriptorStatAt(f.root(), NOFOLLOW, "sub")).type());
    Files.createSymbolicLink(dir.resolve("link"), Path.of("hello.txt"));
    DescriptorStat l = ok(f.fs.descriptorStatAt(f.root(), NOFOLLOW, "link"));
    assertEquals(DescriptorType.SYMBOLIC_LINK, l.type());
    assertEquals("hello.txt".length(), l.size());
    assertEquals(s, ok(f.fs.descriptorStatAt(f.root(), FOLLOW, "link")));
    assertErr(ErrorCode.NO_ENTRY, f.fs.descriptorStatAt(f.root(), NOFOLLOW, "missing"));
    assertErr(ErrorCode.NO_ENTRY, f.fs.descriptorStatAt(f.root(), NOFOLLOW, "missing/x"));
    assertErr(ErrorCode.NOT_DIRECTORY, f.fs.descriptorStatAt(f.root(), NOFOLLOW, "hello.txt/x"));
    assertErr(ErrorCode.NO_ENTRY, f.fs.descriptorStatAt(f.root(), NOFOLLOW, ""));
  }

  @Test
  void statOfSpecialFilesReportsTheirType() throws Exception {
    Process p = new ProcessBuilder("mkfifo", dir.resolve("fifo").toString()).start();
    assertEquals(0, p.waitFor());
    assertEquals(DescriptorType.FIFO, ok(f.fs.descriptorStatAt(f.root(), NOFOLLOW, "fifo")).type());
    // Opening a FIFO could block the host thread: refused.
    assertErr(ErrorCode.UNSUPPORTED, f.fs.descriptorOpenAt(f.root(), NOFOLLOW, "fifo", NONE, R));
  }

  @Test
  void setTimesAndSetTimesAt() throws IOException {
    Path p = dir.resolve("hello.txt");
    Datetime t = new Datetime(1_000_000_000L, 123_456_000);
    ok(
        f.fs.descriptorSetTimesAt(
            f.root(),
            NOFOLLOW,
            "hello.txt",
            new NewTimestamp.Timestamp(t),
            new NewTimestamp.Timestamp(t)));
    assertEquals(
        FileTime.from(Instant.ofEpochSecond(1_000_000_000L, 123_456_000)),
        Files.getLastModifiedTime(p));
    DescriptorStat s = ok(f.fs.descriptorStatAt(f.root(), NOFOLLOW, "hello.txt"));
    assertEquals(Optional.of(t), s.dataModificationTimestamp());
    assertEquals(Optional.of(t), s.dataAccessTimestamp());
    // no-change keeps, now moves to the present.
    Resource<Descriptor> d = f.open("hello.txt", NONE, RW);
    ok(f.fs.descriptorSetTimes(d, new NewTimestamp.NoChange(), new NewTimestamp.Now()));
    s = ok(f.fs.descriptorStat(d));
    assertEquals(Optional.of(t), s.dataAccessTimestamp());
    assertTrue(
        s.dataModificationTimestamp().orElseThrow().seconds()
            >= Instant.now().getEpochSecond() - 60);
    ok(f.fs.descriptorSetTimes(d, new NewTimestamp.NoChange(), new NewTimestamp.NoChange()));
    ok(f.fs.descriptorSetTimes(f.root(), new NewTimestamp.Now(), new NewTimestamp.NoChange()));
    assertErr(
        ErrorCode.INVALID,
        f.fs.descriptorSetTimes(
            d,
            new NewTimestamp.Timestamp(new Datetime(0, 1_000_000_000)),
            new NewTimestamp.NoChange()));
    assertErr(
        ErrorCode.BAD_DESCRIPTOR,
        f.fs.descriptorSetTimes(
            f.open("hello.txt", NONE, R), new NewTimestamp.Now(), new NewTimestamp.Now()));
    assertErr(
        ErrorCode.NO_ENTRY,
        f.fs.descriptorSetTimesAt(
            f.root(), NOFOLLOW, "missing", new NewTimestamp.Now(), new NewTimestamp.Now()));
  }

  @Test
  void readDirectoryListsEntriesWithTypesButNotDotOrDotDot() throws IOException {
    Files.createSymbolicLink(dir.resolve("link"), Path.of("sub"));
    Resource<DirectoryEntryStream> s = ok(f.fs.descriptorReadDirectory(f.root()));
    Map<String, DescriptorType> seen = new HashMap<>();
    for (Optional<DirectoryEntry> e = ok(f.fs.directoryEntryStreamReadDirectoryEntry(s));
        e.isPresent();
        e = ok(f.fs.directoryEntryStreamReadDirectoryEntry(s))) {
      seen.put(e.get().name(), e.get().type());
    }
    assertEquals(
        Map.of(
            "hello.txt", DescriptorType.REGULAR_FILE,
            "sub", DescriptorType.DIRECTORY,
            "link", DescriptorType.SYMBOLIC_LINK),
        seen);
    assertEquals(Optional.empty(), ok(f.fs.directoryEntryStreamReadDirectoryEntry(s)));
    f.fs.dropDirectoryEntryStream(s);
    // An empty directory, and a subdirectory through its own descriptor.
    Resource<Descriptor> sub = f.open("sub", NONE, R);
    Resource<DirectoryEntryStream> s2 = ok(f.fs.descriptorReadDirectory(sub));
    assertEquals(
        Optional.of(new DirectoryEntry(DescriptorType.REGULAR_FILE, "inner.txt")),
        ok(f.fs.directoryEntryStreamReadDirectoryEntry(s2)));
    f.fs.dropDirectoryEntryStream(s2); // dropped before the end: closed all the same
    assertErr(ErrorCode.NOT_DIRECTORY, f.fs.descriptorReadDirectory(f.open("hello.txt", NONE, R)));
  }

  @Test
  void createDirectoryAtAndRemoveDirectoryAt() throws IOException {
    ok(f.fs.descriptorCreateDirectoryAt(f.root(), "made"));
    assertTrue(Files.isDirectory(dir.resolve("made")));
    ok(f.fs.descriptorCreateDirectoryAt(f.root(), "made/deeper/"));
    assertTrue(Files.isDirectory(dir.resolve("made/deeper")));
    assertErr(ErrorCode.EXIST, f.fs.descriptorCreateDirectoryAt(f.root(), "made"));
    assertErr(ErrorCode.EXIST, f.fs.descriptorCreateDirectoryAt(f.root(), "hello.txt"));
    assertErr(ErrorCode.EXIST, f.fs.descriptorCreateDirectoryAt(f.root(), "."));
    assertErr(ErrorCode.NO_ENTRY, f.fs.descriptorCreateDirectoryAt(f.root(), "nope/x"));
    assertErr(ErrorCode.NOT_EMPTY, f.fs.descriptorRemoveDirectoryAt(f.root(), "made"));
    ok(f.fs.descriptorRemoveDirectoryAt(f.root(), "made/deeper"));
    ok(f.fs.descriptorRemoveDirectoryAt(f.root(), "made/"));
    assertFalse(Files.exists(dir.resolve("made")));
    assertErr(ErrorCode.NO_ENTRY, f.fs.descriptorRemoveDirectoryAt(f.root(), "made"));
    assertErr(ErrorCode.NOT_DIRECTORY, f.fs.descriptorRemoveDirectoryAt(f.root(), "hello.txt"));
    Files.createSymbolicLink(dir.resolve("dirlink"), Path.of("sub"));
    assertErr(ErrorCode.NOT_DIRECTORY, f.fs.descriptorRemoveDirectoryAt(f.root(), "dirlink"));
    assertTrue(Files.isDirectory(dir.resolve("sub")));
    assertErr(ErrorCode.INVALID, f.fs.descriptorRemoveDirectoryAt(f.root(), "."));
    assertErr(ErrorCode.INVALID, f.fs.descriptorRemoveDirectoryAt(f.root(), "sub/.."));
    assertTrue(Files.isDirectory(dir));
  }

  @Test
  void unlinkFileAt() throws IOException {
    Files.createSymbolicLink(dir.resolve("link"), Path.of("hello.txt"));
    ok(f.fs.descriptorUnlinkFileAt(f.root(), "link"));
    assertFalse(Files.exists(dir.resolve("link"), LinkOption.NOFOLLOW_LINKS));
    assertTrue(Files.exists(dir.resolve("hello.txt")), "the link goes, not its target");
    assertErr(ErrorCode.NOT_DIRECTORY, f.fs.descriptorUnlinkFileAt(f.root(), "hello.txt/"));
    ok(f.fs.descriptorUnlinkFileAt(f.root(), "sub/inner.txt"));
    assertFalse(Files.exists(dir.resolve("sub/inner.txt")));
    assertErr(ErrorCode.NO_ENTRY, f.fs.descriptorUnlinkFileAt(f.root(), "sub/inner.txt"));
    assertErr(ErrorCode.IS_DIRECTORY, f.fs.descriptorUnlinkFileAt(f.root(), "sub"));
    assertErr(ErrorCode.IS_DIRECTORY, f.fs.descriptorUnlinkFileAt(f.root(), "."));
  }

  @Test
  void renameAt() throws IOException {
    ok(f.fs.descriptorRenameAt(f.root(), "hello.txt", f.root(), "bye.txt"));
    assertEquals("hello, world", Files.readString(dir.resolve("bye.txt")));
    assertFalse(Files.exists(dir.resolve("hello.txt")));
    // Into another directory through its own descriptor, replacing a file there.
    Resource<Descriptor> sub =
        f.open("sub", NONE, EnumSet.of(DescriptorFlags.READ, DescriptorFlags.MUTATE_DIRECTORY));
    ok(f.fs.descriptorRenameAt(f.root(), "bye.txt", sub, "inner.txt"));
    assertEquals("hello, world", Files.readString(dir.resolve("sub/inner.txt")));
    assertErr(ErrorCode.NO_ENTRY, f.fs.descriptorRenameAt(f.root(), "bye.txt", f.root(), "x"));
    Files.createDirectory(dir.resolve("empty"));
    assertErr(ErrorCode.NOT_EMPTY, f.fs.descriptorRenameAt(f.root(), "empty", f.root(), "sub"));
    assertErr(ErrorCode.IS_DIRECTORY, f.fs.descriptorRenameAt(sub, "inner.txt", f.root(), "empty"));
    Files.writeString(dir.resolve("plain"), "p");
    assertErr(
        ErrorCode.NOT_DIRECTORY, f.fs.descriptorRenameAt(f.root(), "empty", f.root(), "plain"));
    assertErr(ErrorCode.INVALID, f.fs.descriptorRenameAt(f.root(), "sub", sub, "into-itself"));
    assertErr(ErrorCode.INVALID, f.fs.descriptorRenameAt(f.root(), ".", f.root(), "x"));
    assertErr(ErrorCode.INVALID, f.fs.descriptorRenameAt(f.root(), "sub", f.root(), "sub/.."));
  }

  @Test
  void linkAt() throws IOException {
    ok(f.fs.descriptorLinkAt(f.root(), NOFOLLOW, "hello.txt", f.root(), "hard.txt"));
    assertEquals(2, ok(f.fs.descriptorStatAt(f.root(), NOFOLLOW, "hard.txt")).linkCount());
    assertTrue(
        f.fs.descriptorIsSameObject(f.open("hello.txt", NONE, R), f.open("hard.txt", NONE, R)));
    assertErr(
        ErrorCode.EXIST,
        f.fs.descriptorLinkAt(f.root(), NOFOLLOW, "hello.txt", f.root(), "hard.txt"));
    assertErr(
        ErrorCode.NO_ENTRY,
        f.fs.descriptorLinkAt(f.root(), NOFOLLOW, "missing", f.root(), "other"));
    assertErr(
        ErrorCode.NOT_PERMITTED,
        f.fs.descriptorLinkAt(f.root(), NOFOLLOW, "sub", f.root(), "subhard"));
    // With symlink-follow the link's target is linked.
    Files.createSymbolicLink(dir.resolve("soft"), Path.of("hello.txt"));
    ok(f.fs.descriptorLinkAt(f.root(), FOLLOW, "soft", f.root(), "hard2.txt"));
    assertEquals(
        DescriptorType.REGULAR_FILE,
        ok(f.fs.descriptorStatAt(f.root(), NOFOLLOW, "hard2.txt")).type());
  }

  @Test
  void symlinkAtAndReadlinkAt() throws IOException {
    ok(f.fs.descriptorSymlinkAt(f.root(), "sub/inner.txt", "ln"));
    assertEquals(Path.of("sub/inner.txt"), Files.readSymbolicLink(dir.resolve("ln")));
    assertEquals("sub/inner.txt", ok(f.fs.descriptorReadlinkAt(f.root(), "ln")));
    Tuple2<byte[], Boolean> r =
        ok(f.fs.descriptorRead(f.open("ln", NONE, R), 100, 0)); // open-at follows it
    assertEquals("inner", text(r.v0()));
    assertErr(ErrorCode.EXIST, f.fs.descriptorSymlinkAt(f.root(), "x", "ln"));
    assertErr(ErrorCode.NOT_PERMITTED, f.fs.descriptorSymlinkAt(f.root(), "/etc/passwd", "abs"));
    assertErr(ErrorCode.NO_ENTRY, f.fs.descriptorSymlinkAt(f.root(), "", "empty"));
    assertErr(ErrorCode.INVALID, f.fs.descriptorReadlinkAt(f.root(), "hello.txt"));
    assertErr(ErrorCode.NO_ENTRY, f.fs.descriptorReadlinkAt(f.root(), "missing"));
    // A dangling link is fine to make and to read.
    ok(f.fs.descriptorSymlinkAt(f.root(), "nowhere", "dangling"));
    assertEquals("nowhere", ok(f.fs.descriptorReadlinkAt(f.root(), "dangling")));
    assertErr(ErrorCode.NO_ENTRY, f.fs.descriptorStatAt(f.root(), FOLLOW, "dangling"));
  }

  @Test
  void openAtFlags() throws IOException {
    assertErr(
        ErrorCode.EXIST,
        f.fs.descriptorOpenAt(
            f.root(), FOLLOW, "hello.txt", EnumSet.of(OpenFlags.CREATE, OpenFlags.EXCLUSIVE), RW));
    assertErr(ErrorCode.NO_ENTRY, f.fs.descriptorOpenAt(f.root(), FOLLOW, "missing", NONE, R));
    assertErr(
        ErrorCode.NOT_DIRECTORY,
        f.fs.descriptorOpenAt(f.root(), FOLLOW, "hello.txt", EnumSet.of(OpenFlags.DIRECTORY), R));
    assertErr(
        ErrorCode.NOT_DIRECTORY, f.fs.descriptorOpenAt(f.root(), FOLLOW, "hello.txt/", NONE, R));
    assertErr(ErrorCode.IS_DIRECTORY, f.fs.descriptorOpenAt(f.root(), FOLLOW, "sub", NONE, RW));
    assertErr(
        ErrorCode.INVALID,
        f.fs.descriptorOpenAt(
            f.root(), FOLLOW, "newdir", EnumSet.of(OpenFlags.CREATE, OpenFlags.DIRECTORY), R));
    // Exclusive creation makes a new file.
    Resource<Descriptor> x =
        ok(
            f.fs.descriptorOpenAt(
                f.root(), FOLLOW, "fresh", EnumSet.of(OpenFlags.CREATE, OpenFlags.EXCLUSIVE), RW));
    assertEquals(0, ok(f.fs.descriptorStat(x)).size());
    // Truncate empties an existing file.
    f.open("hello.txt", EnumSet.of(OpenFlags.TRUNCATE), W);
    assertEquals(0, Files.size(dir.resolve("hello.txt")));
    // create without exclusive opens what exists.
    f.open("sub/inner.txt", CREATE, RW);
    assertEquals("inner", Files.readString(dir.resolve("sub/inner.txt")));
    // A link in the last component is followed only with symlink-follow.
    Files.createSymbolicLink(dir.resolve("link"), Path.of("sub/inner.txt"));
    assertErr(ErrorCode.LOOP, f.fs.descriptorOpenAt(f.root(), NOFOLLOW, "link", NONE, R));
    ok(f.fs.descriptorOpenAt(f.root(), FOLLOW, "link", NONE, R));
    // ... and create|exclusive never follows one.
    assertErr(
        ErrorCode.EXIST,
        f.fs.descriptorOpenAt(
            f.root(), FOLLOW, "link", EnumSet.of(OpenFlags.CREATE, OpenFlags.EXCLUSIVE), RW));
    // Opening a directory and going on from it.
    Resource<Descriptor> sub = f.open("sub", EnumSet.of(OpenFlags.DIRECTORY), R);
    assertEquals(
        "inner",
        text(
            ok(f.fs.descriptorRead(
                    ok(f.fs.descriptorOpenAt(sub, NOFOLLOW, "inner.txt", NONE, R)), 10, 0))
                .v0()));
    assertErr(
        ErrorCode.NOT_DIRECTORY,
        f.fs.descriptorOpenAt(f.open("hello.txt", NONE, R), NOFOLLOW, "x", NONE, R));
  }

  @Test
  void isSameObject() {
    Resource<Descriptor> a = f.open("hello.txt", NONE, R);
    Resource<Descriptor> b = f.open("hello.txt", NONE, RW);
    assertTrue(f.fs.descriptorIsSameObject(a, a));
    assertTrue(f.fs.descriptorIsSameObject(a, b));
    assertFalse(f.fs.descriptorIsSameObject(a, f.open("sub/inner.txt", NONE, R)));
    assertFalse(f.fs.descriptorIsSameObject(a, f.root()));
    assertTrue(f.fs.descriptorIsSameObject(f.root(), f.open(".", NONE, R)));
  }

  @Test
  void metadataHashAndMetadataHashAt() {
    Resource<Descriptor> d = f.open("hello.txt", NONE, RW);
    MetadataHashValue h = ok(f.fs.descriptorMetadataHash(d));
    assertEquals(h, ok(f.fs.descriptorMetadataHashAt(f.root(), NOFOLLOW, "hello.txt")));
    assertEquals(h, ok(f.fs.descriptorMetadataHash(d)), "stable while unchanged");
    assertNotEquals(h, ok(f.fs.descriptorMetadataHashAt(f.root(), NOFOLLOW, "sub/inner.txt")));
    ok(f.fs.descriptorWrite(d, bytes("more"), 12));
    assertNotEquals(h, ok(f.fs.descriptorMetadataHash(d)), "changes when modified");
    assertErr(ErrorCode.NO_ENTRY, f.fs.descriptorMetadataHashAt(f.root(), NOFOLLOW, "missing"));
    // Another instance keys its hashes differently.
    FsFixture g = new FsFixture(WasiConfig.builder().preopen(dir, ".").build());
    assertNotEquals(
        ok(f.fs.descriptorMetadataHashAt(f.root(), NOFOLLOW, "sub")),
        ok(g.fs.descriptorMetadataHashAt(g.root(), NOFOLLOW, "sub")));
  }

  private Optional<ErrorCode> errorCode(Throwable cause) {
    return f.fs.filesystemErrorCode(f.ctx.table().push(IoError.of(cause)));
  }

  @Test
  void filesystemErrorCodeReadsTheStreamErrorCause() throws IOException {
    // A file stream fails (its channel closed under it); the io host's read gives
    // last-operation-failed with an io error, and filesystem-error-code reads the code from it.
    Resource<Descriptor> d = f.open("hello.txt", NONE, R);
    FsDescriptor desc = f.ctx.table().get(d, FsDescriptor.class);
    Resource<Streams.InputStream> s = ok(f.fs.descriptorReadViaStream(d, 0));
    desc.file().channel().close();
    var r = f.ctx.streamsHost.inputStreamRead(s, 10);
    var failed =
        (Streams.StreamError.LastOperationFailed)
            ((dev.wasidl.bindings.Result.Err<?, ?>) r).error();
    assertEquals(Optional.of(ErrorCode.BAD_DESCRIPTOR), f.fs.filesystemErrorCode(failed.value()));
    // Other causes.
    assertEquals(
        Optional.of(ErrorCode.NO_ENTRY),
        errorCode(new java.io.UncheckedIOException(new NoSuchFileException("f"))));
    assertEquals(Optional.of(ErrorCode.IO), errorCode(new IOException("plain")));
    assertEquals(Optional.empty(), errorCode(new IllegalStateException("not I/O")));
  }

  @Test
  void noDescriptorFlagsGrantNeitherReadNorWrite() {
    Resource<Descriptor> d = f.open("hello.txt", NONE, EnumSet.noneOf(DescriptorFlags.class));
    assertErr(ErrorCode.BAD_DESCRIPTOR, f.fs.descriptorRead(d, 5, 0));
    assertErr(ErrorCode.BAD_DESCRIPTOR, f.fs.descriptorWrite(d, bytes("x"), 0));
    assertEquals(DescriptorType.REGULAR_FILE, ok(f.fs.descriptorStat(d)).type());
  }
}

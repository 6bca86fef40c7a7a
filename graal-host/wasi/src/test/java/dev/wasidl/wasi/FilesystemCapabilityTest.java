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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.bindings.Resource;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.DescriptorFlags;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.DescriptorType;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.NewTimestamp;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.OpenFlags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox: nothing outside a granted preopen is reachable, whatever path or link the guest
 * uses, and a read-only preopen refuses every change. Each refusal is the WASI error code, never an
 * exception.
 *
 * <p>Layout: {@code base/secret.txt} is outside; {@code base/jail} is the preopen, with {@code
 * inside.txt} and {@code sub/}; {@code base/ro} is a read-only preopen with {@code keep.txt}.
 */
class FilesystemCapabilityTest {
  @TempDir Path base;
  Path jail;
  Path ro;
  FsFixture f;

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(base.resolve("secret.txt"), "secret");
    jail = Files.createDirectory(base.resolve("jail"));
    Files.writeString(jail.resolve("inside.txt"), "inside");
    Files.createDirectory(jail.resolve("sub"));
    ro = Files.createDirectory(base.resolve("ro"));
    Files.writeString(ro.resolve("keep.txt"), "keep");
    Files.createDirectory(ro.resolve("dir"));
    f =
        new FsFixture(
            WasiConfig.builder()
                .preopen(jail, "/jail")
                .preopen(new WasiConfig.Preopen(ro, "/ro", false))
                .build());
  }

  private Resource<Descriptor> jailRoot() {
    return f.root(0);
  }

  private Resource<Descriptor> roRoot() {
    return f.root(1);
  }

  /** Every path-taking function refuses {@code path} with {@code code}. */
  private void refusedEverywhere(ErrorCode code, String path) {
    Resource<Descriptor> d = jailRoot();
    assertErr(code, f.fs.descriptorOpenAt(d, FOLLOW, path, NONE, R));
    assertErr(code, f.fs.descriptorOpenAt(d, NOFOLLOW, path + "/x", CREATE, RW));
    assertErr(code, f.fs.descriptorStatAt(d, FOLLOW, path));
    assertErr(code, f.fs.descriptorMetadataHashAt(d, FOLLOW, path));
    assertErr(
        code,
        f.fs.descriptorSetTimesAt(d, FOLLOW, path, new NewTimestamp.Now(), new NewTimestamp.Now()));
    assertErr(code, f.fs.descriptorCreateDirectoryAt(d, path + "/new"));
    assertErr(code, f.fs.descriptorUnlinkFileAt(d, path + "/secret.txt"));
    assertErr(code, f.fs.descriptorRemoveDirectoryAt(d, path + "/jail"));
    assertErr(code, f.fs.descriptorRenameAt(d, "inside.txt", d, path + "/stolen"));
    assertErr(code, f.fs.descriptorRenameAt(d, path + "/secret.txt", d, "got"));
    assertErr(code, f.fs.descriptorLinkAt(d, FOLLOW, path + "/secret.txt", d, "hard"));
    assertErr(code, f.fs.descriptorLinkAt(d, FOLLOW, "inside.txt", d, path + "/hard"));
    assertErr(code, f.fs.descriptorSymlinkAt(d, "inside.txt", path + "/ln"));
    assertErr(code, f.fs.descriptorReadlinkAt(d, path + "/x"));
  }

  private void outsideUntouched() throws IOException {
    assertEquals("secret", Files.readString(base.resolve("secret.txt")));
    try (var s = Files.list(base)) {
      assertEquals(
          List.of("jail", "ro", "secret.txt"),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void absolutePathsAreNotPermitted() throws IOException {
    refusedEverywhere(ErrorCode.NOT_PERMITTED, base.toString());
    refusedEverywhere(ErrorCode.NOT_PERMITTED, "/");
    assertErr(
        ErrorCode.NOT_PERMITTED, f.fs.descriptorOpenAt(jailRoot(), FOLLOW, "/etc/passwd", NONE, R));
    assertErr(
        ErrorCode.NOT_PERMITTED,
        f.fs.descriptorOpenAt(jailRoot(), FOLLOW, base.resolve("secret.txt").toString(), NONE, R));
    outsideUntouched();
  }

  @Test
  void dotDotOutOfThePreopenIsNotPermitted() throws IOException {
    refusedEverywhere(ErrorCode.NOT_PERMITTED, "..");
    refusedEverywhere(ErrorCode.NOT_PERMITTED, "sub/../..");
    refusedEverywhere(ErrorCode.NOT_PERMITTED, "./sub/.././../jail/..");
    assertErr(
        ErrorCode.NOT_PERMITTED,
        f.fs.descriptorOpenAt(jailRoot(), FOLLOW, "../secret.txt", NONE, R));
    assertErr(
        ErrorCode.NOT_PERMITTED,
        f.fs.descriptorOpenAt(jailRoot(), FOLLOW, "../jail/inside.txt", NONE, R));
    outsideUntouched();
  }

  @Test
  void dotDotAboveADescriptorIsNotPermittedEvenInsideThePreopen() {
    Resource<Descriptor> sub = ok(f.fs.descriptorOpenAt(jailRoot(), NOFOLLOW, "sub", NONE, R));
    assertErr(
        ErrorCode.NOT_PERMITTED, f.fs.descriptorOpenAt(sub, FOLLOW, "../inside.txt", NONE, R));
    assertErr(ErrorCode.NOT_PERMITTED, f.fs.descriptorStatAt(sub, NOFOLLOW, ".."));
  }

  @Test
  void dotDotThatStaysInsideIsFine() {
    Resource<Descriptor> d =
        ok(f.fs.descriptorOpenAt(jailRoot(), FOLLOW, "sub/../sub/./../inside.txt", NONE, R));
    assertEquals(
        "inside", new String(ok(f.fs.descriptorRead(d, 100, 0)).v0(), StandardCharsets.UTF_8));
    assertEquals(
        DescriptorType.DIRECTORY, ok(f.fs.descriptorStatAt(jailRoot(), NOFOLLOW, "sub/..")).type());
  }

  @Test
  void symlinksOutOfThePreopenAreNotPermitted() throws IOException {
    Files.createSymbolicLink(jail.resolve("up"), Path.of(".."));
    Files.createSymbolicLink(jail.resolve("rel"), Path.of("../secret.txt"));
    Files.createSymbolicLink(jail.resolve("abs"), base.resolve("secret.txt"));
    Files.createSymbolicLink(jail.resolve("absdir"), base);
    Files.createSymbolicLink(jail.resolve("sub/deep"), Path.of("../../secret.txt"));
    Files.createSymbolicLink(jail.resolve("hop"), Path.of("sub/deep")); // inside, then out
    refusedEverywhere(ErrorCode.NOT_PERMITTED, "up");
    refusedEverywhere(ErrorCode.NOT_PERMITTED, "absdir");
    for (String link : List.of("rel", "abs", "sub/deep", "hop", "up/secret.txt")) {
      assertErr(ErrorCode.NOT_PERMITTED, f.fs.descriptorOpenAt(jailRoot(), FOLLOW, link, NONE, R));
      assertErr(ErrorCode.NOT_PERMITTED, f.fs.descriptorStatAt(jailRoot(), FOLLOW, link));
      assertErr(
          ErrorCode.NOT_PERMITTED, f.fs.descriptorOpenAt(jailRoot(), FOLLOW, link, CREATE, RW));
      assertErr(
          ErrorCode.NOT_PERMITTED,
          f.fs.descriptorLinkAt(jailRoot(), FOLLOW, link, jailRoot(), "hard-" + link.length()));
    }
    // Without symlink-follow the link itself is what is seen: that is inside.
    assertEquals(
        DescriptorType.SYMBOLIC_LINK,
        ok(f.fs.descriptorStatAt(jailRoot(), NOFOLLOW, "abs")).type());
    assertErr(ErrorCode.LOOP, f.fs.descriptorOpenAt(jailRoot(), NOFOLLOW, "abs", NONE, R));
    // readlink does not disclose an absolute target; a relative one is just text.
    assertErr(ErrorCode.NOT_PERMITTED, f.fs.descriptorReadlinkAt(jailRoot(), "abs"));
    assertEquals("../secret.txt", ok(f.fs.descriptorReadlinkAt(jailRoot(), "rel")));
    // Removing or renaming the link touches the link, not its target.
    ok(f.fs.descriptorUnlinkFileAt(jailRoot(), "abs"));
    ok(f.fs.descriptorRenameAt(jailRoot(), "rel", jailRoot(), "rel2"));
    outsideUntouched();
  }

  @Test
  void aLinkTheGuestMakesCannotLeadOutEither() throws IOException {
    ok(f.fs.descriptorSymlinkAt(jailRoot(), "../secret.txt", "mine")); // allowed to exist
    assertErr(ErrorCode.NOT_PERMITTED, f.fs.descriptorOpenAt(jailRoot(), FOLLOW, "mine", NONE, R));
    assertErr(
        ErrorCode.NOT_PERMITTED,
        f.fs.descriptorOpenAt(
            jailRoot(), FOLLOW, "mine", EnumSet.of(OpenFlags.CREATE, OpenFlags.TRUNCATE), W));
    assertErr(ErrorCode.NOT_PERMITTED, f.fs.descriptorSymlinkAt(jailRoot(), "/etc", "etc"));
    outsideUntouched();
  }

  @Test
  void symlinksInsideThePreopenAreFine() throws IOException {
    Files.createSymbolicLink(jail.resolve("ln"), Path.of("inside.txt"));
    Files.createSymbolicLink(jail.resolve("sub/back"), Path.of("../inside.txt"));
    Files.createSymbolicLink(jail.resolve("dirln"), Path.of("sub"));
    Files.createSymbolicLink(jail.resolve("dot"), Path.of("."));
    for (String p : List.of("ln", "sub/back", "dirln/back", "dot/dot/inside.txt", "dirln/../ln")) {
      Resource<Descriptor> d = ok(f.fs.descriptorOpenAt(jailRoot(), FOLLOW, p, NONE, R));
      assertEquals(
          "inside", new String(ok(f.fs.descriptorRead(d, 100, 0)).v0(), StandardCharsets.UTF_8), p);
    }
    // An intermediate link is followed whatever the path flags say.
    assertEquals(
        DescriptorType.SYMBOLIC_LINK,
        ok(f.fs.descriptorStatAt(jailRoot(), NOFOLLOW, "dirln/back")).type());
    ok(f.fs.descriptorCreateDirectoryAt(jailRoot(), "dirln/made"));
    assertTrue(Files.isDirectory(jail.resolve("sub/made")));
  }

  @Test
  void symlinkLoopsEndInLoop() throws IOException {
    Files.createSymbolicLink(jail.resolve("a"), Path.of("b"));
    Files.createSymbolicLink(jail.resolve("b"), Path.of("a"));
    Files.createSymbolicLink(jail.resolve("self"), Path.of("self/x"));
    assertErr(ErrorCode.LOOP, f.fs.descriptorOpenAt(jailRoot(), FOLLOW, "a", NONE, R));
    assertErr(ErrorCode.LOOP, f.fs.descriptorStatAt(jailRoot(), FOLLOW, "self"));
    assertErr(ErrorCode.LOOP, f.fs.descriptorStatAt(jailRoot(), NOFOLLOW, "a/x"));
  }

  @Test
  void aSymlinkedPreopenIsResolvedOnceAndStillConfines() throws IOException {
    Path alias = Files.createSymbolicLink(base.resolve("alias"), jail);
    FsFixture g = new FsFixture(WasiConfig.builder().preopen(alias, "/a").build());
    assertEquals(
        DescriptorType.REGULAR_FILE,
        ok(g.fs.descriptorStatAt(g.root(), NOFOLLOW, "inside.txt")).type());
    assertErr(ErrorCode.NOT_PERMITTED, g.fs.descriptorStatAt(g.root(), FOLLOW, "../secret.txt"));
  }

  @Test
  void theEmptyPathNamesNothing() {
    assertErr(ErrorCode.NO_ENTRY, f.fs.descriptorOpenAt(jailRoot(), FOLLOW, "", NONE, R));
    assertErr(ErrorCode.NO_ENTRY, f.fs.descriptorStatAt(jailRoot(), FOLLOW, ""));
    assertErr(ErrorCode.INVALID, f.fs.descriptorStatAt(jailRoot(), FOLLOW, "a\0b"));
  }

  @Test
  void thePreopenItselfCannotBeRemovedOrRenamed() throws IOException {
    Files.delete(jail.resolve("inside.txt"));
    Files.delete(jail.resolve("sub"));
    assertErr(ErrorCode.INVALID, f.fs.descriptorRemoveDirectoryAt(jailRoot(), "."));
    assertErr(ErrorCode.INVALID, f.fs.descriptorRenameAt(jailRoot(), ".", jailRoot(), "x"));
    assertTrue(Files.isDirectory(jail));
  }

  @Test
  void aReadOnlyPreopenRefusesEveryChange() throws IOException {
    Resource<Descriptor> d = roRoot();
    assertErr(ErrorCode.READ_ONLY, f.fs.descriptorOpenAt(d, FOLLOW, "keep.txt", NONE, RW));
    assertErr(ErrorCode.READ_ONLY, f.fs.descriptorOpenAt(d, FOLLOW, "keep.txt", NONE, W));
    assertErr(ErrorCode.READ_ONLY, f.fs.descriptorOpenAt(d, FOLLOW, "new.txt", CREATE, R));
    assertErr(
        ErrorCode.READ_ONLY,
        f.fs.descriptorOpenAt(d, FOLLOW, "keep.txt", EnumSet.of(OpenFlags.TRUNCATE), R));
    assertErr(
        ErrorCode.READ_ONLY,
        f.fs.descriptorOpenAt(
            d,
            FOLLOW,
            "dir",
            NONE,
            EnumSet.of(DescriptorFlags.READ, DescriptorFlags.MUTATE_DIRECTORY)));
    assertErr(ErrorCode.READ_ONLY, f.fs.descriptorCreateDirectoryAt(d, "new"));
    assertErr(ErrorCode.READ_ONLY, f.fs.descriptorRemoveDirectoryAt(d, "dir"));
    assertErr(ErrorCode.READ_ONLY, f.fs.descriptorUnlinkFileAt(d, "keep.txt"));
    assertErr(ErrorCode.READ_ONLY, f.fs.descriptorRenameAt(d, "keep.txt", d, "moved"));
    assertErr(ErrorCode.READ_ONLY, f.fs.descriptorSymlinkAt(d, "keep.txt", "ln"));
    assertErr(ErrorCode.READ_ONLY, f.fs.descriptorLinkAt(d, NOFOLLOW, "keep.txt", d, "hard"));
    assertErr(
        ErrorCode.READ_ONLY,
        f.fs.descriptorSetTimesAt(
            d, NOFOLLOW, "keep.txt", new NewTimestamp.Now(), new NewTimestamp.Now()));
    assertErr(
        ErrorCode.READ_ONLY,
        f.fs.descriptorSetTimes(d, new NewTimestamp.Now(), new NewTimestamp.Now()));
    // A file or directory opened from it is read-only too.
    Resource<Descriptor> file = ok(f.fs.descriptorOpenAt(d, FOLLOW, "keep.txt", NONE, R));
    assertErr(ErrorCode.READ_ONLY, f.fs.descriptorWrite(file, new byte[] {1}, 0));
    assertErr(ErrorCode.READ_ONLY, f.fs.descriptorSetSize(file, 0));
    assertErr(ErrorCode.READ_ONLY, f.fs.descriptorWriteViaStream(file, 0));
    assertErr(ErrorCode.READ_ONLY, f.fs.descriptorAppendViaStream(file));
    Resource<Descriptor> sub = ok(f.fs.descriptorOpenAt(d, FOLLOW, "dir", NONE, R));
    assertEquals(EnumSet.of(DescriptorFlags.READ), ok(f.fs.descriptorGetFlags(sub)));
    assertErr(ErrorCode.READ_ONLY, f.fs.descriptorCreateDirectoryAt(sub, "x"));
    assertErr(ErrorCode.READ_ONLY, f.fs.descriptorOpenAt(sub, FOLLOW, "x", CREATE, RW));
    // Reading still works.
    assertEquals(
        "keep", new String(ok(f.fs.descriptorRead(file, 10, 0)).v0(), StandardCharsets.UTF_8));
    assertEquals(DescriptorType.DIRECTORY, ok(f.fs.descriptorStatAt(d, NOFOLLOW, "dir")).type());
    try (var s = Files.list(ro)) {
      assertEquals(
          List.of("dir", "keep.txt"), s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals("keep", Files.readString(ro.resolve("keep.txt")));
  }

  @Test
  void nothingMovesBetweenAReadOnlyAndAWritablePreopen() throws IOException {
    // A hard link or rename from the read-only preopen into the writable one would make the
    // read-only file writable (or remove it): both sides must be mutable.
    assertErr(
        ErrorCode.READ_ONLY,
        f.fs.descriptorLinkAt(roRoot(), NOFOLLOW, "keep.txt", jailRoot(), "stolen"));
    assertErr(
        ErrorCode.READ_ONLY, f.fs.descriptorRenameAt(roRoot(), "keep.txt", jailRoot(), "stolen"));
    assertErr(
        ErrorCode.READ_ONLY,
        f.fs.descriptorRenameAt(jailRoot(), "inside.txt", roRoot(), "planted"));
    assertErr(
        ErrorCode.READ_ONLY,
        f.fs.descriptorLinkAt(jailRoot(), NOFOLLOW, "inside.txt", roRoot(), "planted"));
    assertFalse(Files.exists(jail.resolve("stolen")));
    assertFalse(Files.exists(ro.resolve("planted")));
  }

  @Test
  void betweenTwoWritablePreopensRenameWorks() throws IOException {
    Path other = Files.createDirectory(base.resolve("other"));
    FsFixture g =
        new FsFixture(WasiConfig.builder().preopen(jail, "a").preopen(other, "b").build());
    ok(g.fs.descriptorRenameAt(g.root(0), "inside.txt", g.root(1), "moved.txt"));
    assertEquals("inside", Files.readString(other.resolve("moved.txt")));
  }

  @Test
  void aDirectoryDescriptorWhosePathIsSwappedForALinkOutCannotLeadOut() throws IOException {
    // In plain sequential calls: hold a descriptor for sub, move sub away, put a link to .. in its
    // place. The descriptor's path would now lead out of the preopen.
    Resource<Descriptor> sub =
        ok(
            f.fs.descriptorOpenAt(
                jailRoot(),
                NOFOLLOW,
                "sub",
                NONE,
                EnumSet.of(DescriptorFlags.READ, DescriptorFlags.MUTATE_DIRECTORY)));
    ok(f.fs.descriptorRenameAt(jailRoot(), "sub", jailRoot(), "moved"));
    ok(f.fs.descriptorSymlinkAt(jailRoot(), "..", "sub"));
    assertErr(
        ErrorCode.BAD_DESCRIPTOR, f.fs.descriptorOpenAt(sub, NOFOLLOW, "secret.txt", NONE, R));
    assertErr(ErrorCode.BAD_DESCRIPTOR, f.fs.descriptorStatAt(sub, NOFOLLOW, "secret.txt"));
    assertErr(ErrorCode.BAD_DESCRIPTOR, f.fs.descriptorUnlinkFileAt(sub, "secret.txt"));
    assertErr(ErrorCode.BAD_DESCRIPTOR, f.fs.descriptorCreateDirectoryAt(sub, "planted"));
    assertErr(ErrorCode.BAD_DESCRIPTOR, f.fs.descriptorReadDirectory(sub));
    assertErr(ErrorCode.BAD_DESCRIPTOR, f.fs.descriptorStat(sub));
    assertErr(
        ErrorCode.BAD_DESCRIPTOR,
        f.fs.descriptorSetTimes(sub, new NewTimestamp.Now(), new NewTimestamp.Now()));
    assertErr(ErrorCode.BAD_DESCRIPTOR, f.fs.descriptorMetadataHash(sub));
    assertErr(
        ErrorCode.BAD_DESCRIPTOR,
        f.fs.descriptorRenameAt(jailRoot(), "inside.txt", sub, "stolen.txt"));
    assertFalse(Files.exists(base.resolve("planted")));
    assertFalse(Files.exists(base.resolve("stolen.txt")));
    // Replaced by a real directory of the same name: still not what the descriptor opened.
    ok(f.fs.descriptorUnlinkFileAt(jailRoot(), "sub"));
    ok(f.fs.descriptorCreateDirectoryAt(jailRoot(), "sub"));
    assertErr(ErrorCode.BAD_DESCRIPTOR, f.fs.descriptorCreateDirectoryAt(sub, "x"));
    // Removed: gone.
    ok(f.fs.descriptorRemoveDirectoryAt(jailRoot(), "sub"));
    assertErr(ErrorCode.NO_ENTRY, f.fs.descriptorCreateDirectoryAt(sub, "x"));
    outsideUntouched();
  }

  @Test
  void aFileDescriptorWhoseDirectoryIsSwappedForALinkOutCannotTouchOutside() throws IOException {
    Files.writeString(jail.resolve("sub/f.txt"), "mine");
    Path outside = Files.writeString(base.resolve("f.txt"), "outside");
    java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(outside);
    Resource<Descriptor> file =
        ok(f.fs.descriptorOpenAt(jailRoot(), NOFOLLOW, "sub/f.txt", NONE, RW));
    ok(f.fs.descriptorRenameAt(jailRoot(), "sub", jailRoot(), "moved"));
    ok(f.fs.descriptorSymlinkAt(jailRoot(), "..", "sub"));
    assertErr(
        ErrorCode.BAD_DESCRIPTOR,
        f.fs.descriptorSetTimes(
            file,
            new NewTimestamp.Timestamp(
                new dev.wasidl.wasi.bindings.wasi.clocks.WallClock.Datetime(5, 0)),
            new NewTimestamp.Timestamp(
                new dev.wasidl.wasi.bindings.wasi.clocks.WallClock.Datetime(5, 0))));
    assertEquals(before, Files.getLastModifiedTime(outside));
    // Data goes through the open file, which is the moved one; stat describes it, not f.txt
    // outside.
    ok(f.fs.descriptorWrite(file, "MINE".getBytes(StandardCharsets.UTF_8), 0));
    assertEquals("MINE", Files.readString(jail.resolve("moved/f.txt")));
    assertEquals("outside", Files.readString(outside));
    assertEquals(4, ok(f.fs.descriptorStat(file)).size());
    assertEquals(DescriptorType.REGULAR_FILE, ok(f.fs.descriptorStat(file)).type());
  }

  @Test
  void aDirectoryListingStopsTypingEntriesOnceItsPathIsSwapped() throws IOException {
    Files.writeString(jail.resolve("sub/secret.txt"), "a file here");
    Resource<Descriptor> sub = ok(f.fs.descriptorOpenAt(jailRoot(), NOFOLLOW, "sub", NONE, R));
    var stream = ok(f.fs.descriptorReadDirectory(sub));
    ok(f.fs.descriptorRenameAt(jailRoot(), "sub", jailRoot(), "moved"));
    ok(f.fs.descriptorSymlinkAt(jailRoot(), "..", "sub"));
    // The listing is of the directory opened; its entries' types are no longer read through a
    // path that now leads outside (where base/secret.txt would be read).
    var e = ok(f.fs.directoryEntryStreamReadDirectoryEntry(stream)).orElseThrow();
    assertEquals("secret.txt", e.name());
    assertEquals(DescriptorType.UNKNOWN, e.type());
    f.fs.dropDirectoryEntryStream(stream);
  }
}

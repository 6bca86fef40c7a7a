package dev.wasidl.nativetests;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The native test libraries (built from {@code src/main/c} by {@code build.sh}) and the C layouts
 * recorded next to them. Headers documenting every function and its expected results are in {@code
 * native-tests/src/main/c}.
 */
public final class NativeLibs {
  /** The only platform the libraries are built for. */
  public static final String PLATFORM = "linux-x86_64";

  private static final String RESOURCES = "/native/" + PLATFORM + "/";

  private static Path dir;
  private static Map<String, Long> layouts;

  private NativeLibs() {}

  /**
   * The folder holding every library side by side: {@code target/classes/native/linux-x86_64} when
   * the classes are a plain directory, else (in a jar) a temporary copy made once per JVM and
   * deleted on exit.
   */
  public static synchronized Path dir() {
    if (dir == null) {
      dir = locate();
    }
    return dir;
  }

  /**
   * {@code dir()/lib<name>.so}, e.g. {@code path("wasidl_prims")}; fails if there is no such file.
   */
  public static Path path(String name) {
    Path lib = dir().resolve("lib" + name + ".so");
    if (!Files.isRegularFile(lib)) {
      throw new IllegalArgumentException(
          "no native test library lib" + name + ".so in " + dir() + "; built are: " + index());
    }
    return lib;
  }

  /**
   * The C compiler's sizes, alignments and field offsets from {@code layouts.properties}, e.g.
   * {@code sizeof.c-long=8}, {@code alignof.struct.CI=4}, {@code offsetof.struct.Outer.dd=8}.
   */
  public static synchronized Map<String, Long> layouts() {
    if (layouts == null) {
      Properties props = new Properties();
      try (Reader in = Files.newBufferedReader(dir().resolve("layouts.properties"))) {
        props.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Map<String, Long> map = new TreeMap<>();
      props.forEach((k, v) -> map.put((String) k, Long.parseLong((String) v)));
      layouts = Collections.unmodifiableMap(map);
    }
    return layouts;
  }

  private static List<String> index() {
    try (InputStream in = resource("index.txt").openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URL resource(String name) {
    URL url = NativeLibs.class.getResource(RESOURCES + name);
    if (url == null) {
      throw new IllegalStateException(
          "resource "
              + RESOURCES
              + name
              + " is not on the class path: native-tests builds its libraries with gcc on "
              + PLATFORM
              + " only (src/main/c/build.sh)");
    }
    return url;
  }

  private static Path locate() {
    URL index = resource("index.txt");
    try {
      if (index.getProtocol().equals("file")) {
        return Path.of(index.toURI()).getParent();
      }
      Path tmp = Files.createTempDirectory("wasidl-native-tests-");
      tmp.toFile().deleteOnExit(); // registered first, so deleted after the files in it
      for (String name : index()) {
        Path file = tmp.resolve(name);
        try (InputStream in = resource(name).openStream()) {
          Files.copy(in, file);
        }
        file.toFile().deleteOnExit();
      }
      return tmp;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

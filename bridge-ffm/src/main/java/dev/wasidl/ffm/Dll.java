package dev.wasidl.ffm;

import java.util.Locale;

/**
 * The free functions of wasi:dl's {@code dll} interface: how this platform names shared libraries
 * (Linux {@code so}/{@code lib}/{@code .so}; macOS {@code dylib}/{@code lib}/{@code .dylib};
 * Windows {@code dll}/empty/{@code .dll}).
 */
public final class Dll {
  private static final String OS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);

  private Dll() {}

  /** wasi:dl {@code extension}: the file extension of shared libraries, without the dot. */
  public static String extension() {
    return OS.contains("mac") ? "dylib" : OS.contains("win") ? "dll" : "so";
  }

  /** wasi:dl {@code prefix}: what library file names start with. */
  public static String prefix() {
    return OS.contains("win") ? "" : "lib";
  }

  /** wasi:dl {@code suffix}: what library file names end with, with the dot. */
  public static String suffix() {
    return "." + extension();
  }

  /** The file name of library {@code name} on this platform, e.g. {@code libz.so}. */
  public static String fileName(String name) {
    return prefix() + name + suffix();
  }
}

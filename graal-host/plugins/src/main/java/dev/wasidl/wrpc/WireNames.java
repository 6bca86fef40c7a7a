package dev.wasidl.wrpc;

/**
 * Function names on the wire. wRPC names a resource's functions without the component model's
 * {@code [constructor]}/{@code [method]}/{@code [static]} prefix ({@code bucket.get} for {@code
 * [method]bucket.get}, {@code bucket} for {@code [constructor]bucket}), as wrpc-wasmtime does. wRPC
 * has no way to drop a resource; ours is the invocation {@code [resource-drop]R} of the resource's
 * interface with the {@code own<R>} handle as its one parameter and no result.
 */
public final class WireNames {
  private static final String DROP = "[resource-drop]";

  private WireNames() {}

  /** The wire name of the component function {@code name}. */
  public static String of(String name) {
    for (String prefix : new String[] {"[constructor]", "[method]", "[static]"}) {
      if (name.startsWith(prefix)) {
        return name.substring(prefix.length());
      }
    }
    return name;
  }

  /** The wire name of dropping resource {@code resource}. */
  public static String drop(String resource) {
    return DROP + resource;
  }

  /** The resource a drop invocation names, or null. */
  static String dropped(String wireName) {
    return wireName.startsWith(DROP) ? wireName.substring(DROP.length()) : null;
  }
}

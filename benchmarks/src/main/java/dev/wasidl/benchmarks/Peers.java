package dev.wasidl.benchmarks;

import dev.wasidl.nativetests.NativeLibs;

/** The libraries we compare with, bound to the same C functions. Benchmarks only. */
final class Peers {
  private Peers() {}

  private static final String PRIMS = NativeLibs.path("wasidl_prims").toString();

  /** JNA interface mapping. */
  public interface Jna extends com.sun.jna.Library {
    void noop();

    int add(int a, int b);

    double mix(double a, int b, long c, float d);
  }

  /** JNA interface mapping of libc's strlen (the pointer as a long address). */
  public interface JnaLibc extends com.sun.jna.Library {
    long strlen(long s);
  }

  /** JNA direct mapping (native methods registered at class init). */
  public static final class JnaDirect {
    static {
      com.sun.jna.Native.register(PRIMS);
    }

    private JnaDirect() {}

    public static native void noop();

    public static native int add(int a, int b);

    public static native double mix(double a, int b, long c, float d);
  }

  /** JNA direct mapping of libc's strlen. */
  public static final class JnaDirectLibc {
    static {
      com.sun.jna.Native.register(com.sun.jna.NativeLibrary.getProcess());
    }

    private JnaDirectLibc() {}

    public static native long strlen(long s);
  }

  /** jnr-ffi interface mapping. */
  public interface Jnr {
    void noop();

    int add(int a, int b);

    double mix(double a, int b, long c, float d);
  }

  /** jnr-ffi for libc's strlen. */
  public interface JnrLibc {
    long strlen(long s);
  }

  private static final class Holder {
    static final JnaLibc JNA_LIBC = com.sun.jna.Native.load("c", JnaLibc.class);
    static final JnrLibc JNR_LIBC = jnr.ffi.LibraryLoader.create(JnrLibc.class).load("c");
  }

  static Jna jna() {
    return com.sun.jna.Native.load(PRIMS, Jna.class);
  }

  static JnaLibc jnaLibc() {
    return Holder.JNA_LIBC;
  }

  static com.sun.jna.Function jnaFunction(String name) {
    return com.sun.jna.NativeLibrary.getInstance(PRIMS).getFunction(name);
  }

  static Jnr jnr() {
    return jnr.ffi.LibraryLoader.create(Jnr.class).load(PRIMS);
  }

  static JnrLibc jnrLibc() {
    return Holder.JNR_LIBC;
  }
}

package dev.wasidl.benchmarks;

import dev.wasidl.nativetests.NativeLibs;

/** The libraries we compare with, bound to the same C functions. Benchmarks only. */
final class Peers {
  private Peers() {}

  private static final String PRIMS = NativeLibs.path("wasidl_prims").toString();
  private static final String STRUCTS = NativeLibs.path("wasidl_structs").toString();

  /** native-tests' {@code struct DD {double a, b;}} for JNA. */
  @com.sun.jna.Structure.FieldOrder({"a", "b"})
  public static class DD extends com.sun.jna.Structure {
    public double a;
    public double b;

    /** Passed and returned by value. */
    public static class ByValue extends DD implements com.sun.jna.Structure.ByValue {}
  }

  static DD.ByValue dd(double a, double b) {
    DD.ByValue v = new DD.ByValue();
    v.a = a;
    v.b = b;
    return v;
  }

  /** JNA interface mapping of {@code struct DD add_dd(struct DD, struct DD)}. */
  public interface JnaStructs extends com.sun.jna.Library {
    DD.ByValue add_dd(DD.ByValue a, DD.ByValue b);
  }

  /** JNA direct mapping of {@code add_dd}. */
  public static final class JnaDirectStructs {
    static {
      com.sun.jna.Native.register(STRUCTS);
    }

    private JnaDirectStructs() {}

    @SuppressWarnings("MethodName") // the C name
    public static native DD.ByValue add_dd(DD.ByValue a, DD.ByValue b);
  }

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
    static final JnaStructs JNA_STRUCTS = com.sun.jna.Native.load(STRUCTS, JnaStructs.class);
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

  static JnaStructs jnaStructs() {
    return Holder.JNA_STRUCTS;
  }

  static com.sun.jna.Function jnaStructFunction(String name) {
    return com.sun.jna.NativeLibrary.getInstance(STRUCTS).getFunction(name);
  }

  static Jnr jnr() {
    return jnr.ffi.LibraryLoader.create(Jnr.class).load(PRIMS);
  }

  static JnrLibc jnrLibc() {
    return Holder.JNR_LIBC;
  }
}

package dev.wasidl.graal;

import static java.lang.constant.ConstantDescs.BSM_CLASS_DATA;
import static java.lang.constant.ConstantDescs.CD_MethodHandle;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.DEFAULT_NAME;
import static java.lang.constant.ConstantDescs.INIT_NAME;
import static java.lang.constant.ConstantDescs.MTD_void;

import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import java.lang.classfile.Annotation;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.classfile.attribute.RuntimeVisibleAnnotationsAttribute;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spins, with {@code java.lang.classfile}, the typed host-function classes GraalWasm calls at the
 * cost of a Java call: per core signature one public {@code @FunctionalInterface} with an
 * {@code @HostAccess.Export} method {@value #METHOD}, and per {@link HostFunctionClass} one hidden
 * class implementing it whose method loads its handle as a class-data constant and calls it with
 * {@code invokeExact}, passing the object's data first. The constant lets the Graal compiler inline
 * the handle into the compiled wasm caller; a handle in an instance field would be an opaque
 * indirect call. The data, per instance, is a final field (see {@link HostFunctionClass}).
 */
final class HostFunctionClasses {
  static final String METHOD = "call";
  private static final String DATA = "data";

  private static final ClassDesc EXPORT = ClassDesc.of("org.graalvm.polyglot.HostAccess$Export");
  private static final ClassDesc COMPILATION_FINAL =
      ClassDesc.of("com.oracle.truffle.api.CompilerDirectives$CompilationFinal");
  private static final ClassDesc FUNCTIONAL_INTERFACE =
      ClassDesc.of("java.lang.FunctionalInterface");
  private static final String PACKAGE = HostFunctionClasses.class.getPackageName();

  // per signature, the implementation's bytes, the same for every handle (class data)
  private static final ConcurrentHashMap<MethodType, byte[]> IMPLEMENTATIONS =
      new ConcurrentHashMap<>();
  // per signature, the interface the implementations implement, defined once
  private static final ConcurrentHashMap<MethodType, Class<?>> INTERFACES =
      new ConcurrentHashMap<>();

  private HostFunctionClasses() {}

  /** The Java method type of a core function type: i32 int, i64 long, f32 float, f64 double. */
  static MethodType methodType(CoreType.Func type) {
    if (type.results().size() > 1) {
      throw new IllegalArgumentException(
          "a host function returns at most one core value (the canonical ABI never lowers more): "
              + type);
    }
    Class<?> result = type.results().isEmpty() ? void.class : javaType(type.results().getFirst());
    List<Class<?>> params = new ArrayList<>();
    for (CoreValType param : type.params()) {
      params.add(javaType(param));
    }
    return MethodType.methodType(result, params);
  }

  private static Class<?> javaType(CoreValType type) {
    return switch (type) {
      case I32 -> int.class;
      case I64 -> long.class;
      case F32 -> float.class;
      case F64 -> double.class;
      case V128, FUNCREF, EXTERNREF ->
          throw new IllegalArgumentException(
              "host functions take and return numbers only: " + type);
    };
  }

  /**
   * The constructor {@code (Object data) -> Object} of a new hidden class GraalWasm can call as a
   * function of {@code generic.type()} without its first parameter: its method loads {@code data}
   * from a final field and calls {@code generic} (class data, so a constant the compiler inlines)
   * with it first.
   */
  static MethodHandle define(MethodHandle generic) {
    MethodHandle erased = generic.asType(generic.type().changeParameterType(0, Object.class));
    MethodType type = erased.type().dropParameterTypes(0, 1);
    Class<?> iface = iface(type);
    try {
      MethodHandles.Lookup lookup =
          MethodHandles.lookup()
              .defineHiddenClassWithClassData(
                  IMPLEMENTATIONS.computeIfAbsent(type, t -> implementation(iface, t)),
                  erased,
                  true);
      return lookup.findConstructor(
          lookup.lookupClass(), MethodType.methodType(void.class, Object.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot define a host function class for " + type, e);
    }
  }

  private static Class<?> iface(MethodType type) {
    return INTERFACES.computeIfAbsent(type, HostFunctionClasses::defineInterface);
  }

  private static byte[] implementation(Class<?> iface, MethodType type) {
    ClassDesc name = ClassDesc.of(PACKAGE + ".HostFunction_" + signatureName(type));
    MethodTypeDesc desc = describe(type);
    MethodTypeDesc generic = desc.insertParameterTypes(0, CD_Object);
    return ClassFile.of()
        .build(
            name,
            cb -> {
              cb.withFlags(AccessFlag.PUBLIC, AccessFlag.FINAL, AccessFlag.SUPER);
              cb.withInterfaceSymbols(classDesc(iface));
              // Truffle's CompilationFinal: where GraalWasm's compiled caller knows the function
              // object (one instance calls it), the data is a constant too, as a class per
              // function made it; an ordinary final field is loaded on every call
              cb.withField(
                  DATA,
                  CD_Object,
                  fb ->
                      fb.withFlags(ClassFile.ACC_PRIVATE | ClassFile.ACC_FINAL)
                          .with(annotations(COMPILATION_FINAL)));
              cb.withMethodBody(
                  INIT_NAME,
                  MethodTypeDesc.of(ConstantDescs.CD_void, CD_Object),
                  ClassFile.ACC_PUBLIC,
                  code ->
                      code.aload(0)
                          .invokespecial(CD_Object, INIT_NAME, MTD_void)
                          .aload(0)
                          .aload(1)
                          .putfield(name, DATA, CD_Object)
                          .return_());
              cb.withMethod(
                  METHOD,
                  desc,
                  ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL,
                  mb ->
                      mb.with(annotations(EXPORT))
                          .withCode(
                              code -> {
                                code.ldc(
                                    DynamicConstantDesc.ofNamed(
                                        BSM_CLASS_DATA, DEFAULT_NAME, CD_MethodHandle));
                                code.aload(0).getfield(name, DATA, CD_Object);
                                loadParameters(code, desc);
                                code.invokevirtual(CD_MethodHandle, "invokeExact", generic);
                                code.return_(TypeKind.from(desc.returnType()));
                              }));
            });
  }

  static String signatureName(MethodType type) {
    StringBuilder name = new StringBuilder();
    for (Class<?> p : type.parameterList()) {
      name.append(Character.toUpperCase(descriptor(p)));
    }
    name.append('_').append(descriptor(type.returnType()));
    return name.toString();
  }

  private static char descriptor(Class<?> type) {
    return type.descriptorString().charAt(0);
  }

  private static Class<?> defineInterface(MethodType type) {
    ClassDesc name = ClassDesc.of(PACKAGE + ".HostSignature_" + signatureName(type));
    byte[] bytes =
        ClassFile.of()
            .build(
                name,
                cb -> {
                  cb.withFlags(AccessFlag.PUBLIC, AccessFlag.INTERFACE, AccessFlag.ABSTRACT);
                  cb.with(annotations(FUNCTIONAL_INTERFACE));
                  cb.withMethod(
                      METHOD,
                      describe(type),
                      ClassFile.ACC_PUBLIC | ClassFile.ACC_ABSTRACT,
                      mb -> mb.with(annotations(EXPORT)));
                });
    try {
      return MethodHandles.lookup().defineClass(bytes);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void loadParameters(CodeBuilder code, MethodTypeDesc desc) {
    int slot = 1;
    for (ClassDesc param : desc.parameterList()) {
      TypeKind kind = TypeKind.from(param);
      code.loadLocal(kind, slot);
      slot += kind.slotSize();
    }
  }

  private static MethodTypeDesc describe(MethodType type) {
    return MethodTypeDesc.of(
        classDesc(type.returnType()),
        type.parameterList().stream().map(HostFunctionClasses::classDesc).toList());
  }

  private static ClassDesc classDesc(Class<?> type) {
    return type.describeConstable().orElseThrow();
  }

  private static RuntimeVisibleAnnotationsAttribute annotations(ClassDesc annotation) {
    return RuntimeVisibleAnnotationsAttribute.of(List.of(Annotation.of(annotation)));
  }
}

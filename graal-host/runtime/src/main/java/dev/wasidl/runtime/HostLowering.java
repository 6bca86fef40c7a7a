package dev.wasidl.runtime;

import java.lang.invoke.MethodHandles;
import java.util.Objects;
import java.util.function.Function;

/**
 * A host function's compiled {@code canon lower}, as bindings-gen generates one beside its {@link
 * HostFunc}: a static method of {@code lookup}'s class reading the flat core arguments straight
 * into the Java parameters of the host implementation and writing its Java result straight back (no
 * {@code Val}, no lists, no per-call objects). Its type is the function's flat core signature
 * (lowered: at most 16 parameters, else one pointer; a result beyond one core value through an
 * out-pointer) after two leading parameters: {@code host} and the call's {@link
 * dev.wasidl.abi.HostCall}. A component importing the function calls that method; dynamic callers
 * ({@code Func.call}, plugs, wRPC) still call the {@link HostFunc}.
 *
 * @param lookup a lookup with access to the method
 * @param method the static method's name
 * @param host the implementation the method receives first, e.g. the instance-data-to-host function
 *     the bindings' {@code add} was given
 */
public record HostLowering(MethodHandles.Lookup lookup, String method, Function<Object, ?> host) {
  public HostLowering {
    Objects.requireNonNull(lookup, "lookup");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(host, "host");
  }
}

/**
 * WIT worlds to Java host bindings: per interface, a Java interface the host implements and a
 * bindings class whose compiled lowerings read flat core arguments straight into Java values
 * ({@link dev.wasidl.bindgen.host.HostGenerator}, {@link dev.wasidl.bindgen.host.WitMain}).
 */
package dev.wasidl.bindgen.host;

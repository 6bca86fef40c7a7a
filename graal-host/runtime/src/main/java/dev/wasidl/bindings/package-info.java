/**
 * What generated WIT bindings are built from: {@link dev.wasidl.bindings.Resource} handles, {@link
 * dev.wasidl.bindings.Result} and the tuple records for WIT's anonymous types, {@link
 * dev.wasidl.bindings.HostTable} for a host's resource representations, and {@link
 * dev.wasidl.bindings.Convert}, the conversions between Java values and {@link
 * dev.wasidl.types.Val}s that generated glue calls.
 */
package dev.wasidl.bindings;

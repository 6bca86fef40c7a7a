/**
 * Components on GraalWasm, shaped as wasmtime's component API: a {@link dev.wasidl.runtime.Linker}
 * defines host functions and instantiates a {@link dev.wasidl.runtime.Component} (or makes an
 * {@link dev.wasidl.runtime.InstancePre} to instantiate many times) into an {@link
 * dev.wasidl.runtime.Instance} whose exports are {@link dev.wasidl.runtime.Func}s; canon lift and
 * lower, resources and post-return run here.
 */
package dev.wasidl.runtime;

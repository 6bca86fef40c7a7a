package dev.wasidl.wasi;

/**
 * What an application attaches to an instance ({@code linker.instantiate(component, data)}) so the
 * WASI host finds the instance's {@link WasiCtx}. A {@link WasiCtx} is one itself; an application
 * with more per-instance state implements this on its own data object.
 */
public interface WasiView {
  WasiCtx wasi();
}

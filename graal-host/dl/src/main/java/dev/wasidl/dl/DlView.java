package dev.wasidl.dl;

/**
 * What an application attaches to an instance ({@code linker.instantiate(component, data)}) so the
 * wasi:dl host finds the instance's {@link DlCtx}. A {@link DlCtx} is one itself; one data object
 * can serve WASI and wasi:dl by implementing both {@code WasiView} and this.
 */
public interface DlView {
  DlCtx dl();
}

/**
 * Crash isolation for native code: {@link dev.wasidl.isolate.DlIsolation} runs the wasi:dl calls of
 * guests in a worker process of their own, so a fault in a native library ends the worker, not the
 * host.
 */
package dev.wasidl.isolate;

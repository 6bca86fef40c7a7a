package dev.wasidl.graal;

/**
 * Something a core module can import: a host function, or a function, memory, table or global
 * exported by a core instance of the same {@link GraalStore}.
 */
public sealed interface Extern
    permits HostFunction, GraalFunction, GraalMemory, GraalTable, GraalGlobal {}

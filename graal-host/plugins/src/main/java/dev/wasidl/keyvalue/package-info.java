/**
 * The wasi:keyvalue host: {@link dev.wasidl.keyvalue.KeyValueHost} over a store, with an in-memory
 * one ({@link dev.wasidl.keyvalue.InMemoryKeyValue}) for {@code wasidl run --keyvalue}.
 */
package dev.wasidl.keyvalue;

/**
 * The wasidl command line: {@code run} (a component, as {@code wasmtime run}), {@code serve}
 * (plugins over wRPC), {@code compose} and {@code wit}; picocli commands over the runtime's API.
 */
package dev.wasidl.cli;

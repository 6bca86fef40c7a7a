/**
 * wRPC (bytecodealliance/wrpc, SPEC.md v0.0.1-draft.1) over TCP: a component's exported interfaces
 * served to other processes ({@link dev.wasidl.wrpc.Server}) and a component's imports forwarded to
 * such a server ({@link dev.wasidl.wrpc.RemotePlug}). Values travel in the component model's value
 * definition encoding ({@link dev.wasidl.wrpc.ValueCodec}), invocations in wRPC's framed stream,
 * one TCP connection per invocation ({@link dev.wasidl.wrpc.Framing}). Streams and futures are
 * refused.
 */
package dev.wasidl.wrpc;

/**
 * The canonical ABI of the component model (preview 2, synchronous), usable without a Wasm engine.
 *
 * <p>{@link dev.wasidl.abi.CanonicalAbi} keeps the spec's names ({@code flatten_functype}, {@code
 * load}, {@code store}, {@code lift_flat}, {@code lower_flat}, {@code lift_flat_values}, {@code
 * lower_flat_values}) and works on {@link dev.wasidl.types.Val}s of {@link dev.wasidl.types.Type}s
 * through a {@link dev.wasidl.abi.LiftLowerContext} (the spec's {@code cx}): a {@link
 * dev.wasidl.abi.Memory}, a {@link dev.wasidl.abi.Realloc}, a string encoding, the instance's
 * {@link dev.wasidl.abi.ResourceTable} and the call's {@link dev.wasidl.abi.BorrowScope}. Flat core
 * values are {@code long}s: see {@link dev.wasidl.abi.CoreValueIter}. Every violation traps with a
 * {@link dev.wasidl.abi.Trap} that names it.
 */
package dev.wasidl.abi;

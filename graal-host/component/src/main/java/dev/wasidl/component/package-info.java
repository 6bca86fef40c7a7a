/**
 * The WebAssembly component model, as decoded from the binary format (Binary.md, preview-2 feature
 * set).
 *
 * <p>{@link dev.wasidl.component.ComponentDecoder#decode(byte[])} decodes and validates a component
 * into a {@link dev.wasidl.component.ComponentDef}: its {@link dev.wasidl.component.Definition}s in
 * binary order, and per {@link dev.wasidl.component.Sort} the index space they build (entry {@code
 * i} is the definition, import, alias or export that introduced index {@code i}). Types mirror the
 * spec's grammar: {@link dev.wasidl.component.DefType} ({@code deftype}) is a {@link
 * dev.wasidl.component.DefValType} ({@code defvaltype}), {@link dev.wasidl.component.FuncDef},
 * {@link dev.wasidl.component.ComponentType}, {@link dev.wasidl.component.InstanceType} or {@link
 * dev.wasidl.component.ResourceDef}; value types inside them are a {@link
 * dev.wasidl.component.PrimValType} or a {@link dev.wasidl.component.TypeIndex} into the enclosing
 * type space (for component and instance types, their own {@link dev.wasidl.component.TypeSpace}).
 * Core modules are kept as bytes, with their function types, imports and exports decoded.
 *
 * <p>Failures are {@link dev.wasidl.component.ComponentException}s naming the section and byte
 * offset: {@link dev.wasidl.component.MalformedComponentException}, {@link
 * dev.wasidl.component.InvalidComponentException} or {@link
 * dev.wasidl.component.UnsupportedFeatureException} (features past preview 2).
 */
package dev.wasidl.component;

/**
 * Component value types with nothing left to resolve ({@link dev.wasidl.types.Type}, {@link
 * dev.wasidl.types.FuncType}, {@link dev.wasidl.types.ResourceType}), the values of those types
 * ({@link dev.wasidl.types.Val}), and {@link dev.wasidl.types.TypeResolver}, which produces them
 * from a decoded {@link dev.wasidl.component.ComponentDef}. Shared by the runtime, the canonical
 * ABI and the bindings generator.
 */
package dev.wasidl.types;

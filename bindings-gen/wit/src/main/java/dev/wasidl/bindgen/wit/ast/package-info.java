/**
 * WIT as written: {@link dev.wasidl.bindgen.wit.ast.WitParser} turns text into a {@link
 * dev.wasidl.bindgen.wit.ast.SourceFile} whose nodes follow the grammar of WIT.md and carry their
 * {@link dev.wasidl.bindgen.wit.ast.Span}. Names here are unresolved; {@link
 * dev.wasidl.bindgen.wit.Resolve} turns files into the resolved model.
 */
package dev.wasidl.bindgen.wit.ast;

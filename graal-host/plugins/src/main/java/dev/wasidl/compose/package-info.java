/**
 * Composing components ({@code wasidl compose}, as {@code wac plug}): {@link
 * dev.wasidl.compose.Composer} nests plugins and an app in one component binary, wires the plugins'
 * exports to the app's imports of the same name, imports what remains (merged by name and
 * compatible version) and exports what the app exports. The binary is written with {@link
 * dev.wasidl.component.binary.ComponentWriter} and validated by our decoder.
 */
package dev.wasidl.compose;

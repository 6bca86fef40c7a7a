/** Generators: WIT ({@code dev.wasidl.bindgen.wit}) and C headers ({@code dev.wasidl.bindgen.c}). */
package dev.wasidl.bindgen;

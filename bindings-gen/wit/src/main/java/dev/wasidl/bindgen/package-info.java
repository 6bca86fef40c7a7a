/**
 * What the generators share: the Java spellings of kebab-case names ({@link
 * dev.wasidl.bindgen.JavaNames}).
 */
package dev.wasidl.bindgen;

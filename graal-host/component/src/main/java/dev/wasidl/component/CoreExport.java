package dev.wasidl.component;

/** A core module export: its name, sort and index in the module's own index space of that sort. */
public record CoreExport(String name, Sort sort, int index) {}

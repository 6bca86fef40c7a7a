package dev.wasidl.component;

/** A component-level type definition ({@code deftype}). */
public sealed interface DefType extends Definition, Decl
    permits DefValType, FuncDef, ComponentType, InstanceType, ResourceDef {}

package dev.wasidl.component;

/**
 * One definition of a component, in binary order (the flattened sections). Every index in every
 * index space of a {@link ComponentDef} is introduced by one of these.
 */
public sealed interface Definition
    permits CoreModule,
        CoreInstance,
        CoreType,
        ComponentDef,
        InstanceExpr,
        Alias,
        DefType,
        CanonicalFunction,
        Start,
        Import,
        Export {}

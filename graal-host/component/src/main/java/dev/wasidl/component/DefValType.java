package dev.wasidl.component;

/** A defined value type ({@code defvaltype}). */
public sealed interface DefValType extends DefType
    permits PrimValType,
        RecordType,
        VariantType,
        ListType,
        TupleType,
        FlagsType,
        EnumType,
        OptionType,
        ResultType,
        OwnType,
        BorrowType {}

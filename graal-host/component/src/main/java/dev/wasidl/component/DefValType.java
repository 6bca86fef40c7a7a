package dev.wasidl.component;

/** A defined value type ({@code defvaltype}). */
public sealed interface DefValType extends DefType
    permits PrimValType,
        RecordDef,
        VariantDef,
        ListDef,
        TupleDef,
        FlagsDef,
        EnumDef,
        OptionDef,
        ResultDef,
        OwnDef,
        BorrowDef {}

package dev.wasidl.types;

/**
 * A component value type with nothing left to resolve ({@code valtype} after type indices, aliases
 * and imports have been followed). Shared by the Linker, the canonical ABI and the bindings
 * generator; {@code toString()} gives the WIT spelling.
 */
public sealed interface Type
    permits Primitive,
        ListType,
        RecordType,
        TupleType,
        VariantType,
        EnumType,
        OptionType,
        ResultType,
        FlagsType,
        OwnType,
        BorrowType {}

/// One SQLite value in one of its five storage classes.
package enum DatabaseValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// The storage class name as SQLite spells it ("NULL", "INTEGER", "REAL", "TEXT", "BLOB"),
    /// for error messages that must not show the value itself.
    package var storageClass: String {
        switch self {
        case .null: "NULL"
        case .integer: "INTEGER"
        case .real: "REAL"
        case .text: "TEXT"
        case .blob: "BLOB"
        }
    }

    /// Whether this is SQL NULL.
    package var isNull: Bool { if case .null = self { true } else { false } }
}

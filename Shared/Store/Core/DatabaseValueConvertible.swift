import Foundation

/// A Swift type that can be bound to a statement parameter and read back from a column.
///
/// Conform custom types (an ID number wrapper, an enum with a raw value) by converting to and from
/// one of the five `DatabaseValue` storage classes. `fromDatabaseValue` returns nil when the stored
/// value cannot represent `Self` (wrong storage class, out of range).
package protocol DatabaseValueConvertible: Sendable {
    /// The value to store.
    var databaseValue: DatabaseValue { get }
    /// The Swift value for a stored value, or nil if it does not fit this type.
    static func fromDatabaseValue(_ value: DatabaseValue) -> Self?
}

extension DatabaseValue: DatabaseValueConvertible {
    package var databaseValue: DatabaseValue { self }
    package static func fromDatabaseValue(_ value: DatabaseValue) -> DatabaseValue? { value }
}

extension Int64: DatabaseValueConvertible {
    package var databaseValue: DatabaseValue { .integer(self) }
    package static func fromDatabaseValue(_ value: DatabaseValue) -> Int64? {
        if case .integer(let v) = value { v } else { nil }
    }
}

extension Int: DatabaseValueConvertible {
    package var databaseValue: DatabaseValue { .integer(Int64(self)) }
    package static func fromDatabaseValue(_ value: DatabaseValue) -> Int? {
        if case .integer(let v) = value { Int(exactly: v) } else { nil }
    }
}

extension Int32: DatabaseValueConvertible {
    package var databaseValue: DatabaseValue { .integer(Int64(self)) }
    package static func fromDatabaseValue(_ value: DatabaseValue) -> Int32? {
        if case .integer(let v) = value { Int32(exactly: v) } else { nil }
    }
}

extension Double: DatabaseValueConvertible {
    package var databaseValue: DatabaseValue { .real(self) }
    /// Reads REAL, and INTEGER too (SQLite stores whole-number REALs in REAL columns as integers).
    package static func fromDatabaseValue(_ value: DatabaseValue) -> Double? {
        switch value {
        case .real(let v): v
        case .integer(let v): Double(v)
        default: nil
        }
    }
}

extension Bool: DatabaseValueConvertible {
    /// Stored as INTEGER 1 or 0.
    package var databaseValue: DatabaseValue { .integer(self ? 1 : 0) }
    package static func fromDatabaseValue(_ value: DatabaseValue) -> Bool? {
        if case .integer(let v) = value { v != 0 } else { nil }
    }
}

extension String: DatabaseValueConvertible {
    package var databaseValue: DatabaseValue { .text(self) }
    package static func fromDatabaseValue(_ value: DatabaseValue) -> String? {
        if case .text(let v) = value { v } else { nil }
    }
}

extension Array: DatabaseValueConvertible where Element == UInt8 {
    /// Bytes are stored as a BLOB.
    package var databaseValue: DatabaseValue { .blob(self) }
    package static func fromDatabaseValue(_ value: DatabaseValue) -> [UInt8]? {
        if case .blob(let v) = value { v } else { nil }
    }
}

extension Data: DatabaseValueConvertible {
    /// Stored as a BLOB.
    package var databaseValue: DatabaseValue { .blob([UInt8](self)) }
    package static func fromDatabaseValue(_ value: DatabaseValue) -> Data? {
        if case .blob(let v) = value { Data(v) } else { nil }
    }
}

extension Optional: DatabaseValueConvertible where Wrapped: DatabaseValueConvertible {
    /// nil is stored as NULL.
    package var databaseValue: DatabaseValue { self?.databaseValue ?? .null }
    /// NULL reads as `.some(nil)`; any other value must convert to `Wrapped`.
    package static func fromDatabaseValue(_ value: DatabaseValue) -> Wrapped?? {
        if case .null = value { return .some(nil) }
        return Wrapped.fromDatabaseValue(value).map { .some($0) }
    }
}

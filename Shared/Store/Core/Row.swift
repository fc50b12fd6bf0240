/// One result row, copied out of SQLite, readable by column index or by column name.
///
/// Rows are plain values (`Sendable`), so they can be returned from a `read` or `write` closure.
package struct Row: Sendable {
    /// Column names in result order (shared between the rows of one query).
    package let columnNames: [String]
    /// Column values in result order.
    package let values: [DatabaseValue]

    /// Makes a row from names and values of equal count.
    package init(columnNames: [String], values: [DatabaseValue]) {
        precondition(columnNames.count == values.count, "a row needs one value per column")
        self.columnNames = columnNames
        self.values = values
    }

    /// The number of columns.
    package var count: Int { values.count }

    /// The raw value at a column index (0-based).
    package subscript(index: Int) -> DatabaseValue { values[index] }

    /// The raw value of a named column, or nil if the row has no such column.
    package subscript(name: String) -> DatabaseValue? { index(of: name).map { values[$0] } }

    /// The index of the column named `name` (exact match first, then ASCII case-insensitive, as SQL).
    package func index(of name: String) -> Int? {
        if let exact = columnNames.firstIndex(of: name) { return exact }
        let lowered = name.lowercased()
        return columnNames.firstIndex { $0.lowercased() == lowered }
    }

    /// The value at `index` as `T`; throws if it is NULL (for a non-optional `T`) or of another type.
    package func decode<T: DatabaseValueConvertible>(_ type: T.Type = T.self, at index: Int) throws -> T {
        guard values.indices.contains(index) else {
            throw StoreError(.decoding, "no column at index \(index): the row has \(values.count) columns")
        }
        return try convert(values[index], column: "'\(columnNames[index])' (index \(index))")
    }

    /// The value of the column named `name` as `T`; throws if missing, NULL or of another type.
    package func decode<T: DatabaseValueConvertible>(_ type: T.Type = T.self, named name: String) throws -> T {
        guard let index = index(of: name) else {
            throw StoreError(.decoding, "no column named '\(name)' in [\(columnNames.joined(separator: ", "))]")
        }
        return try convert(values[index], column: "'\(name)'")
    }

    private func convert<T: DatabaseValueConvertible>(_ value: DatabaseValue, column: String) throws -> T {
        guard let converted = T.fromDatabaseValue(value) else {
            throw StoreError(.decoding, "column \(column) holds \(value.storageClass), which is not a \(T.self)")
        }
        return converted
    }
}

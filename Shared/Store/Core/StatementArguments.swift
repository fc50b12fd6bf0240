/// Values for a statement's parameters: positional (`?`) from an array literal, or named
/// (`:name`) from a dictionary literal.
///
/// ```swift
/// try db.execute("INSERT INTO person(name, mobile_box) VALUES (?, ?)", ["张三", box])
/// try db.execute("UPDATE person SET name = :name WHERE id = :id", ["name": "李四", "id": 7])
/// ```
/// The values are never printed by errors or descriptions (they may be personal information).
package struct StatementArguments: Sendable, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    /// Values for `?` / `?NNN` parameters, in order.
    package var positional: [DatabaseValue]
    /// Values for `:name` parameters (names without the colon).
    package var named: [(name: String, value: DatabaseValue)]

    /// Positional values; a nil element binds NULL.
    package init(_ values: [(any DatabaseValueConvertible)?]) {
        positional = values.map { $0?.databaseValue ?? .null }
        named = []
    }

    /// Positional values already converted.
    package init(values: [DatabaseValue]) {
        positional = values
        named = []
    }

    package init(arrayLiteral elements: (any DatabaseValueConvertible)?...) {
        self.init(elements)
    }

    package init(dictionaryLiteral elements: (String, (any DatabaseValueConvertible)?)...) {
        positional = []
        named = elements.map { (name: $0.0, value: $0.1?.databaseValue ?? .null) }
    }

    /// Whether there is nothing to bind.
    package var isEmpty: Bool { positional.isEmpty && named.isEmpty }
}

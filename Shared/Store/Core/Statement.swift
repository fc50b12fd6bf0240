import CSQLite

/// A prepared SQLite statement (`sqlite3_stmt`), finalized exactly once when released.
///
/// Made by `Database.makeStatement(_:)` or, usually, taken from the connection's cache with
/// `Database.cachedStatement(_:)`. A statement is confined to its connection's queue, like the
/// connection itself; it is not `Sendable` and cannot leave a `read` or `write` closure.
/// Every use binds fresh arguments and resets the statement afterwards, so no arguments linger.
package final class Statement {
    /// The SQL this statement was prepared from.
    package let sql: String
    /// The names of the result columns (empty for statements that return no rows).
    package let columnNames: [String]
    let handle: OpaquePointer
    /// The owning connection's handle, for error messages. The connection outlives its statements:
    /// `sqlite3_close_v2` keeps it alive until the last statement is finalized.
    let connection: OpaquePointer
    /// True while rows are being stepped, so the cache never hands out a statement in use.
    private(set) var isInUse = false

    init(connection: OpaquePointer, sql: String, persistent: Bool) throws {
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let code = sql.withCString { sqlite3_prepare_v3(connection, $0, -1, flags, &statement, &tail) }
        guard code == SQLITE_OK else {
            sqlite3_finalize(statement)
            throw DatabaseError(code: code, connection: connection, sql: sql)
        }
        guard let statement else {
            throw StoreError(.misuse, "no SQL statement in `\(sql.trimmingWhitespace)`")
        }
        if let tail, Statement.hasMoreSQL(tail) {
            sqlite3_finalize(statement)
            throw StoreError(.misuse, "more than one statement in `\(sql.trimmingWhitespace)`; use executeScript")
        }
        self.sql = sql
        self.handle = statement
        self.connection = connection
        self.columnNames = (0..<sqlite3_column_count(statement)).map { String(cString: sqlite3_column_name(statement, $0)) }
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Runs the statement to completion with `arguments`, ignoring any rows.
    package func execute(_ arguments: StatementArguments = []) throws {
        try withBound(arguments) {
            while try step() {}
        }
    }

    /// All rows the statement returns with `arguments`.
    package func fetchAll(_ arguments: StatementArguments = []) throws -> [Row] {
        var rows: [Row] = []
        try forEachRow(arguments) { rows.append($0) }
        return rows
    }

    /// The first row the statement returns with `arguments`, or nil; later rows are not computed.
    package func fetchOne(_ arguments: StatementArguments = []) throws -> Row? {
        try withBound(arguments) { try step() ? currentRow() : nil }
    }

    /// Calls `body` with each row in turn without collecting them (for long scans).
    package func forEachRow(_ arguments: StatementArguments = [], _ body: (Row) throws -> Void) throws {
        try withBound(arguments) {
            while try step() {
                try body(currentRow())
            }
        }
    }

    /// Binds, runs `body`, and always resets the statement and clears its bindings.
    private func withBound<T>(_ arguments: StatementArguments, _ body: () throws -> T) throws -> T {
        isInUse = true
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            isInUse = false
        }
        try bind(arguments)
        return try body()
    }

    /// Advances to the next row; false when done.
    private func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw DatabaseError(code: code, connection: connection, sql: sql)
        }
    }

    private func currentRow() -> Row {
        Row(columnNames: columnNames, values: (0..<Int32(columnNames.count)).map(columnValue))
    }

    private func columnValue(_ index: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            let text = sqlite3_column_text(handle, index)  // before _bytes, as SQLite documents
            let count = Int(sqlite3_column_bytes(handle, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let bytes = sqlite3_column_blob(handle, index)
            let count = Int(sqlite3_column_bytes(handle, index))
            guard let bytes, count > 0 else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }

    /// Whether anything but spaces, semicolons and comments follows the first statement.
    private static func hasMoreSQL(_ tail: UnsafePointer<CChar>) -> Bool {
        var rest = Substring(String(cString: tail))
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == ";" }
            if rest.hasPrefix("--") {
                rest = rest.drop { $0 != "\n" }
            } else if rest.hasPrefix("/*"), let end = rest.range(of: "*/") {
                rest = rest[end.upperBound...]
            } else {
                return !rest.isEmpty
            }
        }
    }
}

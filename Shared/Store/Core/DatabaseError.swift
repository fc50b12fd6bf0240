import CSQLite

/// An SQLite failure (数据库错误): the result code SQLite returned, its own message, and the SQL.
///
/// Statement arguments are deliberately not part of the error or its description: they may hold
/// sensitive personal information (ID numbers, mobiles), and errors end up in logs.
package struct DatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code, e.g. 2067 (`SQLITE_CONSTRAINT_UNIQUE`).
    package var extendedResultCode: Int32
    /// The message SQLite gave (`sqlite3_errmsg`), e.g. "UNIQUE constraint failed: filing.number".
    package var message: String
    /// The SQL being prepared or run when the error happened, if any.
    package var sql: String?

    /// Makes an error from its parts.
    package init(extendedResultCode: Int32, message: String, sql: String? = nil) {
        self.extendedResultCode = extendedResultCode
        self.message = message
        self.sql = sql
    }

    /// Reads the message and extended code from `connection` right after a call returned `code`.
    init(code: Int32, connection: OpaquePointer?, sql: String?) {
        var extended = code
        var message = String(cString: sqlite3_errstr(code))
        if let connection {
            let connectionCode = sqlite3_extended_errcode(connection)
            // Trust the connection's message only if it describes this failure.
            if connectionCode & 0xFF == code & 0xFF {
                extended = code > 0xFF ? code : connectionCode
                message = String(cString: sqlite3_errmsg(connection))
            }
        }
        self.init(extendedResultCode: extended, message: message, sql: sql)
    }

    /// The primary result code (the low 8 bits), e.g. 19 (`SQLITE_CONSTRAINT`).
    package var resultCode: Int32 { extendedResultCode & 0xFF }

    /// The symbolic name of the (extended) result code, e.g. `SQLITE_CONSTRAINT_UNIQUE`.
    package var codeName: String {
        DatabaseError.names[extendedResultCode] ?? DatabaseError.names[resultCode] ?? "SQLITE_\(extendedResultCode)"
    }

    /// A UNIQUE or PRIMARY KEY constraint failed (a duplicate, 重复).
    package var isUniqueConstraintViolation: Bool {
        extendedResultCode == ExtendedCode.constraintunique || extendedResultCode == ExtendedCode.constraintprimarykey
    }

    /// A FOREIGN KEY constraint failed.
    package var isForeignKeyViolation: Bool { extendedResultCode == ExtendedCode.constraintforeignkey }

    /// A NOT NULL constraint failed.
    package var isNotNullViolation: Bool { extendedResultCode == ExtendedCode.constraintnotnull }

    /// A CHECK constraint failed.
    package var isCheckViolation: Bool { extendedResultCode == ExtendedCode.constraintcheck }

    /// Any constraint failed (unique, foreign key, not null, check, ...).
    package var isConstraintViolation: Bool { resultCode == SQLITE_CONSTRAINT }

    /// The database was locked by another connection for longer than the busy timeout.
    package var isBusy: Bool { resultCode == SQLITE_BUSY || resultCode == SQLITE_LOCKED }

    /// The file is damaged or is not a database.
    package var isCorruption: Bool { resultCode == SQLITE_CORRUPT || resultCode == SQLITE_NOTADB }

    package var description: String {
        var text = "SQLite error \(resultCode) (\(codeName)): \(message)"
        if let sql { text += ", while executing `\(sql.trimmingWhitespace)`" }
        return text
    }

    private static let names: [Int32: String] = [
        SQLITE_ERROR: "SQLITE_ERROR", SQLITE_INTERNAL: "SQLITE_INTERNAL", SQLITE_PERM: "SQLITE_PERM",
        SQLITE_ABORT: "SQLITE_ABORT", SQLITE_BUSY: "SQLITE_BUSY", SQLITE_LOCKED: "SQLITE_LOCKED",
        SQLITE_NOMEM: "SQLITE_NOMEM", SQLITE_READONLY: "SQLITE_READONLY", SQLITE_INTERRUPT: "SQLITE_INTERRUPT",
        SQLITE_IOERR: "SQLITE_IOERR", SQLITE_CORRUPT: "SQLITE_CORRUPT", SQLITE_NOTFOUND: "SQLITE_NOTFOUND",
        SQLITE_FULL: "SQLITE_FULL", SQLITE_CANTOPEN: "SQLITE_CANTOPEN", SQLITE_PROTOCOL: "SQLITE_PROTOCOL",
        SQLITE_SCHEMA: "SQLITE_SCHEMA", SQLITE_TOOBIG: "SQLITE_TOOBIG", SQLITE_CONSTRAINT: "SQLITE_CONSTRAINT",
        SQLITE_MISMATCH: "SQLITE_MISMATCH", SQLITE_MISUSE: "SQLITE_MISUSE", SQLITE_RANGE: "SQLITE_RANGE",
        SQLITE_NOTADB: "SQLITE_NOTADB",
        ExtendedCode.constraintunique: "SQLITE_CONSTRAINT_UNIQUE",
        ExtendedCode.constraintprimarykey: "SQLITE_CONSTRAINT_PRIMARYKEY",
        ExtendedCode.constraintforeignkey: "SQLITE_CONSTRAINT_FOREIGNKEY",
        ExtendedCode.constraintnotnull: "SQLITE_CONSTRAINT_NOTNULL",
        ExtendedCode.constraintcheck: "SQLITE_CONSTRAINT_CHECK",
        ExtendedCode.constraintdatatype: "SQLITE_CONSTRAINT_DATATYPE",
        ExtendedCode.ioerrfsync: "SQLITE_IOERR_FSYNC", ExtendedCode.ioerrwrite: "SQLITE_IOERR_WRITE",
        ExtendedCode.ioerrread: "SQLITE_IOERR_READ", ExtendedCode.busysnapshot: "SQLITE_BUSY_SNAPSHOT",
        ExtendedCode.readonlydbmoved: "SQLITE_READONLY_DBMOVED",
    ]
}

extension String {
    /// The text without leading or trailing spaces and newlines (for SQL in messages).
    var trimmingWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[first...last]
    }
}

/// Extended result codes (SQLite defines them as macros, which Swift does not import).
enum ExtendedCode {
    static let constraintcheck = SQLITE_CONSTRAINT | (1 << 8)
    static let constraintforeignkey = SQLITE_CONSTRAINT | (3 << 8)
    static let constraintnotnull = SQLITE_CONSTRAINT | (5 << 8)
    static let constraintprimarykey = SQLITE_CONSTRAINT | (6 << 8)
    static let constraintunique = SQLITE_CONSTRAINT | (8 << 8)
    static let constraintdatatype = SQLITE_CONSTRAINT | (12 << 8)
    static let ioerrread = SQLITE_IOERR | (1 << 8)
    static let ioerrwrite = SQLITE_IOERR | (3 << 8)
    static let ioerrfsync = SQLITE_IOERR | (4 << 8)
    static let busysnapshot = SQLITE_BUSY | (2 << 8)
    static let readonlydbmoved = SQLITE_READONLY | (4 << 8)
}

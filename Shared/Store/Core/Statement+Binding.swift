import CSQLite

extension Statement {
    /// Binds positional or named arguments; throws if their number or names do not match the SQL.
    func bind(_ arguments: StatementArguments) throws {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        if arguments.named.isEmpty {
            guard arguments.positional.count == expected else {
                throw StoreError(
                    .misuse, "`\(sql.trimmingWhitespace)` takes \(expected) arguments, got \(arguments.positional.count)")
            }
            for (offset, value) in arguments.positional.enumerated() {
                try bind(value, at: Int32(offset + 1))
            }
        } else {
            guard arguments.positional.isEmpty, arguments.named.count == expected else {
                throw StoreError(
                    .misuse, "`\(sql.trimmingWhitespace)` takes \(expected) named arguments, got \(arguments.named.count)")
            }
            for (name, value) in arguments.named {
                let index = sqlite3_bind_parameter_index(handle, ":" + name)
                guard index > 0 else {
                    throw StoreError(.misuse, "`\(sql.trimmingWhitespace)` has no parameter named :\(name)")
                }
                try bind(value, at: index)
            }
        }
    }

    private func bind(_ value: DatabaseValue, at index: Int32) throws {
        let handle = self.handle
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let integer):
            code = sqlite3_bind_int64(handle, index, integer)
        case .real(let real):
            code = sqlite3_bind_double(handle, index, real)
        case .text(var text):
            code = text.withUTF8 { utf8 in
                // An empty buffer may have no address, and a NULL pointer would bind NULL, not ''.
                guard let base = utf8.baseAddress, utf8.count > 0 else {
                    return sqlite3_bind_text(handle, index, "", 0, nil)
                }
                return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                    sqlite3_bind_text64(
                        handle, index, $0, sqlite3_uint64(utf8.count), beian_sqlite3_transient(), UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let bytes):
            if bytes.isEmpty {
                code = sqlite3_bind_zeroblob(handle, index, 0)  // a zero-length BLOB, not NULL
            } else {
                code = bytes.withUnsafeBytes {
                    sqlite3_bind_blob64(handle, index, $0.baseAddress, sqlite3_uint64($0.count), beian_sqlite3_transient())
                }
            }
        }
        guard code == SQLITE_OK else { throw DatabaseError(code: code, connection: connection, sql: sql) }
    }
}

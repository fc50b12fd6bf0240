import CSQLite

extension Database {
    /// At most this many statements are cached; past it the cache starts over (SQL is mostly literal).
    static let statementCacheCapacity = 256

    /// A statement for `sql` from this connection's cache (prepared on first use).
    ///
    /// If the cached statement is in use (a nested query with the same SQL), a fresh uncached one
    /// is returned instead.
    package func cachedStatement(_ sql: String) throws -> Statement {
        if let cached = statementCache[sql], !cached.isInUse { return cached }
        try checkOpen()
        let statement = try Statement(connection: handle, sql: sql, persistent: true)
        if statementCache[sql] == nil {
            if statementCache.count >= Database.statementCacheCapacity { statementCache.removeAll() }
            statementCache[sql] = statement
        }
        return statement
    }

    /// A new statement for `sql`, not cached (for SQL that is built at run time).
    package func makeStatement(_ sql: String) throws -> Statement {
        try checkOpen()
        return try Statement(connection: handle, sql: sql, persistent: false)
    }

    /// Runs one statement with `arguments` (cached by SQL text).
    package func execute(_ sql: String, _ arguments: StatementArguments = []) throws {
        try cachedStatement(sql).execute(arguments)
    }

    /// Runs several `;`-separated statements without arguments (schema scripts in migrations).
    package func executeScript(_ sql: String) throws {
        try checkOpen()
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code, sql: sql) }
    }

    /// All rows of a query.
    package func fetchAll(_ sql: String, _ arguments: StatementArguments = []) throws -> [Row] {
        try cachedStatement(sql).fetchAll(arguments)
    }

    /// The first row of a query, or nil if it returns none.
    package func fetchOne(_ sql: String, _ arguments: StatementArguments = []) throws -> Row? {
        try cachedStatement(sql).fetchOne(arguments)
    }

    /// The first column of the first row as `T`, or nil if there is no row or the value is NULL.
    package func fetchValue<T: DatabaseValueConvertible>(
        _ type: T.Type = T.self, _ sql: String, _ arguments: StatementArguments = []
    ) throws -> T? {
        guard let row = try fetchOne(sql, arguments), row.count > 0, !row[0].isNull else { return nil }
        return try row.decode(T.self, at: 0)
    }

    /// Calls `body` with each row of a query in turn, without collecting them (for long scans).
    package func forEachRow(
        _ sql: String, _ arguments: StatementArguments = [], _ body: (Row) throws -> Void
    ) throws {
        try cachedStatement(sql).forEachRow(arguments, body)
    }

    /// How many statements the cache holds (for tests).
    package var cachedStatementCount: Int { statementCache.count }
}

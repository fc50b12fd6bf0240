extension Database {
    /// Problems found by `PRAGMA quick_check` (empty when the file is sound).
    ///
    /// This is the check run at every open because it is cheap: it verifies page structure,
    /// freelist, record formats, and NOT NULL / CHECK constraints, in time linear in the file size,
    /// but skips the costly cross-check that every index entry matches its table row (which
    /// `integrityCheck()` does, in O(N log N) per index).
    package func quickCheck() throws -> [String] {
        try check("PRAGMA quick_check")
    }

    /// Problems found by the full `PRAGMA integrity_check` (empty when the file is sound),
    /// including index-versus-table consistency. Slower than `quickCheck()`; for backups, restores
    /// and scheduled checks.
    package func integrityCheck() throws -> [String] {
        try check("PRAGMA integrity_check")
    }

    /// Rows violating foreign keys, as "table rowid N references parent" lines (empty when none).
    package func foreignKeyViolations() throws -> [String] {
        try makeStatement("PRAGMA foreign_key_check").fetchAll().map { row in
            let table = (try? row.decode(String.self, at: 0)) ?? "?"
            let rowid = (try? row.decode(Int64.self, at: 1)).map(String.init) ?? "?"
            let parent = (try? row.decode(String.self, at: 2)) ?? "?"
            return "\(table) rowid \(rowid) references missing \(parent) row"
        }
    }

    private func check(_ pragma: String) throws -> [String] {
        let lines = try makeStatement(pragma).fetchAll().compactMap { try? $0.decode(String.self, at: 0) }
        return lines == ["ok"] ? [] : lines
    }
}

import BeianStore

extension IntakeSchema {
    /// `intake_meta`: facts about the database itself, one row per key. `office_code` is the office
    /// whose filings it holds, set when the database is created (or, for a database made before
    /// this table, at its first start: from its filings, else the configured office); intake
    /// refuses to start on a database of another office (`IntakeOffice.claim`).
    static let createMeta = Migration("intake.v5.meta", sql: """
        CREATE TABLE intake_meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT
        """)
}

/// The office a database belongs to (`intake_meta.office_code`).
package enum IntakeOffice {
    /// The key of the office code in `intake_meta`.
    static let key = "office_code"

    /// Where the office of a database came from.
    package enum Claim: Sendable, Hashable {
        /// The configured office was recorded before.
        case recorded
        /// It was not recorded (a new database, or one made before `intake_meta`) and is now.
        case recordedNow
        /// The database belongs to `owner`, not to the configured office.
        case otherOffice(owner: String)
    }

    /// The office recorded in the database, if any.
    package static func recorded(in db: Database) throws -> String? {
        try db.fetchValue(String.self, "SELECT value FROM intake_meta WHERE key = ?", [key])
    }

    /// Checks that the database belongs to `office`, recording `office` when nothing is recorded and
    /// no filing names another office (run inside a write transaction).
    package static func claim(_ office: String, in db: Database) throws -> Claim {
        if let owner = try recorded(in: db) {
            return owner == office ? .recorded : .otherOffice(owner: owner)
        }
        // A database from before `intake_meta`: its filings tell whose it is.
        if let owner = try db.fetchValue(String.self, "SELECT office_code FROM filing WHERE office_code <> ? LIMIT 1",
                                         [office]) {
            try db.execute("INSERT INTO intake_meta (key, value) VALUES (?, ?)", [key, owner])
            return .otherOffice(owner: owner)
        }
        try db.execute("INSERT INTO intake_meta (key, value) VALUES (?, ?)", [key, office])
        return .recordedNow
    }
}

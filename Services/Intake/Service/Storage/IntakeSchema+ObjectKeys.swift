import BeianStore

extension IntakeSchema {
    /// `filing_object_key`: the account or website each live filing holds (`ObjectKey`), so that
    /// the office files each at most once at a time. Filled for new writes by `FilingRepository`;
    /// a database from before this table gets the keys of its filings at the next start
    /// (`ObjectKeyBackfill`).
    static let createObjectKeys = Migration("intake.v6.object_keys", sql: """
        CREATE TABLE filing_object_key (
            key TEXT PRIMARY KEY,
            seq INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX filing_object_key_seq ON filing_object_key (seq)
        """)
}

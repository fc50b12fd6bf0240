import BeianStore

extension IntakeSchema {
    /// Compact filing rows, list indexes and the short-search index (`intake.v3.compact`):
    /// - `filing` keeps only plain columns (about 250 bytes a row instead of 3–5 KB), so that lists
    ///   and filters read few pages; the sealed state moves to `filing_state` (one row per filing,
    ///   read only when a filing is loaded). Rows copied from v1 keep their two boxes (`format` 1);
    ///   rows written since hold one box without the filed content, which the versions already
    ///   keep (`format` 2, see `StoredState`), and refers to the deadline rules, filing windows and
    ///   routings that many filings share (`filing_shared_value`, see `SharedValue`).
    /// - indexes for the list filters (see `FilingListPlan`): status and local office (with
    ///   status), verification, timeliness, review needed, due date, and one covering index for
    ///   date ranges with any other filter.
    /// - `filing_gram`: FTS5 index of the 1- and 2-character grams of the names (`SearchText`), so
    ///   that searches of 1–2 characters are answered from an index; existing rows are indexed
    ///   here, and names with traditional characters get their folded form in `filing_search`.
    static let compactFilings = Migration("intake.v3.compact") { db in
        try db.executeScript("""
            CREATE TABLE filing_state (
                seq INTEGER PRIMARY KEY REFERENCES filing (seq),
                format INTEGER NOT NULL,
                state_box BLOB NOT NULL,
                decisions_box BLOB
            ) STRICT;
            INSERT INTO filing_state (seq, format, state_box, decisions_box)
                SELECT seq, 1, state_box, decisions_box FROM filing;
            CREATE TABLE filing_compact (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                office_code TEXT NOT NULL,
                local_office TEXT,
                status TEXT NOT NULL,
                object_kind TEXT NOT NULL,
                platform TEXT,
                operator_kind TEXT NOT NULL,
                government INTEGER NOT NULL,
                account_name TEXT NOT NULL,
                operator_name TEXT NOT NULL,
                credit_code TEXT,
                id_number_masked TEXT NOT NULL,
                mobile_masked TEXT NOT NULL,
                id_number_lookup BLOB NOT NULL,
                filing_number TEXT UNIQUE,
                scope_outcome TEXT NOT NULL,
                review_needed INTEGER NOT NULL,
                verification TEXT NOT NULL,
                timeliness TEXT,
                due_date TEXT,
                submitted_on TEXT NOT NULL,
                submitted_at_ms INTEGER NOT NULL,
                updated_at_ms INTEGER NOT NULL,
                version INTEGER NOT NULL,
                access_hash BLOB NOT NULL
            ) STRICT;
            INSERT INTO filing_compact
                SELECT seq, id, office_code, local_office, status, object_kind, platform, operator_kind, government,
                    account_name, operator_name, credit_code, id_number_masked, mobile_masked, id_number_lookup,
                    filing_number, scope_outcome, review_needed, verification, timeliness, due_date, submitted_on,
                    submitted_at_ms, updated_at_ms, version, access_hash
                FROM filing;
            DROP TABLE filing;
            ALTER TABLE filing_compact RENAME TO filing;
            CREATE INDEX filing_status ON filing (status, seq);
            CREATE INDEX filing_local_office ON filing (local_office, seq);
            CREATE INDEX filing_local_status ON filing (local_office, status, seq);
            CREATE INDEX filing_verification ON filing (verification, seq);
            CREATE INDEX filing_timeliness ON filing (timeliness, seq) WHERE timeliness IS NOT NULL;
            CREATE INDEX filing_review ON filing (seq) WHERE review_needed = 1;
            CREATE INDEX filing_due ON filing (due_date, seq) WHERE due_date IS NOT NULL;
            CREATE INDEX filing_dated ON filing (submitted_on, local_office, status, government, object_kind, platform,
                operator_kind, verification, timeliness, review_needed);
            CREATE INDEX filing_id_lookup ON filing (id_number_lookup);
            CREATE INDEX filing_credit_code ON filing (credit_code) WHERE credit_code IS NOT NULL;
            CREATE TABLE filing_shared_value (
                ref TEXT PRIMARY KEY,
                json TEXT NOT NULL
            ) STRICT, WITHOUT ROWID;
            CREATE VIRTUAL TABLE filing_gram USING fts5 (grams, tokenize = 'ascii', detail = 'none');
            """)
        try db.forEachRow("SELECT seq, account_name, operator_name FROM filing") { row in
            let sequence = try row.decode(Int64.self, at: 0)
            let account = try row.decode(String.self, at: 1)
            let person = try row.decode(String.self, at: 2)
            try db.execute("INSERT INTO filing_gram (rowid, grams) VALUES (?, ?)",
                           [sequence, SearchText.grams(account, person)])
            let indexed = (SearchText.trigramText(account), SearchText.trigramText(person))
            if indexed != (account, person) {
                try db.execute("DELETE FROM filing_search WHERE rowid = ?", [sequence])
                try db.execute("INSERT INTO filing_search (rowid, account_name, operator_name) VALUES (?, ?, ?)",
                               [sequence, indexed.0, indexed.1])
            }
        }
        try db.executeScript("INSERT INTO filing_gram (filing_gram) VALUES ('optimize')")
    }
}

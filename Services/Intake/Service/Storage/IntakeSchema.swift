import BeianStore

/// Intake's database schema (`intake.sqlite`), as ordered migrations.
///
/// Tables:
/// - `filing`: one row per filing; plain columns for filters and lists (no personal numbers:
///   only masked forms and a keyed look-up hash), the sealed state (`state_box`: the filing
///   without versions, encrypted with `FieldCipher`), intake's decisions (scope, deadline,
///   verification, corrections; `decisions_box`, sealed too), and the keyed hash of the
///   operator's access code.
/// - `filing_version`: every version's content, sealed.
/// - `filing_event`: the history of each filing (every change, masked details).
/// - `filing_number_sequence`: the last filing number issued per office, year and local office.
/// - `filing_search`: FTS5 trigram index over account and operator names (rowid = `filing.seq`).
/// - `beian_audit_log`, `beian_idempotency`: shared tables of BeianStore.
/// - `material_blob`, `material_blob_chunk`, `filing_material`: uploaded materials
///   (`IntakeSchema+Materials.swift`).
/// - `filing_transfer_out`, `filing_transfer_in`: transfers between offices
///   (`IntakeSchema+Transfers.swift`).
///
/// Extension: append new migrations at the end of `migrations` (never edit a released one),
/// e.g. `intake.v2.materials` or `intake.v2.transfers` in their own files.
package enum IntakeSchema {
    /// Every migration, in order.
    package static let migrations: [Migration] = [
        AuditLog.migration,
        IdempotencyRecords.migration,
        createFilings,
        createSearch,
        IntakeSchema.createMaterials,
        IntakeSchema.createTransfers,
    ]

    /// Filings, versions, history and filing-number sequences.
    static let createFilings = Migration("intake.v1.filings", sql: """
        CREATE TABLE filing (
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
            access_hash BLOB NOT NULL,
            state_box BLOB NOT NULL,
            decisions_box BLOB NOT NULL
        ) STRICT;
        CREATE INDEX filing_status ON filing (status, seq);
        CREATE INDEX filing_local_office ON filing (local_office, seq);
        CREATE INDEX filing_submitted_on ON filing (submitted_on);
        CREATE INDEX filing_id_lookup ON filing (id_number_lookup);
        CREATE INDEX filing_credit_code ON filing (credit_code) WHERE credit_code IS NOT NULL;
        CREATE INDEX filing_pending ON filing (seq) WHERE verification = 'pending';
        CREATE TABLE filing_version (
            filing_seq INTEGER NOT NULL REFERENCES filing (seq),
            number INTEGER NOT NULL,
            at_ms INTEGER NOT NULL,
            actor TEXT NOT NULL,
            event TEXT NOT NULL,
            status TEXT NOT NULL,
            content_box BLOB NOT NULL,
            PRIMARY KEY (filing_seq, number)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE filing_event (
            filing_seq INTEGER NOT NULL REFERENCES filing (seq),
            at_ms INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            version INTEGER,
            details TEXT NOT NULL
        ) STRICT;
        CREATE INDEX filing_event_filing ON filing_event (filing_seq, at_ms);
        CREATE TABLE filing_number_sequence (
            office_code TEXT NOT NULL,
            year INTEGER NOT NULL,
            local_code TEXT NOT NULL,
            last_value INTEGER NOT NULL,
            PRIMARY KEY (office_code, year, local_code)
        ) STRICT, WITHOUT ROWID
        """)

    /// Trigram full-text index over names (Chinese substring search, 3 characters and more).
    /// Kept by the repository (`FilingRepository.index`), not by triggers: the store runs with
    /// `trusted_schema` off, under which triggers may not write virtual tables.
    static let createSearch = Migration("intake.v1.search", sql: """
        CREATE VIRTUAL TABLE filing_search USING fts5 (account_name, operator_name, tokenize = 'trigram')
        """)
}

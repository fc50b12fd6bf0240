import BeianStore

/// Intake's database schema (`intake.sqlite`), as ordered migrations.
///
/// Tables (as of `intake.v3.compact`):
/// - `filing`: one row per filing, plain columns only, for filters and lists (no personal
///   numbers: only masked forms and a keyed look-up hash), and the keyed hash of the operator's
///   access code.
/// - `filing_state`: the sealed rest of each filing (`FieldCipher`): its state without content
///   and versions, and intake's decisions (scope, deadline, verification, corrections); see
///   `StoredState` (format 2) and `IntakeSchema+Compact.swift` (format 1, rows from v1).
/// - `filing_shared_value`: deadline rules, filing windows and routings that format 2 states
///   refer to instead of repeating them (`SharedValue`).
/// - `filing_version`: every version's content, sealed; an empty box is a version whose content
///   is the previous version's (a review or a closure changes no content).
/// - `filing_event`: the history of each filing (every change, masked details).
/// - `filing_number_sequence`: the last filing number issued per office, year and local office.
/// - `filing_search`: FTS5 trigram index over account and operator names (rowid = `filing.seq`).
/// - `filing_gram`: FTS5 index of 1- and 2-character grams of the names (`SearchText`).
/// - `beian_audit_log`, `beian_idempotency`: shared tables of BeianStore.
/// - `material_blob`, `material_blob_chunk`, `filing_material`: uploaded materials
///   (`IntakeSchema+Materials.swift`).
/// - `filing_transfer_out`, `filing_transfer_in`: transfers between offices
///   (`IntakeSchema+Transfers.swift`).
/// - `filing_government_dated`: government filings by date (`IntakeSchema+GovernmentIndex.swift`).
/// - `intake_meta`: the office the database belongs to (`IntakeSchema+Meta.swift`).
/// - `filing_object_key`: the account or website each live filing holds (`IntakeSchema+ObjectKeys.swift`).
///
/// Extension: append new migrations at the end of `migrations` (never edit a released one),
/// e.g. `intake.v2.materials`, `intake.v2.transfers` or `intake.v3.compact` in their own files.
package enum IntakeSchema {
    /// Every migration, in order.
    package static let migrations: [Migration] = [
        AuditLog.migration,
        IdempotencyRecords.migration,
        createFilings,
        createSearch,
        IntakeSchema.createMaterials,
        IntakeSchema.createTransfers,
        IntakeSchema.compactFilings,
        IntakeSchema.governmentDatedIndex,
        IntakeSchema.createMeta,
        IntakeSchema.createObjectKeys,
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

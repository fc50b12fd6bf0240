import BeianStore

extension IntakeSchema {
    /// Transfers of filings between offices (移交, territorial rule):
    /// - `filing_transfer_out`: a filing of this office handed to another office's intake, with the
    ///   filing id it got there and its access code (sealed; shown to the operator of the old filing);
    /// - `filing_transfer_in`: a filing received from another office, keyed by the source filing id
    ///   (the idempotency key of the transfer: a retry finds the filing already created).
    static let createTransfers = Migration("intake.v2.transfers", sql: """
        CREATE TABLE filing_transfer_out (
            filing_seq INTEGER PRIMARY KEY REFERENCES filing (seq),
            target_office TEXT NOT NULL,
            target_filing_id TEXT NOT NULL,
            access_code_box BLOB NOT NULL,
            reason TEXT NOT NULL,
            at_ms INTEGER NOT NULL,
            actor TEXT NOT NULL
        ) STRICT;
        CREATE TABLE filing_transfer_in (
            source_filing_id TEXT PRIMARY KEY,
            source_office TEXT NOT NULL,
            filing_seq INTEGER NOT NULL UNIQUE REFERENCES filing (seq),
            access_code_box BLOB NOT NULL,
            at_ms INTEGER NOT NULL
        ) STRICT
        """)
}

import BeianStore

extension IntakeSchema {
    /// `filing_government_dated`: government media's filings (政务新媒体) by submission date, with
    /// every other filter column (`government` too, constant here, so that the index covers the
/// query), like `filing_dated` but partial (`government = 1`). Lists of
    /// government accounts over a period, a common staff query, read only those entries instead
    /// of every filing of the period (a month of a busy office: ~45,000 entries, ~10 ms).
    static let governmentDatedIndex = Migration("intake.v4.government_dated", sql: """
        CREATE INDEX filing_government_dated ON filing (submitted_on, government, local_office, status, object_kind,
            platform, operator_kind, verification, timeliness, review_needed) WHERE government = 1;
        """)
}

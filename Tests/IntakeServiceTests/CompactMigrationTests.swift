import BeianJSON
import BeianModel
import BeianStore
import Foundation
import IntakeService
import Testing
import TestSupport

@Suite("Databases written before intake.v3.compact")
struct CompactMigrationTests {
    /// What `decisions_box` held in v1.
    struct LegacyDecisions: Codable {
        var scope: ScopeDecision
        var deadline: DeadlineAssessment?
        var verification: Verification
        var reviewNeeded: Bool
        var corrections: [FieldViolation]
    }

    /// Inserts `record` as intake.v1 did: boxes in the filing row, every version with its content.
    static func insertLegacy(_ record: IntakeFiling, cipher: FieldCipher, in db: Database) throws {
        let filing = record.filing
        var state = filing
        state.versions = []
        func seal<T: Encodable>(_ value: T, _ purpose: String) throws -> [UInt8] {
            try cipher.seal(String(decoding: try JSONCoding.encode(value), as: UTF8.self), purpose: purpose)
        }
        let decisions = LegacyDecisions(scope: record.scope, deadline: record.deadline, verification: record.verification,
                                        reviewNeeded: record.reviewNeeded, corrections: record.corrections)
        try db.execute("""
            INSERT INTO filing (id, office_code, local_office, status, object_kind, platform, operator_kind, government,
                account_name, operator_name, credit_code, id_number_masked, mobile_masked, id_number_lookup,
                filing_number, scope_outcome, review_needed, verification, timeliness, due_date, submitted_on,
                submitted_at_ms, updated_at_ms, version, state_box, decisions_box, access_hash)
            VALUES (?, ?, ?, ?, 'account', 'douyin', ?, ?, ?, ?, NULL, '***', '***', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                ?, ?, ?)
            """, [filing.id, filing.officeCode, filing.localOfficeCode, filing.status.rawValue,
                  filing.operator.kind.rawValue, filing.operator.isGovernment, filing.object.name, filing.operator.name,
                  [UInt8](repeating: 1, count: 32), filing.filingNumber, record.scope.outcome.rawValue,
                  record.reviewNeeded, record.verification.state.rawValue, record.deadline?.timeliness.rawValue,
                  record.deadline?.dueDate?.iso, record.submittedOn.iso, record.submittedAt.millisecondsSinceEpoch,
                  record.updatedAt.millisecondsSinceEpoch, filing.version, try seal(state, "filing.state_box"),
                  try seal(decisions, "filing.decisions_box"), [UInt8](repeating: 2, count: 32)])
        let sequence = db.lastInsertedRowID
        for version in filing.versions {
            try db.execute("""
                INSERT INTO filing_version (filing_seq, number, at_ms, actor, event, status, content_box)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [sequence, version.number, version.at.millisecondsSinceEpoch, version.by, version.event,
                      version.status.rawValue, try seal(version.content, "filing_version.content_box")])
        }
        try db.execute("INSERT INTO filing_search (rowid, account_name, operator_name) VALUES (?, ?, ?)",
                       [sequence, filing.object.name, filing.operator.name])
    }

    @Test("v1 rows are moved, read back unchanged, found by 1-, 2- and 3-character searches in either script, and updated")
    func legacyRows() async throws {
        let directory = try TemporaryDirectory(prefix: "intake-migrate")
        defer { directory.remove() }
        let path = directory.file("intake.sqlite")
        let keyPath = directory.file("field.key")
        try FieldCipher.createKeyFile(at: keyPath)
        let cipher = try FieldCipher(keyFile: keyPath, normalizeForLookup: TextNormalization.code)

        // The records, made by a current intake (any office's profile would do).
        let records = try await IntakeHarness.with(office: VariedFilings.office, today: VariedFilings.today) { intake in
            try await VariedFilings.write(30, to: intake).map(\.record)
        }
        let legacy = try await Store.open(
            path: path, migrations: Array(IntakeSchema.migrations.prefix { $0.name != "intake.v3.compact" }))
        try await legacy.write { db in
            for record in records { try Self.insertLegacy(record, cipher: cipher, in: db) }
        }
        await legacy.close()

        let store = try await Store.open(path: path, migrations: IntakeSchema.migrations)
        #expect(store.appliedMigrations == ["intake.v3.compact", "intake.v4.government_dated", "intake.v5.meta",
                                            "intake.v6.object_keys"])
        let repository = FilingRepository(store: store, cipher: cipher)
        for record in records {
            let loaded = try await store.read { db in try repository.load(id: record.filing.id, in: db) }
            #expect(loaded?.record == record)
        }
        let states = try await store.read { db in try repository.currentStates(ids: records.map(\.filing.id), in: db) }
        #expect(states.map(\.record.filing.id) == records.map(\.filing.id))
        #expect(states.map(\.record.scope) == records.map(\.scope))

        func search(_ text: String) async throws -> Set<String> {
            var query = FilingQuery(pageSize: 500)
            query.text = text
            let wanted = query
            return Set(try await store.read { db in try repository.list(wanted, scope: .office, in: db) }.rows
                .map(\.accountName))
        }
        let expected = Set(records.map(\.filing.object.name).filter { $0.hasPrefix("長安") })
        #expect(!expected.isEmpty)
        for text in ["长", "長安", "长安", "長安发"] {
            #expect(try await search(text) == Set(expected.filter { SearchText.gramForm($0).contains(SearchText.gramForm(text)) }),
                    "\(text)")
        }

        // An update writes format 2 and keeps everything.
        let first = try #require(records.first { $0.filing.status == .submitted })
        let updated = try await store.write { db -> IntakeFiling in
            var stored = try #require(try repository.load(id: first.filing.id, in: db))
            stored.record.filing = try stored.record.filing.applying(.accept(filingNumber: "陕商洛网信备2021999999号"),
                                                                     by: "clerk", at: first.updatedAt)
            try repository.update(stored, in: db)
            return stored.record
        }
        let reloaded = try await store.read { db in try repository.load(id: first.filing.id, in: db) }
        #expect(reloaded?.record == updated)
        let format = try await store.read { db in
            try db.fetchValue(Int.self, "SELECT s.format FROM filing_state s JOIN filing f ON f.seq = s.seq WHERE f.id = ?",
                              [first.filing.id])
        }
        #expect(format == 2)
        #expect(try await store.read { db in try db.integrityCheck() } == [])
        await store.close()
    }
}

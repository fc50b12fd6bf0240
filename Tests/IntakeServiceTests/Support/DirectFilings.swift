import BeianModel
import IntakeService

extension IntakeHarness {
    /// Files `submissions` straight through the repository, as `SubmitFiling` would with identity
    /// verified, in one transaction (for tests that need many filings fast). Returns their ids.
    func insert(_ submissions: [FilingSubmission]) async throws -> [String] {
        let service = runtime.service
        let today = clock.today()
        let now = clock.now()
        var records: [IntakeFiling] = []
        for submission in submissions {
            let assessment = try SubmissionAssessor.assess(submission, profile: service.profile,
                                                           calendar: service.calendar, today: today)
            let filing = try NewFiling.make(id: FilingIdentifier.generate(officeCode: office), officeCode: office,
                                            localOfficeCode: assessment.localOffice, content: assessment.content,
                                            by: "test", at: now)
            records.append(IntakeFiling(
                filing: filing, scope: assessment.scope, deadline: assessment.deadline,
                verification: Verification(state: .verified, checkedAt: now),
                reviewNeeded: assessment.scope.outcome == .needsStaffReview, submittedAt: now, submittedOn: today,
                updatedAt: now))
        }
        let batch = records
        try await runtime.store.write { db in
            for record in batch {
                _ = try service.repository.insert(record, accessHash: [UInt8](repeating: 7, count: 32), in: db)
            }
        }
        return records.map(\.filing.id)
    }
}

/// Reads CSV text (RFC 4180: quoted fields, doubled quotes, CRLF records) into records of fields.
enum CSVReader {
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",":
                record.append(field)
                field = ""
            case "\r":
                if characters.first == "\n" { characters.removeFirst() }
                record.append(field)
                records.append(record)
                record = []
                field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty { records.append(record + [field]) }
        return records
    }
}

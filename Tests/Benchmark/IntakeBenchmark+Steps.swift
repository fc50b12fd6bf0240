import BeianJSON
import BeianModel
import BeianReferenceData
import BeianRuntime
import BeianStore
import Foundation
import IntakeService
import TestSupport

extension IntakeBenchmark {
    /// `beian-bench intake steps`: the CPU cost of each step of a submission inside intake, with
    /// no network: the steps `SubmitFiling` runs on its loop thread (decode, assess, make, receipt,
    /// prepare, encode the answer), then the write on the store's writer (64 concurrent writes
    /// group-committed into a real SQLite file). Single-threaded steps are timed on the thread's
    /// own CPU clock, best of `rounds`; the write by the process's CPU time.
    static func steps(count: Int, rounds: Int) async throws -> [String] {
        let data = try ReferenceData.load()
        guard let profile = data.profile(officeCode: office) else { throw BenchmarkUsage("no profile \(office)") }
        let root = try TemporaryDirectory(prefix: "bench-steps")
        defer { root.remove() }
        try FieldCipher.createKeyFile(at: root.file("field.key"))
        let cipher = try FieldCipher(keyFile: root.file("field.key"), normalizeForLookup: TextNormalization.code)
        let store = try await Store.open(path: root.file("intake.sqlite"), migrations: IntakeSchema.migrations)
        let repository = FilingRepository(store: store, cipher: cipher)
        let today = try CivilDate(iso: Self.today)
        let forms = try (0..<count).map { try JSONCoding.encode(form($0)) }

        var best: [String: Double] = [:]
        var order: [String] = []
        func time<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            let before = threadCPUNanoseconds()
            let result = try body()
            let spent = Double(threadCPUNanoseconds() - before)
            if best[name] == nil { order.append(name) }
            best[name] = min(best[name] ?? .infinity, spent)
            return result
        }
        var writes: [@Sendable (Database) throws -> Void] = []
        var sizes = ""
        func mean(_ values: [Int]) -> Double { Double(values.reduce(0, +)) / Double(max(1, values.count)) }
        for round in 0..<rounds {
            let submissions = try time("decode the request (JSON → FilingSubmission)") {
                try forms.map { try JSONCoding.decode(FilingSubmission.self, from: $0) }
            }
            let assessments = try time("assess (validate, scope, deadline, materials)") {
                try submissions.map {
                    try SubmissionAssessor.assess($0, profile: profile, calendar: data.calendar, today: today)
                }
            }
            let now = Timestamp(millisecondsSinceEpoch: 1_621_500_000_000)
            let records = try time("make the filing and its record") {
                try assessments.map { assessment in
                    let filing = try NewFiling.make(
                        id: FilingIdentifier.generate(officeCode: office), officeCode: office,
                        localOfficeCode: assessment.localOffice, content: assessment.content, by: "operator", at: now)
                    return IntakeFiling(
                        filing: filing, scope: assessment.scope, deadline: assessment.deadline,
                        verification: Verification(state: .verified, checkedAt: now),
                        reviewNeeded: assessment.scope.outcome == .needsStaffReview, submittedAt: now,
                        submittedOn: now.chinaCivilDate, updatedAt: now)
                }
            }
            let codes = time("access code and its keyed hash") {
                records.map { _ in
                    let code = AccessCode.generate()
                    return (code, cipher.lookupHash(code, purpose: AccessCode.purpose))
                }
            }
            let receipts = time("receipt") {
                zip(records, zip(codes, assessments)).map { record, extra in
                    IntakeService.receipt(record, accessCode: extra.0.0, missing: extra.1.materials.missing)
                }
            }
            let prepared = try time("prepare the row (columns, sealed state and content, search texts)") {
                try records.map { try repository.prepare($0) }
            }
            let entries = try time("history and audit entries") {
                try records.map {
                    try PreparedRecord("submit", actor: "operator", filing: $0, version: 1,
                                       details: ["scope": $0.scope.outcome.rawValue, "verification": "verified",
                                                 "object_kind": $0.filing.object.kind.rawValue], at: now)
                }
            }
            let encoded = try time("encode the receipt (JSON)") {
                try receipts.map { try JSONCoding.encode($0) }
            }
            _ = try time("(client) decode the receipt (JSON → SubmissionReceipt)") {
                try encoded.map { try JSONCoding.decode(SubmissionReceipt.self, from: $0) }
            }
            if round == 0 {
                sizes = String(format: "sizes (bytes, mean): receipt %.0f, sealed state %.0f, sealed content %.0f, request %.0f",
                               mean(encoded.map(\.count)), mean(prepared.map(\.stateBox.count)),
                               mean(prepared.map { $0.versions.first?.contentBox.count ?? 0 }), mean(forms.map(\.count)))
            }
            if round == rounds - 1 {
                writes = zip(zip(prepared, codes), entries).map { item, entry in
                    let (row, code) = item
                    return { db in
                        let stored = try repository.insert(row, accessHash: code.1, in: db)
                        try entry.write(filing: stored.sequence, repository: repository, in: db)
                    }
                }
            }
        }
        // The writes: 64 writers at a time, as at 64 clients (group commit batches them).
        let before = processCPUSeconds()
        let started = Monotonic.nanoseconds()
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            for _ in 0..<64 {
                let mine = stride(from: next, to: writes.count, by: 64).map { writes[$0] }
                next += 1
                group.addTask { for write in mine { try await store.write(write) } }
            }
            try await group.waitForAll()
        }
        let writeCPU = processCPUSeconds() - before
        let elapsed = Double(Monotonic.nanoseconds() - started) / 1e9
        let statistics = store.statistics
        await store.close()

        var lines = [
            "Intake's CPU per submission, step by step (\(count) Shangluo filings, best of \(rounds) rounds, "
                + "no network; µs per submission)",
            "| step | µs |",
            "|---|---|",
        ]
        var total = 0.0
        for name in order {
            let perSubmission = best[name]! / Double(count) / 1e3
            if !name.hasPrefix("(client)") { total += perSubmission }
            lines.append("| \(name) | \(String(format: "%.1f", perSubmission)) |")
        }
        lines.append("| all of the above but the client's (the handler's share) | \(String(format: "%.1f", total)) |")
        lines.append("| write: insert, history, audit (64 writers, group commit; process CPU) | "
                     + String(format: "%.1f", writeCPU / Double(count) * 1e6) + " |")
        lines.append(String(format: "writes: %d in %.2f s (%.0f/s), %d commits, %.1f writes per commit",
                            count, elapsed, Double(count) / elapsed, statistics.transactionsCommitted,
                            Double(statistics.writesCommitted) / Double(max(1, statistics.transactionsCommitted))))
        lines.append(sizes)
        return lines
    }

    /// CPU time of the calling thread, in nanoseconds.
    static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

import BeianModel
import BeianRPC
import Foundation
import IntakeService
import Synchronization
import Testing
import TestSupport

/// Intake's processes under failure: the identity service gone, retries, a crash mid-burst.
@Suite("Intake processes: outages, retries and crashes")
struct IntakeResilienceTests {
    @Test("identity stopped during submissions: every filing is acknowledged as pending, none is lost, and all are verified once identity is back")
    func identityOutage() async throws {
        try await withIntakeOffice("611000", today: "2021-05-20") { office in
            let client = try office.operatorClient()
            let before = try await client.submit(Forms.individual("商洛早报", region: "611002", sequence: 1))
            #expect(before.verification == .verified)

            await office.stopIdentity()
            var pending: [SubmissionReceipt] = []
            for sequence in 2...6 {
                pending.append(try await client.submit(Forms.individual("商洛夜话\(sequence)", region: "611002",
                                                                        sequence: sequence)))
            }
            #expect(pending.allSatisfy { $0.verification == .pending })
            let staff = try office.staffClient()
            #expect(try await staff.allFilings(ListFilingsRequest(FilingFilters(verification: "pending"))).count == 5)

            try await office.startIdentity()
            let verified = try await eventually(seconds: 30) {
                var all = true
                for receipt in pending {
                    let view: FilingView = try await client.asOperator(receipt, "GetFiling",
                                                                       GetFilingRequest(filingId: receipt.filingId))
                    all = all && view.verification.state == .verified
                }
                return all
            }
            #expect(verified, "the pending-verification job verified every filing after identity came back")
            let rows = try await staff.allFilings()
            #expect(Set(rows.map(\.filingId)) == Set(([before] + pending).map(\.filingId)))
            #expect(rows.allSatisfy { $0.verification == .verified })
        }
    }

    @Test("a retry with the same idempotency key returns the first receipt, also after a restart; the same key with another form is refused")
    func idempotentRetries() async throws {
        try await withIntakeOffice("440783", today: "2024-01-25") { office in
            let form = Forms.individual("开平碉楼故事", region: "440783", sequence: 31, followers: 8000)
            let first = try await office.operatorClient().submit(form, key: "retry-31")
            let second = try await office.operatorClient().submit(form, key: "retry-31")
            #expect(second == first)

            try await office.restartIntake()
            let afterRestart = try await office.operatorClient().submit(form, key: "retry-31")
            #expect(afterRestart == first)
            var other = form
            other.object?.name = "开平碉楼新故事"
            let conflict = try #require(await capturedRPCError {
                try await office.operatorClient().submit(other, key: "retry-31")
            })
            #expect(conflict.code == .failedPrecondition)
            #expect(try await office.staffClient().allFilings().map(\.filingId) == [first.filingId])
        }
    }

    @Test("intake killed with SIGKILL during a burst of 200 submissions from 16 clients: every receipt acknowledged is there after restart, and retries with the same keys file each form exactly once")
    func crashDuringBurst() async throws {
        try await withIntakeOffice("611000", today: "2021-05-20") { office in
            let total = 200, clients = 16
            let forms = (0..<total).map { index in
                Forms.individual("商洛快讯\(index)", region: "611002", sequence: 300 + index)
            }
            let burst = Burst()
            let port = office.intake.port
            let killer = Task {
                while burst.acknowledged.withLock({ $0.count }) < 60 { try await Task.sleep(for: .milliseconds(5)) }
                burst.crashed.withLock { $0 = true }
                await office.intake.kill9()
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<clients {
                    let client = try office.operatorClient()
                    group.addTask {
                        while !burst.crashed.withLock({ $0 }) {
                            let index = burst.next.withLock { value -> Int in
                                defer { value += 1 }
                                return value
                            }
                            guard index < total else { return }
                            do {
                                let receipt = try await client.submit(forms[index], key: "burst-\(index)")
                                burst.acknowledged.withLock { $0[index] = receipt }
                            } catch {
                                return  // the crash: this call was not acknowledged
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            try await killer.value
            let before = burst.acknowledged.withLock { $0 }
            #expect(before.count >= 60 && before.count < total, "the crash came mid-burst (\(before.count) acknowledged)")
            #expect(office.intake.port == port)

            try await office.restartIntake()
            let staff = try office.staffClient()
            let stored = Set(try await staff.allFilings().map(\.filingId))
            let lost = before.values.filter { !stored.contains($0.filingId) }
            #expect(lost.isEmpty, "acknowledged but lost: \(lost.map(\.filingId))")
            let sample = try #require(before.values.first)
            let view: FilingView = try await office.operatorClient().asOperator(
                sample, "GetFiling", GetFilingRequest(filingId: sample.filingId))
            #expect(view.filing.id == sample.filingId, "the access code still works after the crash")

            // Clients retry every form with its key: acknowledged ones get their first receipt back.
            let client = try office.operatorClient()
            try await withThrowingTaskGroup(of: (Int, SubmissionReceipt).self) { group in
                for index in 0..<total {
                    group.addTask { (index, try await client.submit(forms[index], key: "burst-\(index)")) }
                    if index >= clients { if let (done, receipt) = try await group.next() { check(done, receipt) } }
                }
                for try await (done, receipt) in group { check(done, receipt) }
            }
            func check(_ index: Int, _ receipt: SubmissionReceipt) {
                if let first = before[index] { #expect(receipt == first) }
            }
            #expect(try await staff.allFilings().count == total)
        }
    }

    /// What the burst's clients share.
    private final class Burst: Sendable {
        let acknowledged = Mutex<[Int: SubmissionReceipt]>([:])
        let crashed = Mutex(false)
        let next = Mutex(0)
    }
}

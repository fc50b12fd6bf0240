import BeianModel
import BeianRPC
import IntakeService
import Testing
import TestSupport

/// Who may read what, through the real processes.
@Suite("Intake processes: access between offices and operators")
struct IntakeAccessTests {
    @Test("a clerk of another office can neither read nor list this office's filings; a county clerk does not see another county's")
    func staffOfOtherOffices() async throws {
        try await withIntakeOffice("611000", today: "2021-05-20") { office in
            let receipt = try await office.operatorClient().submit(Forms.individual("商州生活", region: "611002"))
            #expect(receipt.localOfficeCode == "611002")
            let kaiping = try office.staffClient(name: "开平科员", organization: "440783")
            let read = try #require(await capturedRPCError { try await kaiping.filing(receipt.filingId) })
            #expect(read.code == .permissionDenied)
            let list = try #require(await capturedRPCError { try await kaiping.allFilings() })
            #expect(list.code == .permissionDenied)

            let otherCounty = try office.staffClient(name: "洛南科员", organization: "611021")
            let hidden = try #require(await capturedRPCError { try await otherCounty.filing(receipt.filingId) })
            #expect(hidden.code == .notFound, "a filing of another county answers as if it did not exist")
            #expect(try await otherCounty.allFilings().isEmpty)
            let ownCounty = try office.staffClient(name: "商州科员", organization: "611002")
            #expect(try await ownCounty.filing(receipt.filingId).filing.id == receipt.filingId)
        }
    }

    @Test("an operator cannot read another operator's filing, and a wrong access code is refused")
    func operatorsOfOtherFilings() async throws {
        try await withIntakeOffice("440783", today: "2024-01-25") { office in
            let client = try office.operatorClient()
            let mine = try await client.submit(Forms.individual("开平侨乡", region: "440783", sequence: 41, followers: 9000))
            let theirs = try await client.submit(Forms.individual("开平侨墟", region: "440783", sequence: 42, followers: 9000))
            let denied = try #require(await capturedRPCError {
                let _: FilingView = try await client.asOperator(mine, "GetFiling", GetFilingRequest(filingId: theirs.filingId))
            })
            #expect(denied.code == .permissionDenied)
            var forged = theirs
            forged.accessCode = mine.accessCode
            let wrong = try #require(await capturedRPCError {
                let _: FilingView = try await client.asOperator(forged, "GetFiling", GetFilingRequest(filingId: theirs.filingId))
            })
            #expect(wrong.code == .unauthenticated)
            let view: FilingView = try await client.asOperator(mine, "GetFiling", GetFilingRequest(filingId: mine.filingId))
            #expect(view.personalNumbers == "masked")
            let listed = try #require(await capturedRPCError { try await client.allFilings() })
            #expect(listed.code == .unauthenticated || listed.code == .permissionDenied)
        }
    }
}

import BeianModel
import BeianRPC
import IntakeService
import Testing
import TestSupport

@Suite("Transfers between offices")
struct TransferTests {
    @Test("Kaiping hands a filing to Xingtai over mutual TLS: records on both sides, a retry does not duplicate")
    func transfer() async throws {
        try await IntakeHarness.with(office: "130500", today: "2024-01-10") { xingtai in
            let peers = "130500=127.0.0.1:\(xingtai.server.address.port)"
            try await IntakeHarness.with(office: "440783", today: "2024-01-10",
                                         extra: ["BEIAN_PEER_INTAKES": peers]) { kaiping in
                let client = try kaiping.operatorClient()
                let receipt = try await client.submit(Submissions.individualAccount(
                    name: "开平人在邢台", followers: 6000, region: "130503", sequence: 8))
                _ = try await client.upload(as: receipt, kind: "own_id_copy", filename: "id.jpg",
                                            bytes: SampleFiles.jpeg())
                let request = TransferFilingRequest(filingId: receipt.filingId, targetOffice: "130500",
                                                    reason: "账号注册者户籍在邢台")
                let clerk = try #require(await capturedRPCError {
                    let _: TransferOutcome = try await kaiping.staffClient().call("TransferFiling", request)
                })
                #expect(clerk.code == .permissionDenied)

                let head = try kaiping.staffClient("head", name: "主任")
                let outcome: TransferOutcome = try await head.call("TransferFiling", request)
                #expect(outcome.status == .cancelled)
                #expect(outcome.targetOffice == "130500")
                #expect(outcome.targetFilingId.hasPrefix("130500-"))
                #expect(outcome.targetScope == .inScope, "Xingtai's own scope decision is reported")
                #expect(outcome.targetScopeZh?.isEmpty == false)
                #expect(outcome.targetScopeOverridden == nil)
                let retry: TransferOutcome = try await head.call("TransferFiling", request)
                #expect(retry == outcome)

                // The sending side: ended here, with where it went, in the history and on the audit chain.
                let here = try await head.get(receipt.filingId)
                #expect(here.filing.status == .cancelled)
                #expect(here.filing.versions.last?.event == "transfer")
                #expect(here.filing.staffNote?.contains(outcome.targetFilingId) == true)
                #expect(here.history.last?.action == "transfer_out")
                #expect(here.history.last?.details["target_filing_id"] == outcome.targetFilingId)
                #expect(try await kaiping.auditEntries().map(\.action).contains("filing.transfer_out"))
                // Statistics here leave it out (it is the other office's now) and say how many went.
                let report: StatisticsResponse = try await head.call("Statistics", StatisticsRequest())
                #expect(report.statistics.transferredOut == 1)
                #expect(report.statistics.total == 0, "\(report.statistics.byStatus)")
                #expect(report.statistics.byStatus.allSatisfy { $0.count == 0 }, "\(report.statistics.byStatus)")
                let told: TransferOutcome = try await client.asOperator(
                    receipt, "GetTransfer", GetTransferRequest(filingId: receipt.filingId))
                #expect(told.targetAccessCode == outcome.targetAccessCode)

                // The receiving side: one filing, submitted, the operator's content, a record of where it came from.
                let staff = try xingtai.staffClient()
                let listed = try await staff.list()
                #expect(listed.filings.map(\.filingId) == [outcome.targetFilingId])
                let there = try await staff.get(outcome.targetFilingId)
                #expect(there.filing.status == .submitted)
                #expect(there.filing.object.name == "开平人在邢台")
                #expect(there.filing.officeCode == "130500")
                #expect(there.history.first?.action == "receive_transfer")
                #expect(there.history.first?.details["from_office"] == "440783")
                #expect(there.history.first?.details["from_filing_id"] == receipt.filingId)
                #expect(there.uploadedMaterials.isEmpty, "materials are not carried over")
                #expect(try await xingtai.auditEntries().map(\.action).contains("filing.receive_transfer"))
                let own: FilingView = try await xingtai.operatorClient().call(
                    "GetFiling", GetFilingRequest(filingId: outcome.targetFilingId),
                    metadata: ["filing-id": outcome.targetFilingId, "access-code": outcome.targetAccessCode])
                #expect(own.filing.id == outcome.targetFilingId)

                // Kaiping's intake retrying on its own gets the same filing back.
                let asKaiping = try xingtai.server.client(
                    identity: TestCertificates.shared.serviceCertificate(name: "intake", office: "440783"))
                let revealed = try await head.get(receipt.filingId, reveal: true)
                let content = try #require(revealed.filing.versions.first?.content)
                let again: ReceiveTransferResponse = try await asKaiping.call("ReceiveTransfer", ReceiveTransferRequest(
                    sourceOffice: "440783", sourceFilingId: receipt.filingId, reason: "重试", content: content,
                    submittedAt: here.submittedAt, submittedOn: here.submittedAt.chinaCivilDate))
                #expect(again.filingId == outcome.targetFilingId)
                #expect(try await staff.list().filings.count == 1)

                // Only another office's intake may deliver, and only its own filings.
                let forged = ReceiveTransferRequest(
                    sourceOffice: "611000", sourceFilingId: "611000-ABCDEFGHJKLM", reason: "伪造", content: content,
                    submittedAt: here.submittedAt, submittedOn: here.submittedAt.chinaCivilDate)
                let asXingtai = try xingtai.server.client(
                    identity: TestCertificates.shared.serviceCertificate(name: "intake", office: "130500"))
                for (caller, code) in [(asKaiping, RPCStatus.Code.permissionDenied), (asXingtai, .permissionDenied),
                                       (try xingtai.staffClient("head", name: "主任"), .permissionDenied),
                                       (try xingtai.operatorClient(), .unauthenticated)] {
                    let error = try #require(await capturedRPCError {
                        let _: ReceiveTransferResponse = try await caller.call("ReceiveTransfer", forged)
                    })
                    #expect(error.code == code)
                }
            }
        }
    }

    @Test("refusals: an unknown office, an accepted filing, a target that does not answer")
    func refusals() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-10",
                                     extra: ["BEIAN_PEER_INTAKES": "130500=127.0.0.1:9"]) { kaiping in
            let client = try kaiping.operatorClient()
            let head = try kaiping.staffClient("head", name: "主任")
            let receipt = try await client.submit(Submissions.individualAccount(
                name: "开平人在邢台", followers: 6000, region: "130503", sequence: 8))
            let unknown = try #require(await capturedRPCError {
                let _: TransferOutcome = try await head.call("TransferFiling", TransferFilingRequest(
                    filingId: receipt.filingId, targetOffice: "611000", reason: "属地"))
            })
            #expect(unknown.code == .invalidArgument)
            #expect(unknown.fieldViolations.map(\.field) == ["target_office"])
            #expect(unknown.fieldViolations.first?.descriptionZh
                    == "未配置网信办611000的受理系统（已配置：130500）；请在本办受理系统的BEIAN_PEER_INTAKES中添加611000=主机:端口")
            #expect(unknown.fieldViolations.first?.descriptionEn == "no intake of office 611000 is configured "
                    + "(configured: 130500); add 611000=host:port to BEIAN_PEER_INTAKES on this intake")
            let down = try #require(await capturedRPCError {
                let _: TransferOutcome = try await head.call("TransferFiling", TransferFilingRequest(
                    filingId: receipt.filingId, targetOffice: "130500", reason: "属地"))
            })
            #expect(down.code == .unavailable)
            #expect(try await head.get(receipt.filingId).filing.status == .submitted, "nothing changed here")

            _ = try await head.review(receipt.filingId, "accept")
            let accepted = try #require(await capturedRPCError {
                let _: TransferOutcome = try await head.call("TransferFiling", TransferFilingRequest(
                    filingId: receipt.filingId, targetOffice: "130500", reason: "属地"))
            })
            #expect(accepted.code == .failedPrecondition)
        }
    }

    @Test("without any peer office the refusal says none is configured and how to configure BEIAN_PEER_INTAKES")
    func noPeers() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-10") { kaiping in
            let receipt = try await kaiping.operatorClient().submit(Submissions.individualAccount(
                name: "开平人在邢台", followers: 6000, region: "130503", sequence: 8))
            let error = try #require(await capturedRPCError {
                let _: TransferOutcome = try await kaiping.staffClient("head", name: "主任").call(
                    "TransferFiling", TransferFilingRequest(filingId: receipt.filingId, targetOffice: "130500",
                                                            reason: "属地"))
            })
            #expect(error.code == .invalidArgument)
            let violation = try #require(error.fieldViolations.first)
            #expect(violation.field == "target_office")
            #expect(violation.descriptionZh == "未配置网信办130500的受理系统：本办尚未配置任何其他网信办的受理系统，无法移交；"
                    + "请在本办受理系统的BEIAN_PEER_INTAKES中配置（如130500=主机:端口，多个以逗号分隔）")
            #expect(violation.descriptionEn?.contains("set BEIAN_PEER_INTAKES on this intake (office=host:port")
                    == true)
            #expect(violation.descriptionZh?.contains("已配置：）") == false)
        }
    }

    @Test("the target office's scope decides: out of its scope is refused with its decision, unless the head overrides")
    func targetScope() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-10") { kaiping in
            let peers = "440783=127.0.0.1:\(kaiping.server.address.port)"
            try await IntakeHarness.with(office: "130500", today: "2024-01-10",
                                         extra: ["BEIAN_PEER_INTAKES": peers]) { xingtai in
                // Filed in Xingtai by its name; the registrant is from Kaiping, where Douyin is filed
                // only from 5,000 followers.
                let receipt = try await xingtai.operatorClient().submit(Submissions.individualAccount(
                    name: "邢台小吃日记", platform: "douyin", followers: 1200, region: "440783", sequence: 9))
                let head = try xingtai.staffClient("head", name: "主任")
                let request = TransferFilingRequest(filingId: receipt.filingId, targetOffice: "440783",
                                                    reason: "账号注册者户籍在开平")
                let refused = try #require(await capturedRPCError {
                    let _: TransferOutcome = try await head.call("TransferFiling", request)
                })
                #expect(refused.code == .failedPrecondition)
                #expect(refused.message.hasPrefix("网信办440783审查认为该备案不属于网信办440783的备案范围："),
                        "\(refused.message)")
                #expect(refused.message.contains("override_target_scope: true"))
                #expect(refused.message.contains(" / office 440783's scope check finds the filing out_of_scope: "))
                let detail = try #require(refused.details.first)
                #expect(detail["type"]?.stringValue == "scope_decision")
                #expect(detail["decision"]?["outcome"]?.stringValue == "out_of_scope")
                #expect(detail["office"]?.stringValue == "440783")
                #expect(try await head.get(receipt.filingId).filing.status == .submitted, "nothing changed here")
                let kaipingStaff = try kaiping.staffClient("head", name: "开平主任")
                #expect(try await kaipingStaff.list().filings.isEmpty, "nothing was created there")

                var confirmed = request
                confirmed.overrideTargetScope = true
                let outcome: TransferOutcome = try await head.call("TransferFiling", confirmed)
                #expect(outcome.status == .cancelled)
                #expect(outcome.targetScope == .outOfScope)
                #expect(outcome.targetScopeOverridden == true)
                #expect(outcome.targetScopeZh?.isEmpty == false)
                #expect(outcome.targetScopeEn?.isEmpty == false)
                let retry: TransferOutcome = try await head.call("TransferFiling", confirmed)
                #expect(retry == outcome)
                let told: TransferOutcome = try await head.call(
                    "GetTransfer", GetTransferRequest(filingId: receipt.filingId))
                #expect(told == outcome)

                let there = try await kaipingStaff.get(outcome.targetFilingId)
                #expect(there.scope.outcome == .outOfScope)
                #expect(there.reviewNeeded)
                #expect(there.history.first?.details["scope_override"] == "accepted_by_sending_office")
            }
        }
    }
}

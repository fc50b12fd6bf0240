import BeianJSON
import BeianModel
import IntakeService
import Testing

@Suite("Transfer logic (移交, 接收移交; pure functions)")
struct TransferLogicTests {
    /// Kaiping (440783), with Xingtai (130500) and Shangluo (611000) configured as peers.
    private static let own = "440783"
    private static let peers = ["130500", "611000"]

    /// The violations of a request, or [] when it passes.
    private func violations(_ target: String?, _ reason: String?,
                            peers: [String] = TransferLogicTests.peers) -> [FieldViolation] {
        do throws(ValidationFailure) {
            _ = try TransferRequestChecks.check(targetOffice: target, reason: reason, ownOffice: Self.own, peers: peers)
            return []
        } catch {
            return error.violations
        }
    }

    private func decision(_ outcome: ScopeOutcome, _ zh: String = "摘要", _ en: String = "summary") throws
        -> ScopeDecision {
        try JSONCoding.decode(ScopeDecision.self, from: Array(
            #"{"outcome":"\#(outcome.rawValue)","evidence":[],"summary_zh":"\#(zh)","summary_en":"\#(en)"}"#.utf8))
    }

    // MARK: - the request (移交)

    @Test("a request to a configured peer passes, its target office and reason normalized")
    func requestPasses() throws {
        let checked = try TransferRequestChecks.check(targetOffice: " 130500 ", reason: "  账号注册者户籍在邢台  ",
                                                      ownOffice: Self.own, peers: Self.peers)
        #expect(checked.targetOffice == "130500")
        #expect(checked.reason == "账号注册者户籍在邢台")
        #expect(violations("611000", String(repeating: "理", count: 2000)).isEmpty, "2,000 characters is the limit")
    }

    @Test("the own office is refused as own_office (even when listed among the peers)")
    func ownOffice() {
        let found = violations("440783", "属地")
        #expect(found.map(\.field) == ["target_office"])
        #expect(found.map(\.rule) == ["own_office"])
        #expect(found.first?.messageZh == "不能移交给本办")
        #expect(found.first?.messageEn == "a filing cannot be transferred to its own office")
        #expect(violations("440783", "属地", peers: ["440783", "130500"]).map(\.rule) == ["own_office"])
    }

    @Test("an office whose intake is not configured is unknown_office, naming the configured ones")
    func unknownPeer() {
        let found = violations("110000", "属地")
        #expect(found.map(\.field) == ["target_office"])
        #expect(found.map(\.rule) == ["unknown_office"])
        #expect(found.first?.messageZh
                == "未配置网信办110000的受理系统（已配置：130500、611000）；请在本办受理系统的BEIAN_PEER_INTAKES中添加110000=主机:端口")
        #expect(found.first?.messageEn == "no intake of office 110000 is configured (configured: 130500, 611000); "
                + "add 110000=host:port to BEIAN_PEER_INTAKES on this intake")
    }

    @Test("without any peer the unknown_office violation says none is configured and how to configure one")
    func noPeers() {
        let found = violations("130500", "属地", peers: [])
        #expect(found.map(\.rule) == ["unknown_office"])
        #expect(found.first?.messageZh == "未配置网信办130500的受理系统：本办尚未配置任何其他网信办的受理系统，无法移交；"
                + "请在本办受理系统的BEIAN_PEER_INTAKES中配置（如130500=主机:端口，多个以逗号分隔）")
        #expect(found.first?.messageEn == "no intake of office 130500 is configured: this intake has no other offices "
                + "configured, so it cannot transfer; set BEIAN_PEER_INTAKES on this intake (office=host:port, "
                + "comma-separated, e.g. 130500=10.0.0.5:7402)")
    }

    @Test("a missing target office and reason are both required, in that order", arguments: [nil, "", "  "])
    func missing(_ value: String?) {
        let found = violations(value, value)
        #expect(found.map(\.field) == ["target_office", "reason"])
        #expect(found.map(\.rule) == ["required", "required"])
        #expect(found.map(\.messageZh) == ["移交网信办不能为空", "移交理由不能为空"])
        #expect(found.map(\.messageEn) == ["Target office is required", "Reason is required"])
    }

    @Test("a reason over 2,000 characters is too_long, counted")
    func reasonTooLong() {
        let found = violations("130500", String(repeating: "理", count: 2001))
        #expect(found.map(\.field) == ["reason"])
        #expect(found.map(\.rule) == ["too_long"])
        #expect(found.first?.messageZh == "移交理由不能超过2000个字符（现有2001个）")
        #expect(found.first?.messageEn == "Reason must be at most 2000 characters (has 2001)")
    }

    @Test("a malformed office code is refused as such, before the peers are looked at")
    func malformedCode() {
        let short = violations("44078", "属地")
        #expect(short.map(\.rule) == ["division_code_format"])
        #expect(short.first?.messageZh == "移交网信办应为6位行政区划代码（如440783）")
        #expect(short.first?.messageEn == "target office must be a 6-digit division code (e.g. 440783)")
        #expect(violations("44078X", "属地").map(\.rule) == ["division_code_format"])
        #expect(violations("13-05-00", "属地").isEmpty, "normalized to 130500 (hyphens and spaces dropped)")
        let long = String(repeating: "1", count: 65)
        let found = violations(long, "属地")
        #expect(found.map(\.field) == ["target_office", "target_office"])
        #expect(found.map(\.rule) == ["too_long", "division_code_format"])
        #expect(found.first?.messageZh == "移交网信办不能超过64个字符")
        #expect(found.first?.messageEn == "Target office must be at most 64 characters")
    }

    @Test("a received reason is normalized, or nil when empty or over 2,000 characters")
    func receivedReason() {
        #expect(TransferRequestChecks.receivedReason("  账号注册者户籍在开平 ") == "账号注册者户籍在开平")
        #expect(TransferRequestChecks.receivedReason("") == nil)
        #expect(TransferRequestChecks.receivedReason(" \n ") == nil)
        #expect(TransferRequestChecks.receivedReason(String(repeating: "理", count: 2000))?.count == 2000)
        #expect(TransferRequestChecks.receivedReason(String(repeating: "理", count: 2001)) == nil)
    }

    @Test("a recorded transfer to another office than the one requested is refused naming it")
    func transferredElsewhere() {
        #expect(FilingTransfer.transferredElsewhere("440783-ABCDEFGHJKLM", to: "130500", requested: "130500") == nil)
        let elsewhere = FilingTransfer.transferredElsewhere("440783-ABCDEFGHJKLM", to: "130500", requested: "611000")
        #expect(elsewhere?.zh == "该备案已移交网信办130500")
        #expect(elsewhere?.en == "filing 440783-ABCDEFGHJKLM was already transferred to office 130500")
    }

    // MARK: - the receiving office's scope (接收移交)

    @Test("in scope or for staff review is accepted, with or without accept_out_of_scope", arguments: [
        ScopeOutcome.inScope, .needsStaffReview,
    ])
    func accepted(_ outcome: ScopeOutcome) throws {
        let scope = try decision(outcome)
        for flag in [false, true] {
            let decided = TransferScopeDecision(scope: scope, acceptOutOfScope: flag)
            #expect(decided == .accept)
            #expect(decided.scopeOverride == nil)
        }
    }

    @Test("out of scope or referred elsewhere is refused with the decision, accepted when the sending head confirmed",
          arguments: [ScopeOutcome.outOfScope, .referredElsewhere])
    func refusedUnlessConfirmed(_ outcome: ScopeOutcome) throws {
        let scope = try decision(outcome)
        let refusal = try #require(ScopeRefusal.check(scope))
        let refused = TransferScopeDecision(scope: scope, acceptOutOfScope: false)
        #expect(refused == .refuse(refusal))
        #expect(refused.scopeOverride == nil)
        let confirmed = TransferScopeDecision(scope: scope, acceptOutOfScope: true)
        #expect(confirmed == .acceptOverridden(refusal))
        #expect(confirmed.scopeOverride == "accepted_by_sending_office")
    }

    @Test("the receiving office's refusal names it and its decision")
    func receivingRefusal() throws {
        let out = TransferScopeDecision.refusal(
            try decision(.outOfScope, "抖音账号粉丝1200人，不足5000人", "Douyin account with 1200 followers, under 5000"),
            office: "440783")
        #expect(out.zh == "该备案不属于网信办440783的备案范围：抖音账号粉丝1200人，不足5000人")
        #expect(out.en == "office 440783's scope check: out_of_scope: Douyin account with 1200 followers, under 5000")
        let referred = TransferScopeDecision.refusal(try decision(.referredElsewhere, "应用程序", "an app"),
                                                     office: "130500")
        #expect(referred.zh == "该备案不在网信办130500备案（应到其他平台备案）：应用程序")
        #expect(referred.en == "office 130500's scope check: referred_elsewhere: an app")
    }

    @Test("the sending office passes the target's refusal on with how the head may confirm it")
    func sendingRefusal() throws {
        let words = TransferScopeDecision.refusedByTarget(try decision(.outOfScope, "不足5000人", "under 5000"),
                                                          office: "440783")
        #expect(words.zh == "网信办440783审查认为该备案不属于网信办440783的备案范围：不足5000人。未移交。"
                + "如经核实确属该办管辖，负责人可确认后再次移交（override_target_scope: true；命令行：beian filing transfer … "
                + "--override-scope）")
        #expect(words.en == "office 440783's scope check finds the filing out_of_scope: under 5000. Nothing was "
                + "transferred; if it is that office's all the same, the head may transfer it again with "
                + "override_target_scope: true")
    }

    @Test("each outcome in Chinese names the office whose decision it is")
    func outcomeNamesOffice() {
        #expect(ScopeOutcome.inScope.transferZh(office: "130500") == "属于网信办130500的备案范围")
        #expect(ScopeOutcome.outOfScope.transferZh(office: "130500") == "不属于网信办130500的备案范围")
        #expect(ScopeOutcome.referredElsewhere.transferZh(office: "130500") == "不在网信办130500备案（应到其他平台备案）")
        #expect(ScopeOutcome.needsStaffReview.transferZh(office: "130500") == "须由网信办130500工作人员判断是否属于其备案范围")
    }

    // MARK: - history details

    @Test("transfer_out details: target and reason; the target's scope when it reported one")
    func transferOutDetails() throws {
        let base = ["target_office": "130500", "target_filing_id": "130500-ABCDEFGHJKLM", "reason": "属地"]
        #expect(TransferHistoryDetails.transferOut(targetOffice: "130500", targetFilingID: "130500-ABCDEFGHJKLM",
                                                   reason: "属地", targetScope: nil, overrideRequested: false) == base)
        #expect(TransferHistoryDetails.transferOut(targetOffice: "130500", targetFilingID: "130500-ABCDEFGHJKLM",
                                                   reason: "属地", targetScope: nil, overrideRequested: true) == base,
                "an intake that reports no decision leaves nothing to override")
        let inScope = TransferHistoryDetails.transferOut(
            targetOffice: "130500", targetFilingID: "130500-ABCDEFGHJKLM", reason: "属地",
            targetScope: try decision(.inScope, "属于本办", "in scope"), overrideRequested: true)
        #expect(inScope == base.merging(["target_scope": "in_scope", "target_scope_zh": "属于本办",
                                         "target_scope_en": "in scope"]) { $1 },
                "an override of a decision that accepts is not noted")
        let review = TransferHistoryDetails.transferOut(
            targetOffice: "130500", targetFilingID: "130500-ABCDEFGHJKLM", reason: "属地",
            targetScope: try decision(.needsStaffReview, "待人工判断", "staff decide"), overrideRequested: true)
        #expect(review[TargetScopeNote.outcome] == "needs_staff_review")
        #expect(review[TargetScopeNote.overridden] == nil)
    }

    @Test("transfer_out details note target_scope_overridden only when the head overrode a refusing decision")
    func transferOutOverridden() throws {
        let scope = try decision(.outOfScope, "不足5000人", "under 5000")
        let plain = TransferHistoryDetails.transferOut(targetOffice: "440783", targetFilingID: "440783-ABCDEFGHJKLM",
                                                       reason: "户籍在开平", targetScope: scope, overrideRequested: false)
        #expect(plain == ["target_office": "440783", "target_filing_id": "440783-ABCDEFGHJKLM", "reason": "户籍在开平",
                          "target_scope": "out_of_scope", "target_scope_zh": "不足5000人",
                          "target_scope_en": "under 5000"])
        let overridden = TransferHistoryDetails.transferOut(
            targetOffice: "440783", targetFilingID: "440783-ABCDEFGHJKLM", reason: "户籍在开平", targetScope: scope,
            overrideRequested: true)
        #expect(overridden == plain.merging(["target_scope_overridden": "true"]) { $1 })
        #expect([TargetScopeNote.outcome, TargetScopeNote.zh, TargetScopeNote.en, TargetScopeNote.overridden]
                == ["target_scope", "target_scope_zh", "target_scope_en", "target_scope_overridden"])
    }

    @Test("receive_transfer details: source, reason, scope and verification; timeliness and scope_override when set")
    func receiveTransferDetails() throws {
        let base = ["from_office": "130500", "from_filing_id": "130500-ABCDEFGHJKLM", "reason": "户籍在开平",
                    "scope": "in_scope", "verification": "pending"]
        #expect(TransferHistoryDetails.receiveTransfer(
            fromOffice: "130500", fromFilingID: "130500-ABCDEFGHJKLM", reason: "户籍在开平", scope: .inScope,
            verification: .pending, timeliness: nil, decision: .accept) == base)
        #expect(TransferHistoryDetails.receiveTransfer(
            fromOffice: "130500", fromFilingID: "130500-ABCDEFGHJKLM", reason: "户籍在开平", scope: .inScope,
            verification: .pending, timeliness: .onTime, decision: .accept)
                == base.merging(["timeliness": "on_time"]) { $1 })
        let out = try decision(.outOfScope)
        let confirmed = TransferScopeDecision(scope: out, acceptOutOfScope: true)
        #expect(TransferHistoryDetails.receiveTransfer(
            fromOffice: "130500", fromFilingID: "130500-ABCDEFGHJKLM", reason: "户籍在开平", scope: .outOfScope,
            verification: .verified, timeliness: .late, decision: confirmed)
                == base.merging(["scope": "out_of_scope", "verification": "verified", "timeliness": "late",
                                 "scope_override": "accepted_by_sending_office"]) { $1 })
    }
}

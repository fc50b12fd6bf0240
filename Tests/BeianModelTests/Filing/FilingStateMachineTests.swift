import BeianModel
import Testing

@Suite("Filing state machine")
struct FilingStateMachineTests {
    static let change = ChangeFacts(changeDate: Fixtures.date("2021-06-10"), changedFields: ["object.name"])
    static let closure = ClosureFacts(closureDate: Fixtures.date("2019-09-27"), reason: "机构调整")

    @Test("allowed transitions", arguments: [
        (FilingStatus.draft, FilingEvent.submit, FilingStatus.submitted),
        (.draft, .withdraw, .cancelled),
        (.submitted, .returnForCorrection(reason: "身份证复印件不清晰"), .returnedForCorrection),
        (.submitted, .accept(filingNumber: "粤开平网信备202400001号"), .accepted),
        (.submitted, .reject(reason: "不属于本市备案范围"), .rejected),
        (.submitted, .withdraw, .cancelled),
        (.returnedForCorrection, .resubmit, .submitted),
        (.returnedForCorrection, .withdraw, .cancelled),
        (.accepted, .reportChange(change), .changed),
        (.accepted, .close(closure), .cancelled),
        (.changed, .acceptChange, .accepted),
        (.changed, .reportChange(change), .changed),
        (.changed, .returnForCorrection(reason: "变更材料不全"), .returnedForCorrection),
        (.changed, .close(closure), .cancelled),
    ])
    func allowed(from: FilingStatus, event: FilingEvent, to: FilingStatus) throws {
        #expect(try from.applying(event) == to)
    }

    @Test("refused transitions", arguments: [
        (FilingStatus.draft, FilingEvent.accept(filingNumber: "x"), "transition_not_allowed"),
        (.draft, .resubmit, "transition_not_allowed"),
        (.submitted, .submit, "transition_not_allowed"),
        (.submitted, .accept(filingNumber: "  "), "filing_number_required"),
        (.submitted, .reject(reason: ""), "reason_required"),
        (.accepted, .withdraw, "transition_not_allowed"),
        (.accepted, .accept(filingNumber: "y"), "transition_not_allowed"),
        (.rejected, .resubmit, "transition_not_allowed"),
        (.cancelled, .submit, "transition_not_allowed"),
        (.cancelled, .reportChange(change), "transition_not_allowed"),
    ])
    func refused(from: FilingStatus, event: FilingEvent, code: String) {
        do {
            _ = try from.applying(event)
            Issue.record("\(from) + \(event.name) should be refused")
        } catch {
            #expect(error.code == code)
            #expect(error.from == from)
            #expect(error.event == event.name)
        }
    }

    @Test("a filing keeps every version and its facts")
    func history() throws {
        let content = FilingContent(operator: Fixtures.person(), object: Fixtures.account("开平发布", .douyin, followers: 8000))
        let t0 = try Timestamp(iso: "2024-01-25T08:00:00Z")
        var filing = Filing(id: "F1", officeCode: "440783", content: content, by: "op:1", at: t0)
        filing = try filing.applying(.submit, by: "op:1", at: try Timestamp(iso: "2024-01-25T09:00:00Z"))
        filing = try filing.applying(.returnForCorrection(reason: "补充身份证"), by: "staff:7",
                                     at: try Timestamp(iso: "2024-01-26T09:00:00Z"))
        #expect(filing.staffNote == "补充身份证")
        var corrected = content
        corrected.materials = [MaterialReference(kind: .ownIdCopy, sha256: String(repeating: "0", count: 64), size: 10,
                                                 mediaType: "image/png")]
        filing = try filing.applying(.resubmit, content: corrected, by: "op:1", at: try Timestamp(iso: "2024-01-27T09:00:00Z"))
        filing = try filing.applying(.accept(filingNumber: "粤开平网信备202400001号"), by: "staff:7",
                                     at: try Timestamp(iso: "2024-01-28T09:00:00Z"))
        filing = try filing.applying(.reportChange(Self.change), by: "op:1", at: try Timestamp(iso: "2024-02-01T09:00:00Z"))
        filing = try filing.applying(.acceptChange, by: "staff:7", at: try Timestamp(iso: "2024-02-02T09:00:00Z"))
        filing = try filing.applying(.close(Self.closure), by: "op:1", at: try Timestamp(iso: "2024-03-01T09:00:00Z"))
        #expect(filing.status == .cancelled)
        #expect(filing.filingNumber == "粤开平网信备202400001号")
        #expect(filing.change == Self.change)
        #expect(filing.closure == Self.closure)
        #expect(filing.versions.map(\.number) == Array(1...8))
        #expect(filing.versions.map(\.event) == ["create", "submit", "return_for_correction", "resubmit", "accept",
                                                  "report_change", "accept_change", "close"])
        #expect(filing.versions[2].content.materials.isEmpty)
        #expect(filing.versions[3].content.materials.count == 1)
        #expect(throws: FilingTransitionError.self) { try filing.applying(.submit, by: "op:1", at: t0) }
    }
}

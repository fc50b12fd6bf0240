import BeianModel
import BeianRPC
import IntakeService
import Testing
import TestSupport

@Suite("Who may see and do what")
struct AccessTests {
    @Test("an operator sees only their own filing: no or a wrong code UNAUTHENTICATED, another id PERMISSION_DENIED")
    func operatorsSeeOnlyTheirOwn() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-25") { intake in
            let client = try intake.operatorClient()
            let mine = try await client.submit(Submissions.individualAccount(
                name: "开平茶楼", followers: 6000, region: "440783", sequence: 1))
            let theirs = try await client.submit(Submissions.individualAccount(
                name: "开平骑楼", followers: 6000, region: "440783", sequence: 2))
            let request = GetFilingRequest(filingId: theirs.filingId)

            let anonymous = try #require(await capturedRPCError { try await client.get(theirs.filingId) })
            #expect(anonymous.code == .unauthenticated)
            let other = try #require(await capturedRPCError {
                let _: FilingView = try await client.asOperator(mine, "GetFiling", request)
            })
            #expect(other.code == .permissionDenied)
            let wrongCode = try #require(await capturedRPCError {
                let _: FilingView = try await client.call("GetFiling", request, metadata: [
                    "filing-id": theirs.filingId, "access-code": mine.accessCode])
            })
            #expect(wrongCode.code == .unauthenticated)
            let unknown = try #require(await capturedRPCError {
                let _: FilingView = try await client.call("GetFiling", request, metadata: [
                    "filing-id": "440783-ZZZZZZZZZZZZ", "access-code": mine.accessCode])
            })
            #expect(unknown.code == .unauthenticated)
            #expect(unknown.message == wrongCode.message, "the answer must not reveal whether the id exists")

            // Lower case and without hyphens is the same code.
            let typed = mine.accessCode.replacingOccurrences(of: "-", with: "").lowercased()
            let own: FilingView = try await client.call("GetFiling", GetFilingRequest(filingId: mine.filingId),
                                                        metadata: ["filing-id": mine.filingId, "access-code": typed])
            #expect(own.personalNumbers == "masked")
            guard case .individual(let person) = own.filing.operator else { Issue.record("not an individual"); return }
            #expect(person.idNumber == "440***********" + String(person.idNumber.suffix(4)))
            #expect(person.mobile == "138****8000")
            #expect(own.filing.object.administrators.first?.mobile == "139****9000")

            let listing = try #require(await capturedRPCError { try await client.list() })
            #expect(listing.code == .unauthenticated)
        }
    }

    @Test("a filing id typed in lower case, full width or with spaces finds the filing, for staff and its operator")
    func typedFilingIDs() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-25") { intake in
            let operatorClient = try intake.operatorClient()
            let receipt = try await operatorClient.submit(Submissions.individualAccount(
                name: "开平碉楼", followers: 6000, region: "440783"))
            let id = receipt.filingId
            let fullWidth = String(String.UnicodeScalarView(id.unicodeScalars.map { scalar in
                scalar.isASCII && scalar != "-" ? Unicode.Scalar(scalar.value + 0xFEE0)! : scalar
            }))
            let staff = try intake.staffClient("clerk")
            for typed in [id.lowercased(), fullWidth, " \(id) ", id.replacingOccurrences(of: "-", with: "－")] {
                let view = try await staff.get(typed)
                #expect(view.filing.id == id, "\(typed)")
                let diff: DiffVersionsResponse = try await staff.call("DiffVersions", DiffVersionsRequest(filingId: typed))
                #expect(diff.filingId == id)
                // The operator's metadata id is read the same way (the code is not blamed for the id's case).
                let own: FilingView = try await operatorClient.call("GetFiling", GetFilingRequest(filingId: typed),
                                                                    metadata: ["filing-id": typed,
                                                                               "access-code": receipt.accessCode])
                #expect(own.filing.id == id)
                let materials: MaterialListResponse = try await operatorClient.call(
                    "ListMaterials", MaterialRequest(filingId: typed),
                    metadata: ["filing-id": id.lowercased(), "access-code": receipt.accessCode])
                #expect(materials.filingId == id)
            }
            let outcome = try await staff.review(id.lowercased(), "accept")
            #expect(outcome.filingId == id && outcome.status == .accepted)
        }
    }

    @Test("staff of another office see nothing: PERMISSION_DENIED before any look-up")
    func otherOfficeStaff() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-25") { intake in
            let receipt = try await intake.operatorClient().submit(Submissions.individualAccount(
                name: "开平侨乡", followers: 6000, region: "440783"))
            let stranger = try intake.staffClient("clerk", name: "外地科员", organization: "611000")
            for attempt in [receipt.filingId, "440783-ZZZZZZZZZZZZ"] {
                let error = try #require(await capturedRPCError { try await stranger.get(attempt) })
                #expect(error.code == .permissionDenied)
                #expect(error.message == "网信办611000的工作人员无权查阅或办理网信办440783的备案 / "
                    + "staff of office 611000 may not access the filings of office 440783")
            }
            let list = try #require(await capturedRPCError { try await stranger.list() })
            #expect(list.code == .permissionDenied)
            let review = try #require(await capturedRPCError { try await stranger.review(receipt.filingId, "accept") })
            #expect(review.code == .permissionDenied)
            let unknownRole = try intake.staffClient("visitor", name: "访客")
            #expect(try #require(await capturedRPCError { try await unknownRole.list() }).code == .permissionDenied)
        }
    }

    @Test("refusals staff read are in Chinese, then English: the wrong role, no certificate, a service")
    func bilingualRefusals() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-25") { intake in
            let receipt = try await intake.operatorClient().submit(Submissions.individualAccount(
                name: "开平侨乡", followers: 6000, region: "440783"))
            let auditor = try intake.staffClient("auditor", name: "审计员")
            let review = try #require(await capturedRPCError { try await auditor.review(receipt.filingId, "accept") })
            #expect(review.code == .permissionDenied)
            #expect(review.message == "审计员无权进行此操作（ReviewFiling），可进行的角色：科员、负责人 / "
                + "role auditor may not call beian.intake.v1.Intake/ReviewFiling; allowed: clerk, head")

            let anonymous = try #require(await capturedRPCError { try await intake.operatorClient().list() })
            #expect(anonymous.code == .unauthenticated)
            #expect(anonymous.message == "此操作（ListFilings）须出示工作人员的客户端证书 / "
                + "beian.intake.v1.Intake/ListFilings requires a staff client certificate")

            let service = try intake.server.client(
                identity: TestCertificates.shared.serviceCertificate(name: "identity", office: "440783"))
            let byService = try #require(await capturedRPCError { try await service.list() })
            #expect(byService.code == .permissionDenied)
            #expect(byService.message == "服务identity无权进行此操作（ListFilings），仅限工作人员 / "
                + "service identity may not call beian.intake.v1.Intake/ListFilings: staff only")

            let unknownRole = try intake.staffClient("visitor", name: "访客")
            let visitor = try #require(await capturedRPCError { try await unknownRole.list() })
            #expect(visitor.message.hasPrefix("客户端证书未载明已知的角色或服务（OU \"visitor\"） / "))

            let wrongCode = try #require(await capturedRPCError {
                let _: FilingView = try await intake.operatorClient().call(
                    "GetFiling", GetFilingRequest(filingId: receipt.filingId),
                    metadata: ["filing-id": receipt.filingId, "access-code": "WRONG-CODE"])
            })
            #expect(wrongCode.message == "备案编号与查询码不匹配 / filing-id and access-code do not match")
        }
    }

    @Test("Xingtai county staff see only the filings routed to their county; others are NOT_FOUND")
    func localOfficeStaff() async throws {
        try await IntakeHarness.with(office: "130500", today: "2020-06-01") { intake in
            let client = try intake.operatorClient()
            let julu = try await client.submit(Submissions.individualAccount(
                name: "钜鹿生活圈", platform: "sina_weibo", region: "110105", sequence: 1))
            let qiaoxi = try await client.submit(Submissions.individualAccount(
                name: "桥西那些事", platform: "douyin", region: "130503", sequence: 2))
            #expect(julu.localOfficeCode == "130529")
            #expect(qiaoxi.localOfficeCode == "130503")

            let county = try intake.staffClient("clerk", name: "巨鹿科员", organization: "130529")
            #expect(try await county.list().filings.map(\.filingId) == [julu.filingId])
            #expect(try await county.get(julu.filingId).filing.id == julu.filingId)
            let hidden = try #require(await capturedRPCError { try await county.get(qiaoxi.filingId) })
            #expect(hidden.code == .notFound)
            let absent = try #require(await capturedRPCError { try await county.get("130500-ZZZZZZZZZZZZ") })
            #expect(hidden.code == absent.code)
            let foreignFilter = try #require(await capturedRPCError {
                try await county.list(ListFilingsRequest(FilingFilters(localOffice: "130503")))
            })
            #expect(foreignFilter.code == .permissionDenied)
            let accepted = try await county.review(julu.filingId, "accept")
            #expect(accepted.filingNumber == "冀邢台网信备2020120001号")

            let city = try intake.staffClient("head", name: "市办主任")
            #expect(Set(try await city.list().filings.map(\.filingId)) == [julu.filingId, qiaoxi.filingId])
            #expect(try await city.list(ListFilingsRequest(FilingFilters(localOffice: "130503"))).filings.map(\.filingId)
                == [qiaoxi.filingId])
        }
    }

    @Test("whole personal numbers: clerks and auditors see them on GetFiling when they ask, every such read is audited")
    func auditedReads() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-25") { intake in
            let submission = Submissions.individualAccount(name: "开平美景", followers: 6000, region: "440783")
            let receipt = try await intake.operatorClient().submit(submission)
            let auditor = try intake.staffClient("auditor", name: "审计员")
            let before = try await intake.auditEntries().count
            let plain = try await auditor.get(receipt.filingId)
            #expect(plain.personalNumbers == "masked", "masked unless asked for")
            #expect(try await intake.auditEntries().count == before)
            let view = try await auditor.get(receipt.filingId, reveal: true)
            #expect(view.personalNumbers == "revealed")
            guard case .individual(let person) = view.filing.operator else { Issue.record("not an individual"); return }
            #expect(person.idNumber == submission.operator?.idNumber)
            let entries = try await intake.auditEntries()
            #expect(entries.count == before + 1)
            let read = try #require(entries.last)
            #expect(read.action == "filing.read_personal_numbers")
            #expect(read.actor == "auditor 审计员@440783")
            #expect(read.subject == "filing:\(receipt.filingId)")

            let masked = try await auditor.get(receipt.filingId, reveal: false)
            #expect(masked.personalNumbers == "masked")
            #expect(try await intake.auditEntries().count == before + 1, "a masked read is not a read of personal numbers")
            let denied = try #require(await capturedRPCError {
                try await auditor.review(receipt.filingId, "reject", reason: "x")
            })
            #expect(denied.code == .permissionDenied)
            let listed = try await auditor.list().filings.first
            #expect(listed?.idNumberMasked.contains("*") == true)
            #expect(listed?.mobileMasked == "138****8000")
        }
    }
}

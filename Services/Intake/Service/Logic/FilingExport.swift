import BeianModel

/// The county spreadsheet of filings (备案台账导出): one row per filing, personal numbers always
/// masked, headers in Chinese with the English name in the same cell.
package enum FilingExport {
    /// What one row is made of.
    package struct Input: Sendable {
        /// The filing (its current state; versions not needed).
        package var record: IntakeFiling
        /// Its uploaded materials.
        package var uploaded: [MaterialInfo]
        /// The office and filing id it was transferred to, if it was.
        package var transferredTo: String?

        /// Creates an input.
        package init(record: IntakeFiling, uploaded: [MaterialInfo] = [], transferredTo: String? = nil) {
            self.record = record
            self.uploaded = uploaded
            self.transferredTo = transferredTo
        }
    }

    /// The column headers.
    package static let headers = [
        "备案受理编号 Filing ID", "备案号 Filing number", "状态 Status", "对象类型 Object kind", "平台 Platform",
        "名称 Account name", "账号 Account ID", "备案人类型 Operator kind", "备案人 Operator", "单位类型 Unit type",
        "政务/非政务 Government", "证件号码 ID number (masked)", "手机 Mobile (masked)", "属地网信办 Local office",
        "关注量 Followers", "注册日期 Registration date", "提交日期 Submitted", "截止日期 Due date",
        "时限 Timeliness", "逾期天数 Days late", "身份核验 Verification", "缺少材料 Missing materials",
        "移交 Transferred to",
    ]

    /// The header record (with the byte-order mark when it starts the file).
    package static func header(byteOrderMark: Bool = true) -> String {
        (byteOrderMark ? CSVWriter.byteOrderMark : "") + CSVWriter.record(headers)
    }

    /// The fields of one filing, in `headers` order.
    package static func fields(_ input: Input, profile: PolicyProfile) -> [String] {
        let record = input.record
        let filing = record.filing
        var platform = "", accountID = "", followers = ""
        switch filing.object {
        case .account(let account):
            platform = IntakeLabels.platform(account)
            accountID = account.accountId
            followers = account.followers.map(String.init) ?? ""
        case .website(let site): accountID = site.domain
        case .app(let app): accountID = app.packageName ?? ""
        case .miniProgram(let program):
            platform = program.hostPlatform
            accountID = program.appId ?? ""
        }
        var unitType = ""
        if case .unit(let unit) = filing.operator { unitType = unit.unitType.zh }
        let missing = FilingMaterials.check(profile: profile, filing: filing, uploaded: input.uploaded).missing
        return [
            filing.id, filing.filingNumber ?? "", filing.status.zh, filing.object.kind.zh, platform, filing.object.name,
            accountID, IntakeLabels.operatorKind(filing.operator.kind), filing.operator.name, unitType,
            IntakeLabels.government(filing.operator.isGovernment), FilingMasking.listedIDNumber(filing.operator),
            FilingMasking.listedMobile(filing.operator),
            IntakeLabels.localOffice(filing.localOfficeCode, profile: profile),
            followers, filing.object.registrationDate?.iso ?? "", record.submittedOn.iso,
            record.deadline?.dueDate?.iso ?? "", record.deadline.map { IntakeLabels.timeliness($0.timeliness) } ?? "",
            record.deadline?.daysLate.map(String.init) ?? "", IntakeLabels.verification(record.verification.state),
            missing.map(\.wording).joined(separator: "；"), input.transferredTo ?? "",
        ]
    }

    /// The CSV record of one filing.
    package static func row(_ input: Input, profile: PolicyProfile) -> String {
        CSVWriter.record(fields(input, profile: profile))
    }
}

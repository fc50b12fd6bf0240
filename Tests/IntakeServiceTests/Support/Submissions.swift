import TestSupport
import BeianModel

/// Submissions from the five seeds, as an operator's client would send them.
enum Submissions {
    /// An individual's account. `region` is where the ID was issued.
    static func individualAccount(
        name: String, platform: String = "douyin", followers: Int? = nil, region: String, sequence: Int = 123,
        registered: String? = nil, mobile: String = "13800138000", idNumber: String? = nil,
        materials: [MaterialInput]? = nil
    ) -> FilingSubmission {
        FilingSubmission(
            operator: OperatorInput(kind: "individual", name: "林小平",
                                    idNumber: idNumber ?? TestIdentityNumbers.resident(region: region, sequence: sequence),
                                    mobile: mobile, wechat: "linxp_2024"),
            object: ObjectInput(kind: "account", name: name, platform: platform, accountId: "acct\(sequence)-\(accountSuffix(name))",
                                businessScope: ["social_information"], forms: ["video"], registrationDate: registered,
                                followers: followers,
                                administrators: [AdministratorInput(name: "林小平", mobile: "13900139000",
                                                                    email: "lin@example.cn")]),
            materials: materials)
    }

    /// A unit's account (government when `unitType` is `organ`).
    static func unitAccount(name: String, platform: String = "wechat_official_account", region: String,
                            unitType: String = "organ", registered: String? = nil, sequence: Int = 321,
                            hasNewsLicence: Bool = false) -> FilingSubmission {
        FilingSubmission(
            operator: OperatorInput(
                kind: "unit", name: "个旧市某某局", unitType: unitType,
                creditCode: TestIdentityNumbers.creditCode(region: region),
                responsiblePerson: PersonInput(name: "张明", idNumber: TestIdentityNumbers.resident(region: region,
                                                                                                  sequence: sequence),
                                               mobile: "13700137000")),
            object: ObjectInput(kind: "account", name: name, platform: platform, accountId: "unit\(sequence)-\(accountSuffix(name))",
                                registrationDate: registered, hasNewsLicence: hasNewsLicence,
                                administrators: [AdministratorInput(name: "李华", mobile: "13600136000")]))
    }

    /// An app (Xingtai refers apps to the national public-security platform).
    static func app(name: String, region: String) -> FilingSubmission {
        FilingSubmission(
            operator: OperatorInput(kind: "individual", name: "赵强",
                                    idNumber: TestIdentityNumbers.resident(region: region), mobile: "13500135000"),
            object: ObjectInput(kind: "app", name: name,
                                administrators: [AdministratorInput(name: "赵强", mobile: "13500135000")]))
    }
}

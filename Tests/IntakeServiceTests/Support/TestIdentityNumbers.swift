import BeianModel

/// Valid and invalid identity numbers for tests (`IdentityGenerator`, correct check characters).
enum TestIdentityNumbers {
    static let birth = IdentityDate(year: 1990, month: 3, day: 7)!

    /// A resident ID number issued in `region`.
    static func resident(region: String, sequence: Int = 123) -> String {
        IdentityGenerator.residentID(region: Int(region)!, birth: birth, sequence: sequence)
    }

    /// The same number with a wrong check character.
    static func residentWithBadCheck(region: String, sequence: Int = 123) -> String {
        let valid = resident(region: region, sequence: sequence)
        return String(valid.dropLast()) + (valid.last == "1" ? "2" : "1")
    }

    /// A unified social credit code of a government organ (机构编制, 机关) registered in `region`.
    static func creditCode(region: String, body: String = "MA5AB12C") -> String {
        IdentityGenerator.unifiedSocialCreditCode(authority: "1", type: "1", region: Int(region)!,
                                                  organizationBody: body)
    }
}

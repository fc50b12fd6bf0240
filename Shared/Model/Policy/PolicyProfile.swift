/// Policy profile (备案规则): one office's rulebook as data, taken from its notice.
///
/// The five shipped profiles live in `Shared/ReferenceData/Resources/profiles/`; a deployment
/// may replace them without rebuilding. `ProfileValidator` checks a decoded profile.
package struct PolicyProfile: Hashable, Sendable, Codable {
    /// Division code of the office's territory (e.g. `440783`); the profile's key.
    package var officeCode: String
    /// Office name in Chinese (e.g. 开平市互联网信息办公室).
    package var nameZh: String
    /// Office name in English.
    package var nameEn: String
    /// Short place name used in filing numbers and messages (e.g. 开平).
    package var shortName: String
    /// The one-character province abbreviation (e.g. 粤).
    package var provinceAbbreviation: String
    /// The parent division (e.g. 江门市 440700).
    package var parent: DivisionRef?
    /// Telephone area code (区号), for the local numbers the notice prints.
    package var areaCode: String
    /// The notice this profile transcribes.
    package var source: SourceDocument
    /// The office's own contact (地址、邮箱、电话、联系人).
    package var contact: OfficeContact
    /// The territory: division codes and place names.
    package var territory: Territory
    /// Object kinds and how each is treated (filed here, or referred elsewhere).
    package var objects: [ObjectScopeRule]
    /// Platforms the notice names.
    package var platforms: [Platform]
    /// Whether accounts on platforms the notice does not name are in scope too (…等 / 包括但不限于).
    package var otherPlatformsInScope: Bool
    /// The any-of scope conditions (符合以上任意一条).
    package var scopeConditions: [ScopeCondition]
    /// Follower thresholds (粉丝量…以上).
    package var followerThresholds: [FollowerThreshold]
    /// The concentrated filing window (集中备案期), if any.
    package var window: FilingWindow?
    /// Deadlines for new accounts, changes, closures and government-media approvals.
    package var deadlines: [DeadlineRule]
    /// Required materials per operator kind.
    package var materials: [MaterialRule]
    /// The sanction ladder, in the notice's order and wording.
    package var sanctions: [SanctionStep]
    /// What triggers sanctions, in the notice's words.
    package var sanctionTriggers: [String]
    /// How filing numbers are formed.
    package var filingNumber: FilingNumberFormat
    /// Local offices (属地) and what each covers; empty when the office handles everything.
    package var localOffices: [LocalOffice]
    /// Notes on how the notice was read (decisions made while transcribing).
    package var notes: [String]
}

/// A division by code and name.
package struct DivisionRef: Hashable, Sendable, Codable {
    /// 6-digit division code.
    package var code: String
    /// Name.
    package var name: String
}

/// The notice a profile transcribes.
package struct SourceDocument: Hashable, Sendable, Codable {
    /// File name under `/work/shared/seeds/` (e.g. `001_d96a76dffb2c203b.txt`).
    package var seedFile: String
    /// Title of the document.
    package var title: String
    /// Issuing body as signed.
    package var issuer: String
    /// Date of the document as signed.
    package var date: CivilDate?
    /// Date it takes effect, when stated.
    package var effectiveDate: CivilDate?
    /// Remarks on the date or source.
    package var note: String?
}

/// Contact of an office.
package struct OfficeContact: Hashable, Sendable, Codable {
    /// Postal address.
    package var address: String?
    /// E-mail for filings.
    package var email: String?
    /// Phone as printed (local number; see `PolicyProfile.areaCode`).
    package var phone: String?
    /// Contact people.
    package var people: [String]
    /// Office hours, when printed.
    package var hours: String?
}

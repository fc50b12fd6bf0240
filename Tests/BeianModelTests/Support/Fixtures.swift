import BeianModel
import BeianReferenceData
import Foundation
import Testing

/// Shared fixtures: the bundled reference data (loaded once) and small builders.
enum Fixtures {
    static let loaded: Result<ReferenceData, ReferenceDataError> = Result { () throws(ReferenceDataError) in
        try ReferenceData.loadBundled()
    }

    static func data() throws -> ReferenceData { try loaded.get() }

    static func profile(_ code: String) throws -> PolicyProfile {
        try #require(try data().profile(officeCode: code), "no profile \(code)")
    }

    static func calendar() throws -> WorkingDayCalendar { try data().calendar }

    static let shangluo = "611000", kaiping = "440783", hengdong = "430424", xingtai = "130500", gejiu = "532501"

    static func date(_ text: String) -> CivilDate {
        do { return try CivilDate(iso: text) } catch { fatalError("bad test date \(text)") }
    }

    static func person(_ name: String = "林小明", id: String = "110101199003071234", workUnit: String? = nil,
                       publicServant: Bool = false, official: Bool = false) -> Operator {
        .individual(IndividualOperator(name: name, idNumber: id, mobile: "13800138000", workUnit: workUnit,
                                       isPublicServant: publicServant, officialCapacity: official))
    }

    static func unit(_ name: String, creditCode: String? = nil, address: String? = nil, type: UnitType = .enterprise,
                     sector: PublicSector? = nil, responsibleID: String = "110101199003071234") -> Operator {
        .unit(UnitOperator(name: name, unitType: type, publicSector: sector, creditCode: creditCode, address: address,
                           responsiblePerson: ResponsiblePerson(name: "王五", idNumber: responsibleID, mobile: "13900139000")))
    }

    static func account(_ name: String, _ platform: Platform = .douyin, followers: Int? = nil) -> FilingObject {
        .account(PlatformAccount(platform: platform, name: name, accountId: "acct01", followers: followers,
                                 administrators: [Administrator(name: "李四", mobile: "13700137000")]))
    }
}

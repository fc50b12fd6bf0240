/// Person numbers: resident identity numbers (GB 11643-1999), residence permits of Hong Kong,
/// Macao and Taiwan residents, foreigners' permanent residence cards (2023), legacy 15-digit numbers.
///
/// The 2023 foreigner's permanent residence card (外国人永久居留身份证, issued from 2023-12-01):
/// verified from the National Immigration Administration's adaptation notice (新版外国人永久居留身份证
/// 机读信息规则, 2023): 18 characters, 17 digits and a check character computed with MOD 11-2 as for
/// resident identity numbers; first digit 9 as the foreigner mark (citizens' numbers start 1-8);
/// the old 3-letter nationality code became a number. The layout of the rest — digits 2-3 the
/// province of the accepting office, 4-6 the nationality (ISO 3166-1 numeric), 7-14 the birth date,
/// 15-17 a sequence — and gender from the parity of digit 17 are as implemented by public
/// libraries citing GA 2102-2023 (hutool #3527, #4288); the GA 2102-2023 text itself was not
/// available to check. The nationality code is reported, not checked against a country list.
///
/// Checking is split in two: `readPerson` works on the bytes only (integers and table indexes,
/// no strings, no reference counting) and decides validity; `person18`/`legacyResident` then
/// turn a reading into reasons and facts. `verdict(_:today:)` stops after the reading.
extension IdentityValidator {
    /// What the bytes of a person number say, without any strings.
    struct PersonReading {
        var kind: IdentityKind
        var year = 0, month = 0, day = 0
        var badMonth = false, badDay = false, before1900 = false, inFuture = false
        /// Index into the registry's facts, or -1 when the code is unknown (or not a province
        /// for a foreigner's card).
        var factIndex = -1
        var retiredAfter = Int.max
        var expectedCheck: UInt8 = 0
        var foundCheck: UInt8 = 0
        var male = false

        var realDate: Bool { !badMonth && !badDay }
        var valid: Bool {
            !badMonth && !badDay && !before1900 && !inFuture && factIndex >= 0 && expectedCheck == foundCheck
        }
        /// How many reasons `person18`/`legacyResident` will give (auto-detected kind).
        var reasonCount: Int {
            (badMonth ? 1 : 0) + (badDay ? 1 : 0) + (before1900 ? 1 : 0) + (inFuture ? 1 : 0)
                + (factIndex < 0 ? 1 : 0) + (expectedCheck != foundCheck ? 1 : 0)
        }
    }

    /// Reads 18 digit bytes (last may be X) or, with `legacy`, 15 digit bytes.
    @inline(__always)
    func readPerson(_ bytes: UnsafeBufferPointer<UInt8>, legacy: Bool, today: IdentityDate) -> PersonReading {
        var reading = PersonReading(kind: legacy ? .legacyResidentID : Self.personKind(bytes))
        if legacy {
            reading.year = 1900 + Self.value(bytes, 6, 2)
            reading.month = Self.value(bytes, 8, 2)
            reading.day = Self.value(bytes, 10, 2)
            reading.male = bytes[14] & 1 == 1
        } else {
            reading.year = Self.value(bytes, 6, 4)
            reading.month = Self.value(bytes, 10, 2)
            reading.day = Self.value(bytes, 12, 2)
            reading.male = bytes[16] & 1 == 1
            reading.expectedCheck = IdentityChecksum.residentCheckCharacter(bytes)!
            reading.foundCheck = bytes[17]
        }
        let (year, month, day) = (reading.year, reading.month, reading.day)
        reading.badMonth = month < 1 || month > 12
        reading.badDay = !reading.badMonth && (day < 1 || day > IdentityDate.daysInMonth(year: year, month: month))
        reading.before1900 = year < 1900
        reading.inFuture = reading.realDate && year * 10_000 + month * 100 + day > today.yyyymmdd
        let code = reading.kind == .foreignPermanentResidentID ? Self.value(bytes, 1, 2) * 10_000 : Self.value(bytes, 0, 6)
        if let (index, retiredAfter) = divisions.regionFactIndex(code, year: year) {
            reading.factIndex = index
            reading.retiredAfter = retiredAfter
        }
        return reading
    }

    /// Checks an 18-character person number as `result.kind` (ASCII alphanumeric bytes), filling
    /// `result` in place (results are large; building them in place saves copies on the hot path).
    func person18(_ bytes: UnsafeBufferPointer<UInt8>, today: IdentityDate, into result: inout IdentityCheck) {
        let kind = result.kind
        guard bytes.count == 18, Self.isDigitsWithCheck(bytes) else {
            result.reasons = Self.shapeIssues(bytes, as: kind)
            return
        }
        let reading = readPerson(bytes, legacy: false, today: today)
        var reasons: [IdentityIssue] = []
        if reading.kind != kind {
            reasons.append(IdentityIssue(.kindMismatch, expected: kind.rawValue, found: reading.kind.rawValue))
        }
        describeDate(reading, bytes: bytes, today: today, reasons: &reasons)
        var person = IdentityCheck.Person(birthDate: reading.realDate ? Self.isoDate(reading) : nil,
                                          gender: reading.male ? .male : .female)
        var warnings: [IdentityIssue] = []
        if reading.kind == .foreignPermanentResidentID {
            // 9 + two-digit province of the accepting office + three-digit nationality code.
            person.region = describeRegion(reading, bytes: bytes, foreigner: true, reasons: &reasons, warnings: &warnings)
            person.nationalityCode = Self.text(bytes, 3, 3)
        } else {
            person.region = describeRegion(reading, bytes: bytes, foreigner: false, reasons: &reasons, warnings: &warnings)
        }
        if reading.expectedCheck != reading.foundCheck {
            reasons.append(.badCheckCharacter(expected: Character(Unicode.Scalar(reading.expectedCheck)),
                                              found: Character(Unicode.Scalar(reading.foundCheck)), at: 18))
        }
        result.set(reasons: reasons, warnings: warnings, person: person)
    }

    /// The result of a valid 18-character person number from its reading (no bytes needed:
    /// the nationality code of a foreigner's card is read from `normalized`).
    func validPerson(_ reading: PersonReading, normalized: String, alsoCreditCode: Bool) -> IdentityCheck {
        let foreigner = reading.kind == .foreignPermanentResidentID
        if !foreigner, !alsoCreditCode, reading.retiredAfter >= reading.year {
            // The common case, built in one expression so that nothing is copied and destroyed.
            return IdentityCheck(kind: reading.kind, normalized: normalized, warnings: [], validPerson: IdentityCheck.Person(
                birthDate: Self.isoDate(reading), gender: reading.male ? .male : .female,
                region: divisions.facts[reading.factIndex]))
        }
        let region = divisions.facts[reading.factIndex]
        var person = IdentityCheck.Person(birthDate: Self.isoDate(reading), gender: reading.male ? .male : .female,
                                          region: region)
        if foreigner {
            let utf8 = normalized.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: 3), end = utf8.index(utf8.startIndex, offsetBy: 6)
            person.nationalityCode = String(utf8[start..<end])
        }
        var warnings: [IdentityIssue] = []
        if reading.retiredAfter < reading.year {
            warnings.append(IdentityIssue(.regionRetiredBeforeBirth, position: foreigner ? 2 : 1,
                                          expected: String(reading.retiredAfter), found: region.code))
        }
        if alsoCreditCode {
            warnings.append(IdentityIssue(.ambiguousKind, found: IdentityKind.unifiedSocialCreditCode.rawValue))
        }
        return IdentityCheck(kind: reading.kind, normalized: normalized, warnings: warnings, validPerson: person)
    }

    /// Checks a legacy 15-digit number (address code, YYMMDD in the 1900s, 3-digit sequence) and
    /// builds its 18-character form: "19" inserted before the year, MOD 11-2 check appended.
    func legacyResident(_ bytes: UnsafeBufferPointer<UInt8>, today: IdentityDate, into result: inout IdentityCheck) {
        guard bytes.count == 15, Self.isDigits(bytes) else {
            result.reasons = Self.shapeIssues(bytes, as: .legacyResidentID)
            return
        }
        let reading = readPerson(bytes, legacy: true, today: today)
        var reasons: [IdentityIssue] = []
        var warnings: [IdentityIssue] = []
        describeDate(reading, bytes: bytes, today: today, reasons: &reasons)
        let region = describeRegion(reading, bytes: bytes, foreigner: false, reasons: &reasons, warnings: &warnings)
        result.upgraded = String(unsafeUninitializedCapacity: 18) { buffer in
            for index in 0..<6 { buffer[index] = bytes[index] }
            buffer[6] = UInt8(ascii: "1")
            buffer[7] = UInt8(ascii: "9")
            for index in 6..<15 { buffer[index + 2] = bytes[index] }
            buffer[17] = IdentityChecksum.residentCheckCharacter(UnsafeBufferPointer(buffer))!
            return 18
        }
        result.person = IdentityCheck.Person(birthDate: reading.realDate ? Self.isoDate(reading) : nil,
                                             gender: reading.male ? .male : .female, region: region)
        result.reasons = reasons
        result.warnings = warnings
    }

    /// Date reasons of a reading: bad month or day, before 1900, after today.
    @inline(__always)
    private func describeDate(_ reading: PersonReading, bytes: UnsafeBufferPointer<UInt8>, today: IdentityDate,
                              reasons: inout [IdentityIssue]) {
        guard reading.badMonth || reading.badDay || reading.before1900 || reading.inFuture else { return }
        let legacy = bytes.count == 15
        let found = legacy ? "19" + Self.text(bytes, 6, 6) : Self.text(bytes, 6, 8)
        let (yearAt, monthAt, dayAt) = legacy ? (7, 9, 11) : (7, 11, 13)
        if reading.badMonth { reasons.append(IdentityIssue(.badBirthMonth, position: monthAt, found: found)) }
        if reading.badDay { reasons.append(IdentityIssue(.badBirthDay, position: dayAt, found: found)) }
        if reading.before1900 { reasons.append(IdentityIssue(.birthDateBefore1900, position: yearAt, found: found)) }
        if reading.inFuture {
            reasons.append(IdentityIssue(.birthDateInFuture, position: yearAt, expected: today.description, found: found))
        }
    }

    /// The region fact of a reading; `unknown_region` when the code is not a known division (for a
    /// foreigner's card: not a known province), a warning when it was retired before the birth year.
    @inline(__always)
    private func describeRegion(_ reading: PersonReading, bytes: UnsafeBufferPointer<UInt8>, foreigner: Bool,
                                reasons: inout [IdentityIssue], warnings: inout [IdentityIssue]) -> IdentityCheck.Region {
        guard reading.factIndex >= 0 else {
            let written = foreigner ? Self.text(bytes, 1, 2) + "0000" : Self.text(bytes, 0, 6)
            reasons.append(.unknownRegion(written, at: foreigner ? 2 : 1))
            return IdentityCheck.Region(code: written)
        }
        let region = divisions.facts[reading.factIndex]
        if reading.retiredAfter < reading.year {
            warnings.append(IdentityIssue(.regionRetiredBeforeBirth, position: foreigner ? 2 : 1,
                                          expected: String(reading.retiredAfter), found: region.code))
        }
        return region
    }

    /// YYYY-MM-DD of a reading's date, built in place (a small string: no allocation).
    @inline(__always)
    static func isoDate(_ reading: PersonReading) -> String {
        let (year, month, day) = (reading.year, reading.month, reading.day)
        return String(unsafeUninitializedCapacity: 10) { buffer in
            buffer[0] = UInt8(48 + year / 1000 % 10)
            buffer[1] = UInt8(48 + year / 100 % 10)
            buffer[2] = UInt8(48 + year / 10 % 10)
            buffer[3] = UInt8(48 + year % 10)
            buffer[4] = UInt8(ascii: "-")
            buffer[5] = UInt8(48 + month / 10)
            buffer[6] = UInt8(48 + month % 10)
            buffer[7] = UInt8(ascii: "-")
            buffer[8] = UInt8(48 + day / 10)
            buffer[9] = UInt8(48 + day % 10)
            return 10
        }
    }
}

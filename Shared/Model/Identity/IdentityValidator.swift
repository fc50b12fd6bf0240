/// Validates identity numbers and organization codes: resident identity numbers (GB 11643-1999),
/// legacy 15-digit numbers, Hong Kong / Macao / Taiwan residence permits, foreigners' permanent
/// residence cards (2023), organization codes (GB 11714-1997) and unified social credit codes
/// (GB 32100-2015).
///
/// Input is normalized first (`normalize(_:)`); then the work is done on the UTF-8 bytes with
/// precomputed tables and an array-indexed division look-up, without Foundation, so that a
/// resident identity number is checked in well under a microsecond. Pure: `today` is a
/// parameter and the division table is given at construction.
package struct IdentityValidator: Sendable {
    /// The division table used to check address and registration codes.
    package let divisions: DivisionRegistry

    /// A validator over a division table.
    package init(divisions: DivisionRegistry) {
        self.divisions = divisions
    }

    /// Detects the kind from the shape of the normalized input and validates it as that kind.
    ///
    /// 18 characters of digits (the last may be X) are a resident identity number, a residence
    /// permit (810000/820000/830000) or a foreigner's card (first digit 9) — or, if that reading
    /// fails and the credit code reading succeeds, a credit code; 18 characters with other letters
    /// are a credit code; 15 digits a legacy number; 9 characters an organization code; anything
    /// else is `unrecognized` with a reason.
    package func validate(_ input: String, today: IdentityDate) -> IdentityCheck {
        // Fast path: a person number typed canonically (18 digits, the last may be X: what
        // normalization leaves as it is) is read on the input's bytes, without normalizing.
        var text = input
        let canonical: IdentityCheck? = text.withUTF8 { bytes in
            guard bytes.count == 18, Self.isDigitsWithCheck(bytes) else { return nil }
            let reading = readPerson(bytes, legacy: false, today: today)
            if reading.valid { return validPerson(reading, normalized: input, alsoCreditCode: isValidCreditCode(bytes)) }
            return detectAndCheck(bytes, normalized: input, today: today)
        }
        if let canonical { return canonical }
        let normalized = Self.normalize(input)
        text = normalized
        return text.withUTF8 { bytes in detectAndCheck(bytes, normalized: normalized, today: today) }
    }

    /// The auto-detecting check without the fast path of `validate(_:today:)`: normalize, then
    /// detect and check (the reference the tests hold the fast path against).
    func validateWithoutFastPath(_ input: String, today: IdentityDate) -> IdentityCheck {
        var normalized = Self.normalize(input)
        let copy = normalized
        return normalized.withUTF8 { bytes in detectAndCheck(bytes, normalized: copy, today: today) }
    }

    /// Validates the input as one kind; a number of another kind of the same family (a permit
    /// checked as a resident identity number) gets a `kind_mismatch` reason.
    package func validate(_ input: String, as kind: IdentityKind, today: IdentityDate) -> IdentityCheck {
        if kind == .unrecognized { return validate(input, today: today) }
        let normalized = Self.normalize(input)
        var text = normalized
        return text.withUTF8 { bytes in check(bytes, normalized: normalized, as: kind, today: today) }
    }

    /// The auto-detecting check on the normalized bytes (results are built in place and moved
    /// out, not copied: they are large).
    private func detectAndCheck(_ bytes: UnsafeBufferPointer<UInt8>, normalized: String,
                                today: IdentityDate) -> IdentityCheck {
        var result = IdentityCheck(kind: .unrecognized, normalized: normalized)
        if bytes.isEmpty {
            result.reasons = [.empty]
        } else if !Self.isASCIIAlphanumeric(bytes) {
            result.kind = Self.guessKind(nonASCII: normalized)
            shapeFailure(into: &result)
        } else {
            switch bytes.count {
            case 18 where Self.isDigitsWithCheck(bytes):
                personOrCreditCode(bytes, today: today, into: &result)
            case 18:
                result.kind = .unifiedSocialCreditCode
                creditCode(bytes, into: &result)
            case 15 where Self.isDigits(bytes):
                result.kind = .legacyResidentID
                legacyResident(bytes, today: today, into: &result)
            case 9:
                result.kind = .organizationCode
                organizationCode(bytes, into: &result)
            default:
                result.reasons = [IdentityIssue(.unrecognizedShape, found: String(bytes.count))]
            }
        }
        return result
    }

    /// The check as one kind on the normalized bytes.
    private func check(_ bytes: UnsafeBufferPointer<UInt8>, normalized: String, as kind: IdentityKind,
                       today: IdentityDate) -> IdentityCheck {
        var result = IdentityCheck(kind: kind, normalized: normalized)
        if bytes.isEmpty {
            result.reasons = [.empty]
        } else if !Self.isASCIIAlphanumeric(bytes) {
            shapeFailure(into: &result)
        } else {
            switch kind {
            case .residentID, .residencePermit, .foreignPermanentResidentID:
                person18(bytes, today: today, into: &result)
            case .legacyResidentID:
                legacyResident(bytes, today: today, into: &result)
            case .organizationCode:
                organizationCode(bytes, into: &result)
            case .unifiedSocialCreditCode, .unrecognized:
                creditCode(bytes, into: &result)
            }
        }
        return result
    }

    /// Kind and validity only, without facts, reasons or messages: the fast path for bulk
    /// screening. Person-shaped numbers (digits, 15 or 18) and credit codes in their alphabet are
    /// decided on their bytes alone, with the same choice between person and credit code readings
    /// as `validate(_:today:)`; other shapes go through `validate`. The answer always equals `validate`'s kind and validity.
    package func verdict(_ input: String, today: IdentityDate) -> IdentityVerdict {
        let normalized = Self.normalize(input)
        var text = normalized
        let fast: IdentityVerdict? = text.withUTF8 { bytes in
            if bytes.count == 18, Self.isDigitsWithCheck(bytes) {
                let reading = readPerson(bytes, legacy: false, today: today)
                if reading.valid { return IdentityVerdict(kind: reading.kind, valid: true) }
                let credit = creditCodeReasonCount(digits: bytes)
                if credit == 0 { return IdentityVerdict(kind: .unifiedSocialCreditCode, valid: true) }
                return IdentityVerdict(kind: credit < reading.reasonCount ? .unifiedSocialCreditCode : reading.kind,
                                       valid: false)
            }
            if bytes.count == 15, Self.isDigits(bytes) {
                let reading = readPerson(bytes, legacy: true, today: today)
                return IdentityVerdict(kind: .legacyResidentID, valid: reading.valid)
            }
            // 18 characters with letters: a credit code; in its alphabet it is decided here.
            if bytes.count == 18, Self.isASCIIAlphanumeric(bytes), (2..<8).allSatisfy({ Self.isDigit(bytes[$0]) }),
               let check = IdentityChecksum.creditCodeCheckCharacter(bytes) {
                return IdentityVerdict(kind: .unifiedSocialCreditCode, valid: check == bytes[17] && isValidCreditCode(bytes))
            }
            return nil
        }
        if let fast { return fast }
        let full = validate(normalized, today: today)
        return IdentityVerdict(kind: full.kind, valid: full.valid)
    }

    /// The kind the input's shape suggests, without checking it (see `validate(_:today:)`).
    package static func detectKind(_ input: String) -> IdentityKind {
        var normalized = normalize(input)
        let guess = guessKind(nonASCII: normalized)
        return normalized.withUTF8 { bytes in
            guard isASCIIAlphanumeric(bytes) else { return guess }
            switch bytes.count {
            case 18 where isDigitsWithCheck(bytes): return personKind(bytes)
            case 18: return .unifiedSocialCreditCode
            case 15 where isDigits(bytes): return .legacyResidentID
            case 9: return .organizationCode
            default: return .unrecognized
            }
        }
    }

    /// Person-family reading first (the common case); a credit code reading when that fails.
    private func personOrCreditCode(_ bytes: UnsafeBufferPointer<UInt8>, today: IdentityDate,
                                    into result: inout IdentityCheck) {
        result.kind = Self.personKind(bytes)
        person18(bytes, today: today, into: &result)
        if result.valid {
            if isValidCreditCode(bytes) {
                result.warnings.append(
                    IdentityIssue(.ambiguousKind, found: IdentityKind.unifiedSocialCreditCode.rawValue))
            }
            return
        }
        // Count the credit code reading's reasons first (no allocations); build it only if it can win.
        let creditReasons = creditCodeReasonCount(digits: bytes)
        guard creditReasons == 0 || creditReasons < result.reasons.count else { return }
        var credit = IdentityCheck(kind: .unifiedSocialCreditCode, normalized: result.normalized)
        creditCode(bytes, into: &credit)
        if credit.valid {
            credit.warnings.append(IdentityIssue(.personNumberShape, found: result.kind.rawValue))
            result = credit
        } else if credit.reasons.count < result.reasons.count {
            result = credit
        }
    }
}

/// Kind and validity of a number, without facts (see `IdentityValidator.verdict(_:today:)`).
package struct IdentityVerdict: Sendable, Hashable {
    /// The detected kind.
    package var kind: IdentityKind
    /// Whether it is valid for that kind.
    package var valid: Bool
}

/// The issues the identity validators report: codes and factories.
extension IdentityIssue.Code {
    /// Nothing left to check after normalization (空号码).
    package static let empty = Self(rawValue: "empty")
    /// Not the number of characters of the kind; `expected` and `found` hold the lengths.
    package static let wrongLength = Self(rawValue: "wrong_length")
    /// A character not allowed at its position; `found` holds it, `expected` the allowed class.
    package static let badCharacter = Self(rawValue: "bad_character")
    /// The birth month is not 01...12; `found` holds the 8-digit date.
    package static let badBirthMonth = Self(rawValue: "bad_birth_month")
    /// The birth day does not exist in that month; `found` holds the 8-digit date.
    package static let badBirthDay = Self(rawValue: "bad_birth_day")
    /// The birth date is after `today`; `found` the date, `expected` today.
    package static let birthDateInFuture = Self(rawValue: "birth_date_in_future")
    /// The birth date is before 1900-01-01; `found` the date.
    package static let birthDateBefore1900 = Self(rawValue: "birth_date_before_1900")
    /// The address or registration code is no known administrative division; `found` the code.
    package static let unknownRegion = Self(rawValue: "unknown_region")
    /// The check character is wrong; `expected` the right one, `found` the one given.
    package static let badCheckCharacter = Self(rawValue: "bad_check_character")
    /// The number is of another kind than the one asked for; `expected`/`found` are kind names.
    package static let kindMismatch = Self(rawValue: "kind_mismatch")
    /// Unknown registration authority code (登记管理部门代码) in a credit code; `found` the code.
    package static let unknownRegistrationAuthority = Self(rawValue: "unknown_registration_authority")
    /// Organization type code (机构类别代码) not defined for the authority; `found` both codes.
    package static let unknownOrganizationType = Self(rawValue: "unknown_organization_type")
    /// Not the shape of any known kind; `found` the length.
    package static let unrecognizedShape = Self(rawValue: "unrecognized_shape")

    // Warnings

    /// Warning: the organization code inside a credit code fails its own GB 11714 check.
    package static let embeddedOrganizationCodeCheck = Self(rawValue: "embedded_organization_code_check")
    /// Warning: a credit code's registration region is not in the division list, but its
    /// prefecture is (locally assigned codes of development zones, e.g. 320594).
    package static let regionNotInDivisionList = Self(rawValue: "region_not_in_division_list")
    /// Warning: the address code was retired before the birth year; `found` code, `expected` last year.
    package static let regionRetiredBeforeBirth = Self(rawValue: "region_retired_before_birth")
    /// Warning: an authority/type pair assigned after GB 32100-2015's table was published.
    package static let organizationTypeNotInStandardTable = Self(rawValue: "organization_type_not_in_standard_table")
    /// Warning: the number also reads as a valid number of another kind; `found` that kind.
    package static let ambiguousKind = Self(rawValue: "ambiguous_kind")
    /// Warning: an all-digit credit code that is also the shape of a person number (as which it
    /// is invalid): it may be a mistyped identity number; `found` the person kind.
    package static let personNumberShape = Self(rawValue: "person_number_shape")
}

extension IdentityIssue {
    /// Allowed-character classes named in `badCharacter` issues (`expected`).
    package enum CharacterClass {
        /// 0-9.
        package static let digit = "digit"
        /// 0-9 or X (a MOD 11-2 check character).
        package static let digitOrX = "digit_or_x"
        /// 0-9 or A-Z (organization code body).
        package static let codeCharacter = "code_character"
        /// 0-9 or A-Z without I, O, Z, S, V (统一社会信用代码字符集).
        package static let creditCodeCharacter = "credit_code_character"
    }

    /// Nothing to check.
    package static var empty: Self { Self(.empty) }

    /// Wrong number of characters.
    package static func wrongLength(expected: Int, found: Int) -> Self {
        Self(.wrongLength, expected: String(expected), found: String(found))
    }

    /// A character outside `allowed` (one of `CharacterClass`) at a 1-based position.
    package static func badCharacter(_ character: Character, at position: Int, allowed: String) -> Self {
        Self(.badCharacter, position: position, expected: allowed, found: String(character))
    }

    /// Wrong check character at a 1-based position.
    package static func badCheckCharacter(expected: Character, found: Character, at position: Int) -> Self {
        Self(.badCheckCharacter, position: position, expected: String(expected), found: String(found))
    }

    /// An address or registration code that is no known division.
    package static func unknownRegion(_ code: String, at position: Int) -> Self {
        Self(.unknownRegion, position: position, found: code)
    }
}

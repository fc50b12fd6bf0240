/// A local office (属地网信办 / 开发区办公室) and the territory it handles.
package struct LocalOffice: Hashable, Sendable, Codable {
    /// Id within the profile (the division code where it has one, else a short slug).
    package var id: String
    /// Name as printed (桥西区互联网信息办公室).
    package var nameZh: String
    /// Division codes it covers (current and former), matched by prefix like `RegionCode`.
    package var regionCodes: [String]
    /// Place names it covers (each must be a `PlaceName.name` of the territory or one of its forms).
    package var places: [String]
    /// Address.
    package var address: String?
    /// E-mail.
    package var email: String?
    /// Phone as printed.
    package var phone: String?
    /// Contact people.
    package var contacts: [String]
    /// Two-digit code used in filing numbers (`{local}`), when the template uses one.
    package var numberCode: String?
    /// Remark (e.g. renamed district, handles its own zone).
    package var note: String?
}

/// Filing-number format of an office (备案号).
///
/// `template` holds literal text and placeholders: `{year}` (4-digit year of acceptance),
/// `{seq:N}` (the office's yearly sequence, zero-padded to N digits; exactly one),
/// `{local}` (the local office's two-digit `numberCode`, `00` for the city office itself). Example:
/// `粤开平网信备{year}{seq:5}号` → `粤开平网信备202400017号`.
package struct FilingNumberFormat: Hashable, Sendable, Codable {
    /// The template.
    package var template: String
    /// Why this shape (documentation).
    package var note: String?

    /// Creates a format.
    package init(template: String, note: String? = nil) {
        self.template = template
        self.note = note
    }
}

/// CSV text as spreadsheets read it (RFC 4180): fields separated by commas, records ended by
/// CRLF, a field quoted when it holds a comma, a quote, CR or LF (quotes doubled inside).
///
/// Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR)
/// is prefixed with `'`, so that an account named `=HYPERLINK(...)` stays text when the export is
/// opened (CSV injection).
package enum CSVWriter {
    /// The UTF-8 byte-order mark, first in a file so that Excel reads it as UTF-8.
    package static let byteOrderMark = "\u{FEFF}"
    /// The record separator.
    package static let lineEnd = "\r\n"

    /// One record, with its line end.
    package static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + lineEnd
    }

    /// One field, neutralized and quoted as needed.
    package static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

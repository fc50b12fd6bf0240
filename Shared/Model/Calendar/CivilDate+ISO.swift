extension CivilDate: LosslessStringConvertible {
    /// Parses a strict ISO 8601 calendar date `YYYY-MM-DD` (four-digit year, two-digit month and
    /// day, ASCII digits after normalization).
    package init(iso text: String) throws(CivilDateError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else {
            throw CivilDateError(code: "date_format", input: text, message: "expected YYYY-MM-DD")
        }
        do {
            try self.init(year: y, month: m, day: d)
        } catch {
            throw CivilDateError(code: error.code, input: text, message: error.message)
        }
    }

    /// `init(iso:)` without the error, for `LosslessStringConvertible`.
    package init?(_ description: String) {
        guard let date = try? CivilDate(iso: description) else { return nil }
        self = date
    }

    /// The ISO 8601 form `YYYY-MM-DD`.
    package var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Text for logs and messages.
    package var description: String { iso }
}

extension CivilDate: ISOTextCodable {}

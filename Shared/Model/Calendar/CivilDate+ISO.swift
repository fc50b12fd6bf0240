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
        // Ten ASCII bytes written in place: dates go into every deadline explanation.
        String(unsafeUninitializedCapacity: 10) { buffer in
            func put(_ value: Int, width: Int, at start: Int) {
                var rest = value
                for position in stride(from: start + width - 1, through: start, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(year, width: 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, width: 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(day, width: 2, at: 8)
            return 10
        }
    }

    /// Text for logs and messages.
    package var description: String { iso }
}

extension CivilDate: ISOTextCodable {}

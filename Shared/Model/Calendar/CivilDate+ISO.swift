extension CivilDate: LosslessStringConvertible {
    /// Parses a strict ISO 8601 calendar date `YYYY-MM-DD` (four-digit year, two-digit month and
    /// day, ASCII digits after normalization).
    package init(iso text: String) throws(CivilDateError) {
        // Exactly the ten ASCII bytes `DDDD-DD-DD`: any other character (full-width digits,
        // combining marks) makes the UTF-8 longer or puts a non-digit byte where a digit goes.
        var utf8 = text
        let fields = utf8.withUTF8 { bytes -> (Int, Int, Int)? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                  let y = ISODigits.value(bytes, 0..<4), let m = ISODigits.value(bytes, 5..<7),
                  let d = ISODigits.value(bytes, 8..<10) else { return nil }
            return (y, m, d)
        }
        guard let (y, m, d) = fields else {
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

/// The value of a run of ASCII digits in UTF-8 bytes (the ISO parsers' one primitive).
enum ISODigits {
    /// The number written by `bytes[range]`, or nil if any of them is not an ASCII digit.
    @inline(__always)
    static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}

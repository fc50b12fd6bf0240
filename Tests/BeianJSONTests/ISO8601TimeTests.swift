import Foundation
import Testing
@testable import BeianJSON

/// `ISO8601Time` replaces Foundation's formatter on the wire and in logs: it must agree with it.
@Suite("ISO 8601 date-times without Foundation's formatters")
struct ISO8601TimeTests {
    static func reference() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }

    @Test("formats as Foundation does, over leap years, century days, negative epochs and milliseconds")
    func formatsLikeFoundation() {
        let reference = Self.reference()
        var generator = SystemRandomNumberGenerator()
        var samples: [Int64] = [0, -1, 1, 951_782_400_000, 4_107_542_399_999, -2_208_988_800_000, 1_700_000_000_250]
        for _ in 0..<5_000 { samples.append(Int64.random(in: -5_000_000_000_000...5_000_000_000_000, using: &generator)) }
        for milliseconds in samples {
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            #expect(ISO8601Time.format(date) == reference.string(from: date), "\(milliseconds)")
        }
    }

    @Test("parses what it writes back to the same millisecond")
    func roundTrips() {
        for milliseconds: Int64 in [0, 86_399_999, 951_782_400_000, 1_700_000_000_250, -62_135_596_800_000] {
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let parsed = ISO8601Time.parse(ISO8601Time.format(date))
            #expect(parsed.map { ($0.timeIntervalSince1970 * 1000).rounded() } == Double(milliseconds))
        }
    }

    @Test("accepts zones and fractions", arguments: [
        ("2023-11-14T22:13:20Z", 1_700_000_000_000.0),
        ("2023-11-14T22:13:20.25z", 1_700_000_000_250.0),
        ("2023-11-15T06:13:20.250+08:00", 1_700_000_000_250.0),
        ("2023-11-14T20:13:20-0200", 1_700_000_000_000.0),
        ("2023-11-14T22:13:20.2509999Z", 1_700_000_000_250.0),
    ])
    func acceptsZones(text: String, milliseconds: Double) {
        #expect(ISO8601Time.parse(text).map { ($0.timeIntervalSince1970 * 1000).rounded() } == milliseconds)
    }

    @Test("refuses what is not a date-time", arguments: [
        "", "2023-11-14", "2023-11-14T22:13:20", "2023-13-01T00:00:00Z", "2023-02-29T00:00:00Z",
        "2023-11-14T24:00:00Z", "2023-11-14T22:61:00Z", "2023-11-14T22:13:20Zjunk", "2023-11-14 22:13:20Z",
        "２０２３-11-14T22:13:20Z", "2023-11-14T22:13:20+8",
    ])
    func refuses(text: String) {
        #expect(ISO8601Time.parse(text) == nil)
    }
}

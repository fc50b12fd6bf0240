/// The one key convention of the wire: Swift `camelCase` property names become `snake_case`
/// JSON member names (`idNumber` → `id_number`, `icpNumber` → `icp_number`,
/// `myURLValue` → `my_url_value`, `url2Name` → `url2_name`). Encoding and decoding both convert
/// the Swift name, so the mapping is the same in both directions by construction.
package enum SnakeCase {
    /// Converts a camelCase identifier to snake_case. Names without ASCII capitals are returned as is.
    package static func convert(_ name: String) -> String {
        var hasUpper = false
        for byte in name.utf8 where byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
            hasUpper = true
            break
        }
        guard hasUpper else { return name }
        let utf8 = Array(name.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 4)
        for i in 0..<utf8.count {
            let c = utf8[i]
            if isUpper(c) {
                if i > 0 {
                    let previous = utf8[i - 1]
                    let nextIsLower = i + 1 < utf8.count && isLower(utf8[i + 1])
                    if isLower(previous) || isDigit(previous) || (isUpper(previous) && nextIsLower) {
                        out.append(UInt8(ascii: "_"))
                    }
                }
                out.append(c + 32)
            } else {
                out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always) private static func isUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
    @inline(__always) private static func isLower(_ c: UInt8) -> Bool { c >= 97 && c <= 122 }
    @inline(__always) private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
}

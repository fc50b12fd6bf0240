import Glibc

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

    /// Calls `body` with the snake_case UTF-8 bytes of `name`, without allocating.
    @inline(__always)
    static func withSnakeBytes<R>(_ name: String, _ body: (SnakeBytes) -> R) -> R {
        if let result = name.utf8.withContiguousStorageIfAvailable({ body(SnakeBytes(camel: $0)) }) { return result }
        let copy = Array(name.utf8)
        return copy.withUnsafeBufferPointer { body(SnakeBytes(camel: $0)) }
    }

    /// Whether `snake` (a member name from JSON) is the snake_case form of `camel` (a Swift name).
    static func matches(snake: String, camel: String) -> Bool {
        withSnakeBytes(camel) { generated in
            if let result = snake.utf8.withContiguousStorageIfAvailable({ generated.equals($0) }) { return result }
            return Array(snake.utf8).withUnsafeBufferPointer { generated.equals($0) }
        }
    }

    /// The snake_case bytes of a camelCase name, generated on the fly.
    struct SnakeBytes {
        let camel: UnsafeBufferPointer<UInt8>

        /// Calls `emit` for each output byte in order.
        @inline(__always)
        func forEach(_ emit: (UInt8) -> Void) {
            let count = camel.count
            for i in 0..<count {
                let c = camel[i]
                if c >= 65 && c <= 90 {
                    if i > 0 {
                        let previous = camel[i - 1]
                        let nextIsLower = i + 1 < count && camel[i + 1] >= 97 && camel[i + 1] <= 122
                        let previousIsLower = previous >= 97 && previous <= 122
                        let previousIsDigit = previous >= 48 && previous <= 57
                        let previousIsUpper = previous >= 65 && previous <= 90
                        if previousIsLower || previousIsDigit || (previousIsUpper && nextIsLower) { emit(95) }
                    }
                    emit(c + 32)
                } else {
                    emit(c)
                }
            }
        }

        func equals(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
            var index = 0
            var equal = true
            forEach { byte in
                if equal {
                    if index < other.count && other[index] == byte { index += 1 } else { equal = false }
                }
            }
            return equal && index == other.count
        }
    }

    /// Calls `body` with the snake_case bytes of `name` in a stack buffer (names up to 96 bytes;
    /// longer ones are converted on the heap).
    static func withSnakeKey<R>(_ name: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withSnakeBytes(name) { generated in
            let capacity = generated.camel.count * 2
            guard capacity <= 96 else {
                let converted = Array(convert(name).utf8)
                return converted.withUnsafeBufferPointer(body)
            }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 96) { buffer in
                var count = 0
                generated.forEach { byte in
                    buffer[count] = byte
                    count += 1
                }
                return body(UnsafeBufferPointer(rebasing: buffer[0..<count]))
            }
        }
    }

    /// Whether `key`'s UTF-8 bytes equal `bytes`.
    @inline(__always)
    static func equal(_ key: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard key.utf8.count == bytes.count else { return false }
        if let result = key.utf8.withContiguousStorageIfAvailable({ stored in
            memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        }) {
            return result
        }
        return Array(key.utf8).elementsEqual(bytes)
    }
}

/// A JSON object: members in the order they were parsed or inserted, keys unique.
///
/// Stored as two parallel arrays; look-up is a linear scan, which beats hashing for the small
/// objects of RPC messages. Very large objects are still correct, only slower to search.
package struct JSONObject: Sendable, Hashable {
    package private(set) var keys: [String]
    package private(set) var values: [JSONValue]

    package init() {
        keys = []
        values = []
    }

    package init(minimumCapacity: Int) {
        keys = []
        values = []
        keys.reserveCapacity(minimumCapacity)
        values.reserveCapacity(minimumCapacity)
    }

    package var count: Int { keys.count }
    package var isEmpty: Bool { keys.isEmpty }

    package func index(of key: String) -> Int? {
        keys.firstIndex(of: key)
    }

    /// The member's value, or nil if absent. Setting nil removes the member.
    package subscript(key: String) -> JSONValue? {
        get {
            guard let i = index(of: key) else { return nil }
            return values[i]
        }
        set {
            if let i = index(of: key) {
                if let newValue {
                    values[i] = newValue
                } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// Appends a member known not to be present (the parser checks uniqueness itself).
    package mutating func appendUnchecked(key: String, value: JSONValue) {
        keys.append(key)
        values.append(value)
    }

    package var members: Zip2Sequence<[String], [JSONValue]> { zip(keys, values) }
}

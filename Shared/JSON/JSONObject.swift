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

    /// An object from parallel arrays whose keys the caller guarantees are unique.
    package init(uniqueKeys keys: [String], values: [JSONValue]) {
        precondition(keys.count == values.count)
        self.keys = keys
        self.values = values
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

    /// The value of the member whose name is the snake_case form of the Swift name `camel`
    /// (no string is built for the conversion).
    package func value(forSwiftName camel: String) -> JSONValue? {
        index(forSwiftName: camel, hint: 0).map { values[$0] }
    }

    /// The index of the member named by the Swift name `camel`, trying `hint` first (decoders
    /// usually ask for members in the order they were written).
    package func index(forSwiftName camel: String, hint: Int) -> Int? {
        SnakeCase.withSnakeKey(camel) { snake in
            let count = keys.count
            guard count > 0 else { return nil }
            var index = hint < count ? hint : 0
            for _ in 0..<count {
                if SnakeCase.equal(keys[index], snake) { return index }
                index += 1
                if index == count { index = 0 }
            }
            return nil
        }
    }

    /// Appends a member known not to be present (the parser checks uniqueness itself).
    package mutating func appendUnchecked(key: String, value: JSONValue) {
        keys.append(key)
        values.append(value)
    }

    package var members: Zip2Sequence<[String], [JSONValue]> { zip(keys, values) }
}

/// One member of a JSON object.
package struct JSONMember: Sendable, Hashable {
    package var key: String
    package var value: JSONValue

    package init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// A JSON object: members in the order they were parsed or inserted, keys unique.
///
/// Stored as one array of members (one allocation per object); look-up is a linear scan, which
/// beats hashing for the small objects of RPC messages. Very large objects are still correct,
/// only slower to search.
package struct JSONObject: Sendable, Hashable {
    package private(set) var storage: [JSONMember]

    package init() {
        storage = []
    }

    package init(minimumCapacity: Int) {
        storage = []
        storage.reserveCapacity(minimumCapacity)
    }

    /// An object from members whose keys the caller guarantees are unique.
    package init(uniqueMembers members: [JSONMember]) {
        storage = members
    }

    package var count: Int { storage.count }
    package var isEmpty: Bool { storage.isEmpty }

    /// The keys in order (a new array: for occasional use, not hot loops).
    package var keys: [String] { storage.map(\.key) }

    /// The values in order (a new array: for occasional use, not hot loops).
    package var values: [JSONValue] { storage.map(\.value) }

    /// The members as `(key, value)` pairs, in order.
    package var members: LazyMapSequence<[JSONMember], (key: String, value: JSONValue)> {
        storage.lazy.map { ($0.key, $0.value) }
    }

    package func index(of key: String) -> Int? {
        storage.firstIndex { $0.key == key }
    }

    /// The value of the member at `index`.
    package func value(at index: Int) -> JSONValue { storage[index].value }

    /// The member's value, or nil if absent. Setting nil removes the member.
    package subscript(key: String) -> JSONValue? {
        get {
            guard let i = index(of: key) else { return nil }
            return storage[i].value
        }
        set {
            if let i = index(of: key) {
                if let newValue {
                    storage[i].value = newValue
                } else {
                    storage.remove(at: i)
                }
            } else if let newValue {
                storage.append(JSONMember(key: key, value: newValue))
            }
        }
    }

    /// The value of the member whose name is the snake_case form of the Swift name `camel`
    /// (no string is built for the conversion).
    package func value(forSwiftName camel: String) -> JSONValue? {
        index(forSwiftName: camel, hint: 0).map { storage[$0].value }
    }

    /// The index of the member named by the Swift name `camel`, trying `hint` first (decoders
    /// usually ask for members in the order they were written).
    package func index(forSwiftName camel: String, hint: Int) -> Int? {
        SnakeCase.withSnakeKey(camel) { snake in
            let count = storage.count
            guard count > 0 else { return nil }
            var index = hint < count ? hint : 0
            for _ in 0..<count {
                if SnakeCase.equal(storage[index].key, snake) { return index }
                index += 1
                if index == count { index = 0 }
            }
            return nil
        }
    }

    /// Appends a member known not to be present (the parser checks uniqueness itself).
    package mutating func appendUnchecked(key: String, value: JSONValue) {
        storage.append(JSONMember(key: key, value: value))
    }
}

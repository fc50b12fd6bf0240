import BeianJSON
import BeianStore
import BeianTLS
import Synchronization

/// A value many filings repeat word for word (共用文本): the profile's deadline rule and filing
/// window, the routing to a local office. Format 2 states keep its reference instead of a copy
/// (hundreds of bytes a filing); the values live in `filing_shared_value`, unsealed: they are the
/// office's published rules and its list of local offices, nothing personal.
struct SharedValue: Sendable, Hashable {
    /// 16 hex digits of the SHA-256 of `json`.
    var ref: String
    /// The value as JSON.
    var json: String

    /// The shared form of `value`.
    init<T: Encodable>(_ value: T) throws {
        let bytes = try JSONCoding.encode(value)
        json = String(decoding: bytes, as: UTF8.self)
        ref = Hex.encode(SHA256.hash(bytes).prefix(8))
    }
}

/// Shared values already read, by reference (a reference always names the same value), and
/// shared values already made, by value (so that the JSON and hash of a profile's rule are
/// computed once, not for every filing).
final class SharedValueCache: Sendable {
    private let values = Mutex<[String: String]>([:])
    private let made = Mutex<[MadeKey: SharedValue]>([:])
    /// Values made are remembered up to this many (a profile has a few dozen).
    static let madeLimit = 1_024

    /// The shared form of `value`, made once.
    func shared<T: Encodable & Hashable & Sendable>(_ value: T) throws -> SharedValue {
        let key = MadeKey(value: value)
        if let known = made.withLock({ $0[key] }) { return known }
        let item = try SharedValue(value)
        made.withLock { made in
            if made.count < Self.madeLimit { made[key] = item }
        }
        return item
    }

    /// A value made shared, as a dictionary key.
    private struct MadeKey: Hashable, @unchecked Sendable {
        // @unchecked: only made from `Sendable` values (`shared(_:)`), which AnyHashable keeps as is.
        let value: AnyHashable
        init<T: Hashable & Sendable>(value: T) { self.value = AnyHashable(value) }
    }

    /// The JSON of `ref`, from memory or from `filing_shared_value`.
    func json(_ ref: String, in db: Database) throws -> String {
        if let known = values.withLock({ $0[ref] }) { return known }
        guard let json = try db.fetchValue(String.self, "SELECT json FROM filing_shared_value WHERE ref = ?", [ref]) else {
            throw StoreError(.decoding, "filing_shared_value has no value \(ref)")
        }
        values.withLock { $0[ref] = json }
        return json
    }

    /// The value of `ref` decoded as `T`.
    func value<T: Decodable>(_ type: T.Type, _ ref: String, in db: Database) throws -> T {
        try JSONCoding.decode(type, from: Array(try json(ref, in: db).utf8))
    }
}

extension FilingRepository {
    /// Stores shared values not stored yet, in the caller's transaction.
    func store(_ values: [SharedValue], in db: Database) throws {
        for value in values {
            try db.execute("INSERT OR IGNORE INTO filing_shared_value (ref, json) VALUES (?, ?)", [value.ref, value.json])
        }
    }
}

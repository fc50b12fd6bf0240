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
    private let made = Mutex<[Made]>([])
    /// Values made are remembered up to this many (a profile has a few dozen).
    static let madeLimit = 256

    /// The shared form of `value`, made once. Found again by equality, not by hashing: the values
    /// hold long Chinese texts, which hash slowly, while equal values from the profile share their
    /// string storage and compare at once.
    func shared<T: Encodable & Equatable & Sendable>(_ value: T) throws -> SharedValue {
        let known = made.withLock { made in
            made.first { ($0.value as? T) == value }?.item
        }
        if let known { return known }
        let item = try SharedValue(value)
        made.withLock { made in
            if made.count < Self.madeLimit { made.append(Made(value: value, item: item)) }
        }
        return item
    }

    /// A value made shared, and its shared form.
    private struct Made: @unchecked Sendable {
        // @unchecked: `value` is only ever a `Sendable` value (see `shared(_:)`).
        let value: Any
        let item: SharedValue
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

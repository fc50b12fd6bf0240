import BeianTLS
import Foundation

/// Remembered results of requests that carried an idempotency key (幂等键): a retry with the same
/// key and the same request gets the first response; the same key with a different request is an
/// error. Add `IdempotencyRecords.migration` to a service's migrations to use it.
package enum IdempotencyRecords {
    /// The table of records.
    package static let table = "beian_idempotency"

    /// Creates the records table.
    package static let migration = Migration("beian.idempotency.v1", sql: """
        CREATE TABLE \(table) (
            key TEXT PRIMARY KEY,
            request_sha256 BLOB NOT NULL,
            response BLOB NOT NULL,
            created_at_ms INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX \(table)_created ON \(table) (created_at_ms)
        """)
}

extension Database {
    /// The stored response for `key`, or nil if the key is new.
    ///
    /// - Parameters:
    ///   - key: the caller's key, scoped by the caller (e.g. "intake.Submit:" + key).
    ///   - requestSHA256: SHA-256 of the request body as received.
    /// - Throws: `StoreError.idempotencyConflict` if the key was used with a different request.
    package func idempotentResponse(key: String, requestSHA256: [UInt8]) throws -> [UInt8]? {
        guard let row = try fetchOne(
            "SELECT request_sha256, response FROM \(IdempotencyRecords.table) WHERE key = ?", [key])
        else { return nil }
        guard try row.decode([UInt8].self, at: 0) == requestSHA256 else {
            throw StoreError(.idempotencyConflict, "idempotency key '\(key)' was already used for a different request")
        }
        return try row.decode([UInt8].self, at: 1)
    }

    /// Records the response for `key` (in the same transaction as the work that produced it).
    package func recordIdempotentResponse(key: String, requestSHA256: [UInt8], response: [UInt8], at: Date) throws {
        try execute(
            "INSERT INTO \(IdempotencyRecords.table) (key, request_sha256, response, created_at_ms) VALUES (?, ?, ?, ?)",
            [key, requestSHA256, response, Int64(at.timeIntervalSince1970 * 1000)])
    }

    /// Deletes records created before `date`; returns how many.
    @discardableResult
    package func deleteIdempotencyRecords(before date: Date) throws -> Int {
        try execute(
            "DELETE FROM \(IdempotencyRecords.table) WHERE created_at_ms < ?", [Int64(date.timeIntervalSince1970 * 1000)])
        return changedRowCount
    }
}

extension Store {
    /// Runs `body` once per idempotency key: the first call runs it and stores its response in the
    /// same transaction; a retry with the same key and request returns the stored response without
    /// running `body`; the same key with a different request throws `StoreError.idempotencyConflict`.
    package func idempotentWrite(
        key: String, request: [UInt8], at: Date, _ body: @escaping @Sendable (Database) throws -> [UInt8]
    ) async throws -> [UInt8] {
        let requestHash = SHA256.hash(request)
        return try await write { db in
            if let stored = try db.idempotentResponse(key: key, requestSHA256: requestHash) { return stored }
            let response = try body(db)
            try db.recordIdempotentResponse(key: key, requestSHA256: requestHash, response: response, at: at)
            return response
        }
    }
}

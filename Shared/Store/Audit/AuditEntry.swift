import BeianTLS
import Foundation

/// One entry of the hash-chained audit log (审计日志): who did what to which subject, when.
package struct AuditEntry: Sendable, Equatable {
    /// Position in the chain: 1, 2, 3, ... with no gaps.
    package var sequence: Int64
    /// When it happened, to the millisecond.
    package var at: Date
    /// Who did it (a staff id, an operator account, a service name).
    package var actor: String
    /// What was done, e.g. "filing.approve".
    package var action: String
    /// What it was done to, e.g. "filing:ICP-2025-000123".
    package var subject: String
    /// More detail, usually JSON text; never unmasked personal information.
    package var details: String
    /// The hash of the previous entry (64 zeros for the first).
    package var previousHash: String
    /// SHA-256 (hex) of this entry's canonical encoding, which includes `previousHash`.
    package var hash: String

    /// Makes an entry from its fields (the store makes them in `appendAudit`; tests and tools may too).
    package init(
        sequence: Int64, at: Date, actor: String, action: String, subject: String, details: String,
        previousHash: String, hash: String
    ) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.details = details
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The `previousHash` of the first entry.
    package static let genesisHash = String(repeating: "0", count: 64)

    /// Milliseconds since 1970 for `at` (the stored and hashed form of the time).
    var atMilliseconds: Int64 { Int64((at.timeIntervalSince1970 * 1000).rounded()) }

    /// The SHA-256 (hex) this entry should carry.
    ///
    /// Canonical encoding, version 1: the ASCII tag `beian.audit.v1`, then the sequence and the
    /// time in milliseconds as 8-byte big-endian signed integers, then actor, action, subject,
    /// details and previousHash, each as a 4-byte big-endian byte count followed by its UTF-8
    /// bytes. Length prefixes make the encoding unambiguous ("ab"+"c" differs from "a"+"bc").
    package func computedHash() -> String {
        var bytes = Array("beian.audit.v1".utf8)
        func append(integer: Int64) {
            withUnsafeBytes(of: integer.bigEndian) { bytes.append(contentsOf: $0) }
        }
        func append(text: String) {
            let utf8 = Array(text.utf8)
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: utf8.count).bigEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: utf8)
        }
        append(integer: sequence)
        append(integer: atMilliseconds)
        for field in [actor, action, subject, details, previousHash] { append(text: field) }
        return SHA256.hexHash(bytes)
    }
}

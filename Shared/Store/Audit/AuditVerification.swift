/// The result of checking the audit chain: how far it is intact and, if not, the first problem.
package struct AuditVerification: Sendable, Equatable {
    /// Entries read.
    package var entryCount = 0
    /// The sequence number of the last entry read (nil when the log is empty).
    package var lastSequence: Int64?
    /// The hash of the last entry read (the genesis hash when the log is empty). Record the last
    /// sequence and hash elsewhere (a report, another service) to detect later removal of entries
    /// at the end, which the chain alone cannot reveal.
    package var lastHash = AuditEntry.genesisHash
    /// The first problem found, nil when the chain is intact.
    package var problem: AuditChainProblem?

    /// Whether every entry is present, unaltered and linked to the one before.
    package var isIntact: Bool { problem == nil }
}

/// What is wrong with the audit chain at one entry.
package struct AuditChainProblem: Sendable, Equatable, CustomStringConvertible {
    /// The kind of break.
    package struct Kind: Hashable, Sendable, CustomStringConvertible {
        package let name: String
        package var description: String { name }
        /// An entry is missing: the sequence numbers have a gap (an entry was deleted).
        package static let missing = Kind(name: "missing")
        /// An entry's content no longer matches its own hash (it was edited).
        package static let altered = Kind(name: "altered")
        /// An entry's previous-hash does not match the entry before it (edited and re-hashed,
        /// or entries were swapped).
        package static let brokenLink = Kind(name: "brokenLink")
    }

    package var kind: Kind
    /// The sequence number of the missing or broken entry.
    package var sequence: Int64
    /// A sentence for people.
    package var description: String
}

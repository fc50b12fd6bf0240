import BeianJSON
import BeianModel
import Synchronization

/// Serialized issues (with their messages in both languages, or without in the compact form),
/// shared by every call of the service: the same issues come back batch after batch (the same
/// wrong check characters, the same unknown shapes), and their messages are formatted once.
///
/// Bounded: once full, new issues are serialized for the call only. Writers keep a local copy
/// of what they looked up, so the lock is taken once per distinct issue per slice.
final class IssueJSONCache: Sendable {
    /// Most issues kept per detail level.
    static let limit = 4_096

    private let full = Mutex<[IdentityIssue: [UInt8]]>([:])
    private let compact = Mutex<[IdentityIssue: [UInt8]]>([:])

    init() {}

    /// The serialized issue, from the cache or written now (and kept if there is room).
    func bytes(_ issue: IdentityIssue, messages: Bool) -> [UInt8] {
        messages ? Self.bytes(issue, messages: true, in: full) : Self.bytes(issue, messages: false, in: compact)
    }

    private static func bytes(_ issue: IdentityIssue, messages: Bool, in table: borrowing Mutex<[IdentityIssue: [UInt8]]>)
        -> [UInt8] {
        if let cached = table.withLock({ $0[issue] }) { return cached }
        let bytes = (try? JSONWriter.serialize(IdentityJSON.issue(issue, messages: messages))) ?? []
        table.withLock { cache in
            if cache.count < limit { cache[issue] = bytes }
        }
        return bytes
    }
}

import BeianRuntime
import BeianTLS
import Synchronization

/// What a handler knows about its call besides the request: who is calling, over what, until when.
package struct ServerContext: Sendable {
    /// The call id chosen by the client (unique per connection).
    package let callID: Int64
    /// The full method name, `package.Service/Method`.
    package let method: String
    /// The request metadata (headers) the client sent.
    package let metadata: [String: String]
    /// The verified client certificate's subject, nil when the client sent none.
    package let peer: PeerIdentity?
    /// "address:port" of the client.
    package let remoteAddress: String
    /// When the call's deadline passes (monotonic nanoseconds), nil without a deadline.
    package let deadline: RPCDeadline?
    /// The connection's logger; `logger` adds the call's fields when a handler logs.
    private let connectionLogger: Logger
    /// Trailing metadata to send with the final status.
    package let responseMetadata: ResponseMetadata

    package init(callID: Int64, method: String, metadata: [String: String], peer: PeerIdentity?, remoteAddress: String,
                 deadline: RPCDeadline?, connectionLogger: Logger, responseMetadata: ResponseMetadata) {
        self.callID = callID
        self.method = method
        self.metadata = metadata
        self.peer = peer
        self.remoteAddress = remoteAddress
        self.deadline = deadline
        self.connectionLogger = connectionLogger
        self.responseMetadata = responseMetadata
    }

    /// A logger carrying `call_id`, `method` and `peer` on every record. Made when asked for:
    /// most calls never log, and the two metadata copies would cost every call.
    package var logger: Logger {
        connectionLogger.with("call_id", .int(callID)).with("method", .string(method))
    }

    /// Time left before the deadline, nil without a deadline.
    package var remainingTime: Duration? { deadline?.remaining }
}

/// Trailing metadata a handler adds to its call's final status. Safe from any task.
package final class ResponseMetadata: Sendable {
    private let values = Mutex<[String: String]>([:])

    package init() {}

    package subscript(key: String) -> String? {
        get { values.withLock { $0[key] } }
        set { values.withLock { $0[key] = newValue } }
    }

    package var all: [String: String] { values.withLock { $0 } }
}

/// A call's deadline as a point on the monotonic clock.
///
/// Set as a task-local around every handler, so the client used inside a handler gives its
/// outgoing calls no more time than the incoming call has left (deadline propagation) without
/// the handler passing anything along.
package struct RPCDeadline: Sendable, Hashable, Comparable {
    package let uptimeNanoseconds: UInt64

    package init(uptimeNanoseconds: UInt64) {
        self.uptimeNanoseconds = uptimeNanoseconds
    }

    /// The deadline `timeout` from now.
    package static func after(_ timeout: Duration) -> RPCDeadline {
        RPCDeadline(uptimeNanoseconds: Monotonic.nanoseconds() &+ UInt64(max(0, timeout.nanosecondsValue)))
    }

    /// Time left (zero once passed).
    package var remaining: Duration {
        let now = Monotonic.nanoseconds()
        return now >= uptimeNanoseconds ? .zero : .nanoseconds(Int64(uptimeNanoseconds - now))
    }

    package var hasPassed: Bool { Monotonic.nanoseconds() >= uptimeNanoseconds }

    package static func < (lhs: RPCDeadline, rhs: RPCDeadline) -> Bool { lhs.uptimeNanoseconds < rhs.uptimeNanoseconds }

    /// The deadline of the call whose handler is running in this task, if any.
    @TaskLocal package static var current: RPCDeadline?
}

import BeianJSON
import BeianRPC
import Synchronization
import TestSupport

/// A test service whose handlers report what happened to them (started, cancelled, finished),
/// so tests can assert that deadlines and client cancels really stop server-side work.
final class ProbeService: Sendable {
    static let name = "test.v1.Probe"

    struct WaitRequest: Codable, Sendable {
        var tag: String
        var milliseconds: Int?
    }

    struct WaitResponse: Codable, Sendable {
        var tag: String
        var peer: String?
        var organization: String?
        var remainingMilliseconds: Double?
    }

    private let events = Mutex<[String: [String]]>([:])
    private let waiters = Mutex<[(tag: String, event: String, continuation: CheckedContinuation<Void, Never>)]>([])

    func record(_ tag: String, _ event: String) {
        events.withLock { $0[tag, default: []].append(event) }
        let ready = waiters.withLock { list -> [CheckedContinuation<Void, Never>] in
            let matching = list.filter { $0.tag == tag && $0.event == event }.map(\.continuation)
            list.removeAll { $0.tag == tag && $0.event == event }
            return matching
        }
        for continuation in ready { continuation.resume() }
    }

    func events(of tag: String) -> [String] { events.withLock { $0[tag] ?? [] } }

    /// Waits until `tag` has recorded `event` (or `timeout` passes); returns whether it did.
    func wait(for event: String, of tag: String, timeout: Duration = .seconds(10)) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let already = self.waiters.withLock { list -> Bool in
                        if self.events(of: tag).contains(event) { return true }
                        list.append((tag, event, continuation))
                        return false
                    }
                    if already { continuation.resume() }
                }
                return true
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            if !first {
                // Release a waiter left behind so the task group can finish.
                let stale = waiters.withLock { list -> [CheckedContinuation<Void, Never>] in
                    let matching = list.filter { $0.tag == tag && $0.event == event }.map(\.continuation)
                    list.removeAll { $0.tag == tag && $0.event == event }
                    return matching
                }
                for continuation in stale { continuation.resume() }
            }
            return first
        }
    }

    var service: RPCService {
        RPCService(name: Self.name, summary: "Test probes.", methods: [
            .unary(Self.name, "Wait", request: WaitRequest.self, response: WaitResponse.self) { [self] request, context in
                record(request.tag, "started")
                do {
                    try await Task.sleep(for: .milliseconds(request.milliseconds ?? 3_600_000))
                } catch {
                    record(request.tag, "cancelled")
                    throw error
                }
                record(request.tag, "finished")
                return WaitResponse(tag: request.tag, peer: context.peer?.commonName,
                                    organization: context.peer?.organization,
                                    remainingMilliseconds: context.remainingTime?.milliseconds)
            },
            .unary(Self.name, "Whoami", request: WaitRequest.self, response: WaitResponse.self) { request, context in
                WaitResponse(tag: request.tag, peer: context.peer?.commonName, organization: context.peer?.organization,
                             remainingMilliseconds: context.remainingTime?.milliseconds)
            },
            .unary(Self.name, "Fail", request: WaitRequest.self, response: WaitResponse.self) { request, _ in
                switch request.tag {
                case "invalid":
                    throw RPCError.invalidArgument("bad fields", violations: [
                        RPCError.FieldViolation(field: "a", rule: "required", zh: "必填", en: "is required"),
                        RPCError.FieldViolation(field: "b.c", rule: "mobile_format", zh: "手机号格式不正确", en: "not a mobile number"),
                    ])
                case "nan":
                    return WaitResponse(tag: "x", remainingMilliseconds: .nan)
                default:
                    struct Secret: Error {}
                    throw Secret()
                }
            },
        ])
    }
}

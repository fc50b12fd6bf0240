import Dispatch
import Glibc

/// Waiting for process signals (SIGTERM from the container runtime, SIGINT from a terminal)
/// without blocking any thread: Dispatch signal sources resume a continuation.
package enum ProcessSignals {
    /// Ignores SIGPIPE for the whole process: a peer that disappears must surface as an EPIPE
    /// error on the write, not kill the server.
    package static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Suspends until one of `signals` arrives and returns it. The signals' default actions are
    /// disabled for the process from the first call on.
    package static func next(of signals: [Int32]) async -> Int32 {
        let queue = DispatchQueue(label: "beian.signals")
        let box = SourceBox()
        return await withCheckedContinuation { continuation in
            queue.sync {
                for number in signals {
                    signal(number, SIG_IGN)
                    let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                    source.setEventHandler {
                        guard !box.fired else { return }
                        box.fired = true
                        for s in box.sources { s.cancel() }
                        continuation.resume(returning: number)
                    }
                    box.sources.append(source)
                    source.resume()
                }
            }
        }
    }

    /// Sources live on `queue` only; the box is touched from that queue alone.
    private final class SourceBox: @unchecked Sendable {
        var sources: [any DispatchSourceSignal] = []
        var fired = false
    }
}

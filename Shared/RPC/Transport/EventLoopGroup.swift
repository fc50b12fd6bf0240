import BeianRuntime
import CLinux
import FoundationEssentials
import Synchronization

/// A fixed set of event loops; connections are spread over them round-robin.
package final class EventLoopGroup: Sendable {
    package let loops: [EventLoop]
    private let counter = Atomic<Int>(0)

    /// Starts `count` loop threads named `name-0`, `name-1`, ...
    package init(count: Int, name: String) throws(IOError) {
        precondition(count >= 1)
        var loops: [EventLoop] = []
        for index in 0..<count {
            loops.append(try EventLoop(name: "\(name)-\(index)"))
        }
        self.loops = loops
    }

    /// The next loop in turn.
    package func next() -> EventLoop {
        let index = counter.wrappingAdd(1, ordering: .relaxed).oldValue
        return loops[index % loops.count]
    }

    /// Stops every loop and waits for their threads.
    package func shutdown() {
        for loop in loops { loop.shutdown() }
    }

    /// The process-wide group used by clients that are not given one: one loop thread, started
    /// on first use. (Servers make their own group.) When it cannot start (no descriptor left
    /// for its epoll or eventfd: EMFILE), the error is thrown and the next use tries again.
    package static func shared() throws(IOError) -> EventLoopGroup {
        try sharedGroup.withLock { (group: inout EventLoopGroup?) throws(IOError) -> EventLoopGroup in
            if let group { return group }
            let started = try EventLoopGroup(count: 1, name: "beian-client-loop")
            group = started
            return started
        }
    }

    private static let sharedGroup = Mutex<EventLoopGroup?>(nil)

    /// The default number of loop threads for a server: one per core, at most 4.
    package static var defaultLoopCount: Int {
        max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
    }
}

import Dispatch
import Glibc
import Synchronization

/// Writes lines to a file descriptor from one background thread.
///
/// `enqueue` never blocks on I/O: it appends to a bounded queue and signals the writer thread.
/// If the queue is full (the reader of our stderr is stuck), lines are dropped and counted, and
/// the count is reported in the next line that gets through.
package final class LineWriter: Sendable {
    private struct State {
        var lines: [[UInt8]] = []
        var queuedBytes = 0
        var dropped = 0
        var writing = false
    }

    private let fileDescriptor: Int32
    private let maximumQueuedBytes: Int
    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)

    package init(fileDescriptor: Int32, maximumQueuedBytes: Int = 4 << 20) {
        self.fileDescriptor = fileDescriptor
        self.maximumQueuedBytes = maximumQueuedBytes
        PlatformThread.start(name: "beian-log-writer") { [self] in self.run() }
    }

    package func enqueue(_ line: [UInt8]) {
        let shouldSignal = state.withLock { state -> Bool in
            guard state.queuedBytes + line.count <= maximumQueuedBytes else {
                state.dropped += 1
                return false
            }
            state.lines.append(line)
            state.queuedBytes += line.count
            return state.lines.count == 1
        }
        if shouldSignal { wake.signal() }
    }

    /// Waits (blocking the calling thread, briefly) until everything queued so far is written.
    package func flush() {
        for _ in 0..<500 {
            let done = state.withLock { $0.lines.isEmpty && !$0.writing }
            if done { return }
            usleep(2_000)
        }
    }

    private func run() {
        while true {
            wake.wait()
            while true {
                let (batch, dropped) = state.withLock { state -> ([[UInt8]], Int) in
                    let batch = state.lines
                    let dropped = state.dropped
                    state.lines.removeAll(keepingCapacity: true)
                    state.queuedBytes = 0
                    state.dropped = 0
                    state.writing = !batch.isEmpty
                    return (batch, dropped)
                }
                if batch.isEmpty { break }
                var bytes: [UInt8] = []
                if dropped > 0 {
                    bytes.append(contentsOf: Array("{\"level\":\"warning\",\"message\":\"\(dropped) log lines dropped: log output is not being read fast enough\"}\n".utf8))
                }
                for line in batch { bytes.append(contentsOf: line) }
                writeAll(bytes)
                state.withLock { $0.writing = false }
            }
        }
    }

    private func writeAll(_ bytes: [UInt8]) {
        // A failed write means stderr is closed: nothing sensible to do with a log line.
        bytes.withUnsafeBytes { _ = StandardStream.writeAll($0, to: fileDescriptor) }
    }
}

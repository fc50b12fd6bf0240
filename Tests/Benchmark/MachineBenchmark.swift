import BeianRuntime
import Foundation

/// The floor this machine sets under any latency figure, measured without our code: how long one
/// thread takes to wake another, and a 1-byte round trip over loopback TCP between two threads.
///
/// An RPC call at 1 caller can be no faster than the TCP round trip (the server's thread and the
/// client's each wake once), plus one more wake-up when the caller runs on another thread than the
/// one that reads its answer (a task on Swift's global pool). On a VM that pays for every wake-up
/// of a sleeping virtual CPU these floors move by 2× from one hour to the next, which is why the
/// README gives them beside the RPC figures.
enum MachineBenchmark {
    static func floors(rounds: Int) throws -> [String] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var rows: [(String, LatencyRecorder)] = []
        for (placement, cpus) in [("the same core", (0, 0)), ("two cores", (0, 1)), ("where the kernel puts them", (-1, -1))]
        where cores > 1 || cpus.1 < 1 {
            rows.append(("thread wake-up round trip, \(placement)", threadPingPong(rounds: rounds, cpus: cpus)))
            rows.append(("loopback TCP 1-byte round trip, \(placement)", try loopbackPingPong(rounds: rounds, cpus: cpus)))
        }
        return ["Machine floors (no Beian code; \(rounds) round trips each; a wake-up round trip wakes each of 2 threads once, "
                    + "a TCP round trip adds 4 system calls)",
                "| what | p50 | p99 |", "|---|---|---|"]
            + rows.map { "| \($0.0) | \(formatMicroseconds($0.1.percentile(50))) | \(formatMicroseconds($0.1.percentile(99))) |" }
            + [String(format: "CPU reference: %.2f µs to hash 1 KiB with FNV-1a 64 (one core, no system calls)", cpuReference())]
    }

    /// Two threads hand a token back and forth through two semaphores (futexes): each round trip
    /// wakes each thread once.
    static func threadPingPong(rounds: Int, cpus: (Int, Int)) -> LatencyRecorder {
        let toPeer = DispatchSemaphore(value: 0)
        let toMain = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        PlatformThread.start(name: "bench-pong", stackSize: 1 << 20) {
            pinCallingThread(to: cpus.1)
            for _ in 0..<(rounds + 100) {
                toPeer.wait()
                toMain.signal()
            }
            finished.signal()
        }
        pinCallingThread(to: cpus.0)
        defer { pinCallingThread(to: -1) }
        var recorder = LatencyRecorder()
        for round in 0..<(rounds + 100) {
            let start = Monotonic.nanoseconds()
            toPeer.signal()
            toMain.wait()
            if round >= 100 { recorder.record(nanoseconds: Monotonic.nanoseconds() - start) }
            usleep(50)   // let the peer go back to sleep, as a server between calls does
        }
        finished.wait()
        return recorder
    }

    /// A connected pair of loopback TCP sockets (TCP_NODELAY), one per thread, blocking reads:
    /// the shape of one unary call with no TLS, no framing and no work.
    static func loopbackPingPong(rounds: Int, cpus: (Int, Int)) throws -> LatencyRecorder {
        let (client, server) = try connectedLoopbackPair()
        defer { close(client); close(server) }
        let finished = DispatchSemaphore(value: 0)
        PlatformThread.start(name: "bench-echo", stackSize: 1 << 20) {
            pinCallingThread(to: cpus.1)
            var byte: UInt8 = 0
            while read(server, &byte, 1) == 1, write(server, &byte, 1) == 1 {}
            finished.signal()
        }
        pinCallingThread(to: cpus.0)
        defer { pinCallingThread(to: -1) }
        var recorder = LatencyRecorder()
        var byte: UInt8 = 7
        for round in 0..<(rounds + 100) {
            let start = Monotonic.nanoseconds()
            guard write(client, &byte, 1) == 1, read(client, &byte, 1) == 1 else {
                throw BenchmarkFailure("loopback round trip failed: \(String(cString: strerror(errno)))")
            }
            if round >= 100 { recorder.record(nanoseconds: Monotonic.nanoseconds() - start) }
            usleep(50)
        }
        shutdown(client, Int32(SHUT_WR))
        finished.wait()
        return recorder
    }

    /// Binds the calling thread to one core, or (`cpu < 0`) lets it run on any. Glibc's overlay
    /// leaves `sched_setaffinity` out (it is a GNU extension), so it is looked up by name.
    private static func pinCallingThread(to cpu: Int) {
        typealias SetAffinity = @convention(c) (Int32, Int, UnsafeRawPointer) -> Int32
        guard let symbol = dlsym(nil, "sched_setaffinity") else { return }
        var mask = [UInt64](repeating: 0, count: 16)   // cpu_set_t: 1,024 bits
        let cores = min(ProcessInfo.processInfo.activeProcessorCount, 1024)
        for core in 0..<cores where cpu < 0 || core == cpu { mask[core / 64] |= 1 << UInt64(core % 64) }
        _ = mask.withUnsafeBytes { unsafeBitCast(symbol, to: SetAffinity.self)(0, $0.count, $0.baseAddress!) }
    }

    private static func connectedLoopbackPair() throws -> (Int32, Int32) {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw BenchmarkFailure("socket: \(String(cString: strerror(errno)))") }
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && listen(listener, 1) == 0
                    && getsockname(listener, pointer, &length) == 0
            }
        }
        guard bound else { throw BenchmarkFailure("bind/listen: \(String(cString: strerror(errno)))") }
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, length) == 0 }
        }
        guard client >= 0, connected else { throw BenchmarkFailure("connect: \(String(cString: strerror(errno)))") }
        let server = accept(listener, nil, nil)
        guard server >= 0 else { throw BenchmarkFailure("accept: \(String(cString: strerror(errno)))") }
        var one: Int32 = 1
        for descriptor in [client, server] {
            setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        }
        return (client, server)
    }

    /// Microseconds of one core's time to hash 1 KiB: a fixed amount of plain computation, to tell
    /// a slow hour of the machine from a slow change in the code.
    static func cpuReference() -> Double {
        let bytes = (0..<1024).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let iterations = 200_000
        var hash: UInt64 = 0
        let start = Monotonic.nanoseconds()
        for round in 0..<iterations {
            var value: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(round)
            for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash ^= value
        }
        let elapsed = Monotonic.nanoseconds() - start
        if hash == 42 { print("") }   // keeps the loop from being optimized away
        return Double(elapsed) / Double(iterations) / 1000
    }
}

/// A measurement that could not be made (a system call failed).
struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

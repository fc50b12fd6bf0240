import BeianJSON
import BeianRuntime
import Foundation
import Synchronization

/// A built Beian executable (`identity`, `intake`, `beian`, ...) started as a real process, for
/// end-to-end tests. It waits for the service's ready line, keeps its log lines, and stops it
/// with SIGTERM (graceful) or SIGKILL (crash).
package final class ServiceProcess: @unchecked Sendable {
    package let name: String
    package let process: ChildProcess
    /// "127.0.0.1:port" from the ready line.
    package private(set) var address = ""
    package var port: Int { Int(address.split(separator: ":").last ?? "") ?? 0 }
    private let logLines = LineStore()
    private let stdoutLines = LineStore()

    /// The directory holding the built products (next to this test binary).
    package static var productsDirectory: URL {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        // On Linux the test bundle is a plain executable inside .build/<config>/.
        if directory.lastPathComponent.hasSuffix(".xctest") { directory.deleteLastPathComponent() }
        return directory
    }

    /// The path of a built product, failing clearly if `swift build` has not produced it.
    package static func executable(_ name: String) throws -> String {
        let path = productsDirectory.appendingPathComponent(name).path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ServiceProcessError("\(path) does not exist: run `swift build` before the tests (the test command does)")
        }
        return path
    }

    /// Starts `name` with `environment` (added to a minimal one) and waits for its ready line.
    /// `launcher` runs it under another program (e.g. `["/usr/bin/valgrind", "--tool=callgrind"]`
    /// for a benchmark's profile): the launcher's first word is executed with the rest, then the
    /// product's path and `arguments`.
    package init(_ name: String, environment: [String: String], arguments: [String] = [], readyTimeout: Double = 30,
                 launcher: [String] = []) async throws {
        self.name = name
        var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        for (key, value) in environment { env[key] = value }
        let product = try Self.executable(name)
        if let program = launcher.first {
            process = try ChildProcess(executable: program, arguments: launcher.dropFirst() + [product] + arguments,
                                       environment: env)
        } else {
            process = try ChildProcess(executable: product, arguments: arguments, environment: env)
        }
        let ready = AsyncStream<String>.makeStream()
        Self.readLines(from: process.standardError) { [logLines] line in logLines.append(line) }
        Self.readLines(from: process.standardOutput) { [stdoutLines] line in
            stdoutLines.append(line)
            if let value = try? JSONParser.parse(Array(line.utf8)), value["event"] == "ready",
               let address = value["address"]?.stringValue {
                ready.continuation.yield(address)
            }
        } onEnd: {
            ready.continuation.finish()
        }
        let timeout = Task {
            try await Task.sleep(for: .seconds(readyTimeout))
            ready.continuation.finish()
        }
        var iterator = ready.stream.makeAsyncIterator()
        guard let address = await iterator.next() else {
            timeout.cancel()
            process.send(SIGTERM)
            throw ServiceProcessError("\(name) did not become ready: \(logLines.all.suffix(20).joined(separator: "\n"))")
        }
        timeout.cancel()
        self.address = address
    }

    deinit {
        process.send(SIGKILL)
    }

    /// The JSON log lines the service wrote to standard error so far.
    package var logs: [String] { logLines.all }

    /// What the process wrote to standard output so far, line by line.
    package var output: [String] { stdoutLines.all }

    /// Sends SIGTERM and waits for exit; returns the exit status.
    @discardableResult
    package func terminate(timeout: Double = 30) async -> Int32 {
        process.send(SIGTERM)
        return await waitForExit(timeout: timeout)
    }

    /// Kills with SIGKILL (a crash, as far as the service can tell) and waits.
    package func kill9() async {
        process.send(SIGKILL)
        _ = await waitForExit(timeout: 10)
    }

    /// Waits for the process to end; its exit status (the signal number if a signal ended it),
    /// or -1 on timeout.
    package func waitForExit(timeout: Double) async -> Int32 {
        await process.waitForExit(timeout: timeout)?.status ?? -1
    }

    /// Reads `pipe` line by line on a thread of its own (the reads block) until end of file.
    private static func readLines(from pipe: PipeEnd, _ onLine: @escaping @Sendable (String) -> Void,
                                  onEnd: @escaping @Sendable () -> Void = {}) {
        PlatformThread.start(name: "child-output") {
            var buffer: [UInt8] = []
            while true {
                let chunk = pipe.readChunk()
                if chunk.isEmpty { break }
                buffer.append(contentsOf: chunk)
                var lineStart = 0
                while let newline = buffer[lineStart...].firstIndex(of: 0x0A) {
                    onLine(String(decoding: buffer[lineStart..<newline], as: UTF8.self))
                    lineStart = newline + 1
                }
                buffer.removeFirst(lineStart)
            }
            if !buffer.isEmpty { onLine(String(decoding: buffer, as: UTF8.self)) }
            onEnd()
        }
    }
}

private final class LineStore: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

package struct ServiceProcessError: Error, CustomStringConvertible {
    package var description: String
    init(_ description: String) { self.description = description }
}

/// Certificates and environment for running a service executable in tests.
package enum ServiceEnvironment {
    /// Environment for service `name`: a fresh server certificate for localhost/127.0.0.1 whose
    /// subject names the service (OU = name), the test CA, an ephemeral port, and `stateDirectory`.
    package static func make(service name: String, stateDirectory: String, office: String = "611000",
                             extra: [String: String] = [:]) throws -> [String: String] {
        let certificates = TestCertificates.shared
        let files = try certificates.serviceCertificate(name: name, office: office)
        var environment = [
            "BEIAN_PORT": "0",
            "BEIAN_TLS_CERT": files.certificate,
            "BEIAN_TLS_KEY": files.privateKey,
            "BEIAN_TLS_CA": certificates.caFile,
            "BEIAN_STATE_DIR": stateDirectory,
            "BEIAN_OFFICE": office,
            "BEIAN_LOOPS": "1",
        ]
        for (key, value) in extra { environment[key] = value }
        return environment
    }
}

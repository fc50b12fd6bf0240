import BeianRuntime
import Glibc
import Synchronization

/// Runs a program to completion and returns its output; the blocking reads run on threads of
/// their own, never on the cooperative pool.
package enum ProcessRunner {
    package struct Output: Sendable {
        package var exitCode: Int32
        package var standardOutput: String
        package var standardError: String
    }

    /// Runs `executable` with `arguments`, `environment` (the test process's own when nil) and
    /// `input` on its standard input. With `timeout`, a program still running after that many
    /// seconds is killed (SIGKILL; its exit code is then 9), so that a test expecting it to stop
    /// fails instead of hanging.
    package static func run(
        _ executable: String, arguments: [String], environment: [String: String]? = nil, input: String? = nil,
        timeout: Double? = nil
    ) async throws -> Output {
        let child = try ChildProcess(executable: executable, arguments: arguments,
                                     environment: environment ?? currentEnvironment(), input: .pipe)
        let watchdog = timeout.map { seconds in
            Task {
                try await Task.sleep(for: .seconds(seconds))
                child.send(SIGKILL)
            }
        }
        defer { watchdog?.cancel() }
        // Read both pipes at once so a chatty child cannot fill one and block; feed the input
        // from a third thread so a child that writes before it reads cannot deadlock us.
        async let output = readAll(child.standardOutput)
        async let errors = readAll(child.standardError)
        let stdin = child.standardInput!
        PlatformThread.start(name: "child-input") {
            if let input { stdin.write(Array(input.utf8)) }
            stdin.close()
        }
        let (outBytes, errBytes) = await (output, errors)
        let ending = await child.waitForExit()
        return Output(exitCode: ending?.status ?? -1,
                      standardOutput: String(decoding: outBytes, as: UTF8.self),
                      standardError: String(decoding: errBytes, as: UTF8.self))
    }

    private static func readAll(_ pipe: PipeEnd) async -> [UInt8] {
        await withCheckedContinuation { continuation in
            PlatformThread.start(name: "child-read") { continuation.resume(returning: pipe.readToEnd()) }
        }
    }

    /// The test process's own environment, as NAME → value.
    static func currentEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var cursor = environ
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            cursor += 1
        }
        return result
    }
}

import Foundation

import Synchronization

private final class DataBox: Sendable {
    private let data = Mutex(Data())
    func set(_ value: Data) { data.withLock { $0 = value } }
    var value: Data { data.withLock { $0 } }
}

/// Runs a program to completion off the cooperative pool and returns its output.
package enum ProcessRunner {
    package struct Output: Sendable {
        package var exitCode: Int32
        package var standardOutput: String
        package var standardError: String
    }

    package static func run(
        _ executable: String, arguments: [String], environment: [String: String]? = nil, input: String? = nil
    ) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: executable)
                    process.arguments = arguments
                    if let environment { process.environment = environment }
                    let out = Pipe()
                    let err = Pipe()
                    let inPipe = Pipe()
                    process.standardOutput = out
                    process.standardError = err
                    process.standardInput = inPipe
                    try process.run()
                    if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
                    try? inPipe.fileHandleForWriting.close()
                    // Read both pipes concurrently so a chatty child cannot fill one and block.
                    let errBox = DataBox()
                    let group = DispatchGroup()
                    group.enter()
                    DispatchQueue.global().async {
                        errBox.set(PipeReader.readToEnd(err.fileHandleForReading))
                        group.leave()
                    }
                    let outData = PipeReader.readToEnd(out.fileHandleForReading)
                    group.wait()
                    let errData = errBox.value
                    process.waitUntilExit()
                    continuation.resume(returning: Output(
                        exitCode: process.terminationStatus,
                        standardOutput: String(decoding: outData, as: UTF8.self),
                        standardError: String(decoding: errData, as: UTF8.self)))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}

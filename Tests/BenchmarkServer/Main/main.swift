import BeianRuntime
import BenchmarkService
import Glibc

// beian-bench-server PORT_FILE LOOPS CERT KEY CA: the server process of beian-bench's RPC,
// handshake and memory benchmarks (started by beian-bench from the same build directory).
// It links only the RPC stack, not Foundation, so its RSS is that of a lean Beian server.

ProcessSignals.ignoreBrokenPipe()
let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 5, let loops = Int(arguments[1]), loops > 0 else {
    StandardStream.error.write("usage: beian-bench-server PORT_FILE LOOPS CERT KEY CA\n")
    exit(2)
}
do {
    try await BenchmarkEcho.serve(portFile: arguments[0], loops: loops, certificate: arguments[2], key: arguments[3],
                                  ca: arguments[4])
} catch {
    StandardStream.error.write("beian-bench-server: \(error)\n")
    exit(1)
}

import BeianRuntime
import Foundation

// beian-bench: the measurements behind the README's figures. Run in release mode:
//   swift build -c release --product beian-bench && .build/release/beian-bench all
// Subcommands: all | machine | rpc | handshakes | memory | json | model | store | identity | intake [submit|steps|list|all]
// (`all` leaves out intake, whose 1,000,000-filing database takes minutes to generate)
// Options: --duration SECONDS (per measured point, default 5), --loops N (server loop threads, default 1);
// rpc: --connections 1,4 --callers 1,16,64 --callers-on pool,loop (where the calling tasks run)

ProcessSignals.ignoreBrokenPipe()
let arguments = Array(CommandLine.arguments.dropFirst())
let options = BenchmarkOptions(Array(arguments.dropFirst()))
let duration = options.double("duration", default: 5)
let loops = options.int("loops", default: 1)

func emit(_ lines: [String]) {
    FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n\n").utf8))
}

switch arguments.first ?? "all" {
case "machine":
    emit(try MachineBenchmark.floors(rounds: options.int("rounds", default: 20_000)))
case "rpc":
    let connections = options.values["connections"].map { $0.split(separator: ",").compactMap { Int($0) } } ?? [1, 4]
    let callers = options.values["callers"].map { $0.split(separator: ",").compactMap { Int($0) } } ?? [1, 16, 64]
    let placements = options.values["callers-on"].map { $0.split(separator: ",").compactMap { RPCBenchmark.CallerPlacement(rawValue: String($0)) } }
        ?? RPCBenchmark.CallerPlacement.allCases
    emit(try await RPCBenchmark.unary(duration: duration, serverLoops: loops, connectionCounts: connections, callerCounts: callers,
                                      placements: placements))
case "handshakes":
    emit(try await RPCBenchmark.handshakes(count: options.int("count", default: 2000), concurrency: 8, serverLoops: loops))
case "memory":
    emit(try await RPCBenchmark.memory(count: options.int("count", default: 1000), serverLoops: loops))
case "json":
    emit(try CodingAndModelBenchmark.json(iterations: options.int("iterations", default: 100_000)))
case "model":
    emit(try CodingAndModelBenchmark.model(iterations: options.int("iterations", default: 100_000)))
case "store":
    emit(try await runStoreBenchmark(duration: .seconds(duration)))
case "identity":
    emit(try IdentityBenchmark.validation(seconds: min(duration, 2)))
    emit(try await IdentityBenchmark.batch(rounds: options.int("rounds", default: 100), serverLoops: loops))
case "intake":
    emit(try await IntakeBenchmark.run(options, duration: duration))
case "all":
    emit(try MachineBenchmark.floors(rounds: 20_000))
    emit(try CodingAndModelBenchmark.json(iterations: 100_000))
    emit(try CodingAndModelBenchmark.model(iterations: 100_000))
    emit(try await RPCBenchmark.unary(duration: duration, serverLoops: loops))
    emit(try await RPCBenchmark.handshakes(count: 2000, concurrency: 8, serverLoops: loops))
    emit(try await RPCBenchmark.memory(count: 1000, serverLoops: loops))
    emit(try await runStoreBenchmark(duration: .seconds(duration)))
    emit(try IdentityBenchmark.validation(seconds: min(duration, 2)))
    emit(try await IdentityBenchmark.batch(rounds: options.int("rounds", default: 100), serverLoops: loops))
default:
    FileHandle.standardError.write(Data("usage: beian-bench all|machine|rpc|handshakes|memory|json|model|store|identity|intake [--duration S] [--loops N]\n".utf8))
    exit(2)
}

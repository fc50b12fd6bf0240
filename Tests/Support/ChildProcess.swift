import BeianRuntime
import Dispatch
import Glibc
import Synchronization

/// A program started with `posix_spawn` for the tests, with its standard streams on pipes.
///
/// Not Foundation's `Process`: its `run()` lists /proc/self/fd into a fixed buffer and copies
/// 256 bytes per entry, reading past the buffer's end once the test process holds about 1,300
/// descriptors, which crashed the parallel suite (SIGSEGV in `findMaximumOpenFromProcSelfFD`,
/// found with AddressSanitizer). Every descriptor of ours is close-on-exec, so the child gets
/// exactly its three streams.
package final class ChildProcess: Sendable {
    /// How a child ended.
    package enum Termination: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)

        /// The exit status, or the signal number for a signalled child (as Foundation reported it).
        package var status: Int32 {
            switch self {
            case .exited(let code), .signalled(let code): code
            }
        }
    }

    /// Where the child's standard input comes from.
    package enum Input: Sendable {
        case nullDevice
        case pipe
    }

    package let pid: pid_t
    /// The writing end of the child's standard input, for `.pipe`.
    package let standardInput: PipeEnd?
    package let standardOutput: PipeEnd
    package let standardError: PipeEnd
    private let state = Mutex(State())

    private struct State {
        var termination: Termination?
        var nextWaiter: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    }

    /// Starts `executable` with exactly `environment` and `arguments` (argv[0] is the path).
    package init(executable: String, arguments: [String], environment: [String: String], input: Input = .nullDevice) throws {
        Self.ignoreBrokenPipes
        let output = try PipeEnd.makePipe()
        let error = try PipeEnd.makePipe()
        let inputPipe = input == .pipe ? try PipeEnd.makePipe() : nil

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let inputPipe {
            posix_spawn_file_actions_adddup2(&actions, inputPipe.read.rawDescriptor, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, output.write.rawDescriptor, 1)
        posix_spawn_file_actions_adddup2(&actions, error.write.rawDescriptor, 2)

        // The child starts with default signal handling and nothing blocked, whatever the test
        // process set up (SIGPIPE ignored, SIGTERM routed to a Dispatch source, ...).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw ChildProcessError("posix_spawn(\(executable))", errno: result) }
        pid = child
        output.write.close()
        error.write.close()
        inputPipe?.read.close()
        standardInput = inputPipe?.write
        standardOutput = output.read
        standardError = error.read
        startReaper()
    }

    /// Ignores SIGPIPE in the test process once: a child that exits before reading its input
    /// must fail the write, not kill the test run.
    private static let ignoreBrokenPipes: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()

    /// Waits for the child on a thread of its own (waitpid blocks) and records how it ended.
    private func startReaper() {
        let pid = self.pid
        PlatformThread.start(name: "child-reaper") { [self] in
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            // WIFEXITED / WEXITSTATUS / WTERMSIG, spelled out (they are macros).
            let signal = status & 0x7F
            let ending: Termination = signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
            let waiters = state.withLock { state in
                state.termination = ending
                defer { state.waiters = [:] }
                return state.waiters.values
            }
            for waiter in waiters { waiter.resume() }
        }
    }

    /// How the child ended, or nil while it runs.
    package var termination: Termination? { state.withLock { $0.termination } }

    package var isRunning: Bool { termination == nil }

    /// Sends `signal` to the child unless it has been reaped (its pid may be reused then).
    package func send(_ signal: Int32) {
        state.withLock { state in
            if state.termination == nil { _ = kill(pid, signal) }
        }
    }

    /// Waits until the child has ended, or at most `seconds` when given; nil if it still runs.
    package func waitForExit(timeout seconds: Double? = nil) async -> Termination? {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let id: UInt64? = state.withLock { state in
                guard state.termination == nil else { return nil }
                state.nextWaiter += 1
                state.waiters[state.nextWaiter] = continuation
                return state.nextWaiter
            }
            guard let id else { return continuation.resume() }
            guard let seconds else { return }
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
                state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
            }
        }
        return termination
    }
}

package struct ChildProcessError: Error, CustomStringConvertible {
    package var description: String
    init(_ call: String, errno code: Int32) {
        description = "\(call) failed: \(String(cString: strerror(code)))"
    }
}

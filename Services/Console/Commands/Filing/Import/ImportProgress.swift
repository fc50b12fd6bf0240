import Foundation
import Synchronization

/// Progress of an import on standard error: a bar redrawn in place when standard error is a
/// terminal, else a plain line at every tenth of the rows (logs, pipes, CI).
final class ImportProgress: Sendable {
    private struct State {
        var done = 0
        var filed = 0
        var refused = 0
        var lastDraw = ContinuousClock.now - .seconds(1)
        var lastTenth = 0
    }

    private let total: Int
    private let output: Output
    private let terminal: Bool
    private let state = Mutex(State())

    /// Progress over `total` rows.
    init(total: Int, output: Output, terminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.output = output
        self.terminal = terminal
    }

    /// Counts one finished row and redraws when due.
    func advance(_ outcome: ImportOutcome) {
        let line: String? = state.withLock { state in
            state.done += 1
            switch outcome {
            case .filed, .alreadyFiled, .wouldFile, .duplicate: state.filed += 1
            case .refused, .notSubmitted: state.refused += 1
            }
            if terminal {
                let now = ContinuousClock.now
                guard state.done == total || now - state.lastDraw >= .milliseconds(100) else { return nil }
                state.lastDraw = now
                return "\r" + bar(state) + (state.done == total ? "\n" : "")
            }
            let tenth = total == 0 ? 10 : state.done * 10 / total
            guard tenth > state.lastTenth || state.done == total else { return nil }
            state.lastTenth = tenth
            return text(state) + "\n"
        }
        if let line { StandardStreams.error(line) }
    }

    private func bar(_ state: State) -> String {
        let width = 30
        let filled = total == 0 ? width : state.done * width / total
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            + text(state)
    }

    private func text(_ state: State) -> String {
        output.text("进度 \(state.done)/\(total)：成功 \(state.filed)，未成功 \(state.refused)",
                    "progress \(state.done)/\(total): ok \(state.filed), not filed \(state.refused)")
    }
}

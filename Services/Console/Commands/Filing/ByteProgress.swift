import Foundation

/// Progress of a big upload or download on standard error: one line redrawn in place on a
/// terminal, else a line at every quarter (logs, pipes). Files under `threshold` show nothing.
struct ByteProgress {
    /// Files at least this big show progress (1 MiB).
    static let threshold = 1 << 20

    private let total: Int
    private let verb: String
    private let terminal: Bool
    private let output: Output
    private var lastQuarter = 0
    private var lastDraw = ContinuousClock.now - .seconds(1)
    private let active: Bool

    /// Progress over `total` bytes; `zh`/`en` name what happens (上传 / upload).
    init(total: Int, zh: String, en: String, output: Output, terminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.output = output
        self.terminal = terminal
        verb = output.text(zh, en)
        active = total >= Self.threshold && !output.json
    }

    /// `done` bytes are through.
    mutating func advance(to done: Int) {
        guard active else { return }
        let percent = total == 0 ? 100 : min(100, done * 100 / total)
        let text = output.text("\(verb) \(ByteSize.text(done, output))/\(ByteSize.text(total, output))（\(percent)%）",
                               "\(verb) \(ByteSize.text(done, output)) of \(ByteSize.text(total, output)) (\(percent)%)")
        if terminal {
            let now = ContinuousClock.now
            guard done >= total || now - lastDraw >= .milliseconds(100) else { return }
            lastDraw = now
            StandardStreams.error("\r\u{1B}[K" + text + (done >= total ? "\n" : ""))
            return
        }
        let quarter = total == 0 ? 4 : done * 4 / total
        guard quarter > lastQuarter else { return }
        lastQuarter = quarter
        output.error(text)
    }
}

/// Byte counts as people read them.
enum ByteSize {
    /// `812 字节`, `2.0 KiB`, `1.5 MiB` (bytes in the chosen language under 1 KiB).
    static func text(_ bytes: Int, _ output: Output) -> String {
        if bytes < 1024 { return output.text("\(bytes) 字节", "\(bytes) bytes") }
        if bytes < 1 << 20 { return String(format: "%.1f KiB", Double(bytes) / 1024) }
        if bytes < 1 << 30 { return String(format: "%.1f MiB", Double(bytes) / Double(1 << 20)) }
        return String(format: "%.2f GiB", Double(bytes) / Double(1 << 30))
    }

    /// The readable size with the exact count: `2.0 KiB（2048 字节）`.
    static func exact(_ bytes: Int, _ output: Output) -> String {
        bytes < 1024 ? text(bytes, output) : text(bytes, output) + output.text("（\(bytes) 字节）", " (\(bytes) bytes)")
    }
}

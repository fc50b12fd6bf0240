import Glibc

/// Detached POSIX threads for work that must not run on the cooperative pool (event loops, the log
/// writer, joins that block): what Foundation's `Thread` gave us, without loading Foundation.
package enum PlatformThread {
    /// Starts a detached thread named `name` (at most 15 bytes are kept, the kernel's limit) that
    /// runs `body` and ends. `stackSize` nil keeps the system default (the `ulimit -s` size).
    package static func start(name: String, stackSize: Int? = nil, _ body: @escaping @Sendable () -> Void) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        if let stackSize { pthread_attr_setstacksize(&attributes, max(stackSize, Int(PTHREAD_STACK_MIN))) }

        let context = Unmanaged.passRetained(ThreadContext(name: name, body: body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, &attributes, { raw in
            let context = Unmanaged<ThreadContext>.fromOpaque(raw!).takeRetainedValue()
            context.run()
            return nil
        }, context)
        guard result == 0 else {
            Unmanaged<ThreadContext>.fromOpaque(context).release()
            fatalError("cannot start thread \(name): \(String(cString: strerror(result)))")
        }
    }
}

/// What a new thread needs: its name and its work, handed over through `pthread_create`'s argument.
private final class ThreadContext {
    let name: String
    let body: @Sendable () -> Void

    init(name: String, body: @escaping @Sendable () -> Void) {
        self.name = name
        self.body = body
    }

    func run() {
        setName()
        body()
    }

    /// Names the calling thread (shown by `top -H`, `ps -L` and debuggers). Glibc's Swift overlay
    /// lacks `pthread_setname_np` (a GNU extension), so this writes the kernel's own file for it.
    private func setName() {
        let descriptor = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        let bytes = Array(name.utf8.prefix(15))
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }
}

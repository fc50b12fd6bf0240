import BeianRuntime
import CLinux
import Dispatch
import Glibc
import Synchronization

/// Something registered with an event loop to be told when its descriptor is ready.
/// Called on the loop's thread only.
package protocol EventLoopHandler: AnyObject {
    func handleEvent(readable: Bool, writable: Bool, hangUp: Bool)
}

/// One thread running an epoll loop: readiness events for registered descriptors, timers, and
/// closures submitted from any thread.
///
/// Thread confinement: registrations, timers and everything a handler does run on the loop's own
/// thread. Other threads interact only through `execute(_:)`, which queues a closure under a
/// mutex and wakes the loop through an eventfd (at most one wake-up write per batch). That is what
/// makes the `@unchecked Sendable` below sound: the unsynchronized state is touched by one thread.
package final class EventLoop: @unchecked Sendable {
    package let name: String
    private let epollDescriptor: Int32
    private let wakeDescriptor: Int32
    /// Closures waiting to run on the loop; `stopped` once the loop has run its last ones.
    private let submitted = Mutex<(tasks: [@Sendable () -> Void], stopped: Bool)>(([], false))
    private let wakePending = Atomic<Bool>(false)
    private let stopRequested = Atomic<Bool>(false)
    private let blockedInWait = Atomic<Bool>(false)
    private let stopped = DispatchSemaphore(value: 0)
    /// The loop thread's `pthread_t` (0 until it runs).
    private let threadID = Atomic<UInt>(0)

    // Loop-thread state.
    private var handlers: [Int32: any EventLoopHandler] = [:]
    private var interests: [Int32: UInt32] = [:]
    private var timers = TimerHeap()
    /// Set when the loop thread itself queued work without a wake-up: its next wait must not sleep.
    private var submittedFromLoop = false
    /// Work to run as soon as the task or event at hand returns (see `executeAfterCurrentTask`).
    private var afterCurrentTask: [() -> Void] = []
    /// The submitted closures of the round being run (see `runSubmitted`).
    private var running: [@Sendable () -> Void] = []

    /// A 64 KiB buffer for socket reads, shared by every connection of this loop (loop thread only:
    /// a read is consumed before the next one starts).
    package let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)

    package init(name: String) throws(IOError) {
        self.name = name
        epollDescriptor = try Syscall.retrying("epoll_create1") { epoll_create1(beian_EPOLL_CLOEXEC) }
        do {
            wakeDescriptor = try Syscall.retrying("eventfd") { eventfd(0, beian_EFD_CLOEXEC | beian_EFD_NONBLOCK) }
        } catch {
            Glibc.close(epollDescriptor)
            throw error
        }
        var event = epoll_event()
        event.events = beian_EPOLLIN
        event.data.fd = wakeDescriptor
        _ = epoll_ctl(epollDescriptor, EPOLL_CTL_ADD, wakeDescriptor, &event)

        let ready = DispatchSemaphore(value: 0)
        PlatformThread.start(name: name, stackSize: 1 << 20) { [self] in
            threadID.store(pthread_self(), ordering: .releasing)
            ready.signal()
            run()
        }
        ready.wait()
    }

    /// True while the loop thread sleeps in `epoll_wait` with nothing to do: work handed to it now
    /// would first have to wake it (a writer may do the work itself instead).
    package var isSleeping: Bool { blockedInWait.load(ordering: .relaxed) }

    /// True when called on this loop's thread.
    package var inEventLoop: Bool {
        let id = threadID.load(ordering: .acquiring)
        return id != 0 && pthread_equal(id, pthread_self()) != 0
    }

    /// Runs `task` on the loop thread, soon (on the loop thread itself: after the work at hand,
    /// before the loop waits again). Callable from any thread; once the loop has stopped, `task`
    /// is dropped.
    package func execute(_ task: @escaping @Sendable () -> Void) {
        executeIfRunning(task)
    }

    /// `execute`, reporting whether the loop took `task`: false once it has stopped (the task is
    /// then dropped).
    @discardableResult
    func executeIfRunning(_ task: @escaping @Sendable () -> Void) -> Bool {
        let accepted = submitted.withLock { queue -> Bool in
            guard !queue.stopped else { return false }
            queue.tasks.append(task)
            return true
        }
        if accepted { wake() }
        return accepted
    }

    private func wake() {
        if inEventLoop {
            submittedFromLoop = true
            return
        }
        if !wakePending.exchange(true, ordering: .acquiringAndReleasing) {
            var one: UInt64 = 1
            _ = Glibc.write(wakeDescriptor, &one, 8)
        }
    }

    /// Stops the loop after the closures already submitted have run, and waits for its thread to
    /// finish. Registered descriptors are not closed: their owners must close them first.
    package func shutdown() {
        guard !stopRequested.exchange(true, ordering: .acquiringAndReleasing) else { return }
        var one: UInt64 = 1
        _ = Glibc.write(wakeDescriptor, &one, 8)
        if !inEventLoop { stopped.wait() }
    }

    deinit {
        readBuffer.deallocate()
        Glibc.close(epollDescriptor)
        Glibc.close(wakeDescriptor)
    }

    // MARK: Loop-thread API

    /// Registers `handler` for `descriptor`. Loop thread only.
    package func register(_ descriptor: Int32, handler: any EventLoopHandler, readable: Bool, writable: Bool) throws(IOError) {
        assertInEventLoop()
        var event = epoll_event()
        event.events = mask(readable: readable, writable: writable)
        event.data.fd = descriptor
        _ = try Syscall.retrying("epoll_ctl(ADD)") { epoll_ctl(epollDescriptor, EPOLL_CTL_ADD, descriptor, &event) }
        handlers[descriptor] = handler
        interests[descriptor] = event.events
    }

    /// Changes the events `descriptor` is watched for. Loop thread only.
    package func setInterest(_ descriptor: Int32, readable: Bool, writable: Bool) {
        assertInEventLoop()
        let events = mask(readable: readable, writable: writable)
        guard let current = interests[descriptor], current != events else { return }
        var event = epoll_event()
        event.events = events
        event.data.fd = descriptor
        if epoll_ctl(epollDescriptor, EPOLL_CTL_MOD, descriptor, &event) == 0 {
            interests[descriptor] = events
        }
    }

    /// Stops watching `descriptor` (before its owner closes it). Loop thread only.
    package func deregister(_ descriptor: Int32) {
        assertInEventLoop()
        guard handlers.removeValue(forKey: descriptor) != nil else { return }
        interests[descriptor] = nil
        _ = epoll_ctl(epollDescriptor, EPOLL_CTL_DEL, descriptor, nil)
    }

    /// Runs `task` as soon as the closure, job or event handler now running on the loop returns,
    /// before the rest of the queue: e.g. to send what a batch of handlers has written so far
    /// while the others still run. Loop thread only.
    package func executeAfterCurrentTask(_ task: @escaping () -> Void) {
        assertInEventLoop()
        afterCurrentTask.append(task)
    }

    private func runAfterCurrentTask() {
        while !afterCurrentTask.isEmpty {
            let tasks = afterCurrentTask
            afterCurrentTask.removeAll(keepingCapacity: true)
            for task in tasks { task() }
        }
    }

    /// Runs `action` on the loop thread once `delay` has passed. Loop thread only.
    package func scheduleTimer(after delay: Duration, _ action: @escaping () -> Void) -> TimerToken {
        assertInEventLoop()
        let nanoseconds = UInt64(max(0, delay.nanosecondsValue))
        return TimerToken(id: timers.schedule(at: Monotonic.nanoseconds() &+ nanoseconds, action))
    }

    /// Cancels a timer that has not fired yet (no effect otherwise). Loop thread only.
    package func cancelTimer(_ token: TimerToken?) {
        assertInEventLoop()
        if let token { timers.cancel(token.id) }
    }

    private func mask(readable: Bool, writable: Bool) -> UInt32 {
        var events = beian_EPOLLRDHUP
        if readable { events |= beian_EPOLLIN }
        if writable { events |= beian_EPOLLOUT }
        return events
    }

    @inline(__always) private func assertInEventLoop() {
        assert(inEventLoop, "EventLoop API used off its thread")
    }

    // MARK: The loop

    private func run() {
        let capacity = 256
        var events = [epoll_event](repeating: epoll_event(), count: capacity)
        while true {
            var timeout: Int32 = -1
            if let next = timers.nextDeadline() {
                let now = Monotonic.nanoseconds()
                timeout = next <= now ? 0 : Int32(clamping: (next - now + 999_999) / 1_000_000)
            }
            if submittedFromLoop { timeout = 0 }
            blockedInWait.store(timeout != 0, ordering: .relaxed)
            let count = events.withUnsafeMutableBufferPointer {
                epoll_wait(epollDescriptor, $0.baseAddress, Int32(capacity), timeout)
            }
            blockedInWait.store(false, ordering: .relaxed)
            if count > 0 {
                for index in 0..<Int(count) {
                    let event = events[index]
                    let descriptor = event.data.fd
                    if descriptor == wakeDescriptor {
                        var value: UInt64 = 0
                        _ = Glibc.read(wakeDescriptor, &value, 8)
                        continue
                    }
                    guard let handler = handlers[descriptor] else { continue }
                    let flags = event.events
                    handler.handleEvent(
                        readable: flags & (beian_EPOLLIN | beian_EPOLLRDHUP) != 0,
                        writable: flags & beian_EPOLLOUT != 0,
                        hangUp: flags & (beian_EPOLLHUP | beian_EPOLLERR) != 0)
                    runAfterCurrentTask()
                }
            }
            runSubmitted()
            if !timers.isEmpty {
                for action in timers.popExpired(now: Monotonic.nanoseconds()) { action() }
            }
            if stopRequested.load(ordering: .acquiring) {
                finishSubmitted()
                handlers.removeAll()
                stopped.signal()
                return
            }
        }
    }

    /// At the stop: runs what is queued, and what that queues, until nothing is left; from then on
    /// `executeIfRunning` refuses work (a task preferring this loop then runs on the global pool).
    private func finishSubmitted() {
        for _ in 0..<1000 {
            runSubmitted()
            let empty = submitted.withLock { queue -> Bool in
                guard queue.tasks.isEmpty else { return false }
                queue.stopped = true
                return true
            }
            if empty { return }
        }
        submitted.withLock { $0.stopped = true }
    }

    /// Runs the submitted closures, and those they submit in turn (a handler's task queuing its
    /// response, say) for a few rounds; anything left runs after the next, non-sleeping wait.
    private func runSubmitted() {
        for _ in 0..<4 {
            // Clear the flags before taking the queue: a closure submitted after the swap then
            // always writes a fresh wake-up (or, from this thread, sets the flag again).
            wakePending.store(false, ordering: .releasing)
            submittedFromLoop = false
            // The queue and `running` trade buffers, so neither is reallocated per round.
            submitted.withLock { queue in swap(&queue.tasks, &running) }
            if running.isEmpty { return }
            for index in running.indices {
                running[index]()
                runAfterCurrentTask()
            }
            running.removeAll(keepingCapacity: true)
        }
    }
}

/// A scheduled timer, for cancellation.
package struct TimerToken: Sendable, Hashable {
    fileprivate let id: TimerHeap.ID
}

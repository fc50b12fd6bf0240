/// An event loop is a task executor: a task that prefers it (`Task(executorPreference: loop)`)
/// runs its jobs on the loop thread. A server runs each call's handler this way on the loop of
/// the call's connection, so a request is read, handled and answered on one thread, without
/// handing the call to another thread and waking it (see `ServerConnection`). Jobs queued from
/// the loop thread itself run before the loop next waits, without a wake-up.
///
/// Handlers must therefore not block (the rule already, as for the cooperative pool): blocking
/// work such as SQLite runs on the store's own queues, and a handler's `await` on it frees the
/// loop in the meantime.
extension EventLoop: TaskExecutor {
    package func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let accepted = executeIfRunning { [self] in job.runSynchronously(on: asUnownedTaskExecutor()) }
        if !accepted {
            // The loop has stopped (its server shut down while a handler still awaited something):
            // the task goes on on the global pool rather than never running again.
            globalConcurrentExecutor.enqueue(ExecutorJob(job))
        }
    }
}

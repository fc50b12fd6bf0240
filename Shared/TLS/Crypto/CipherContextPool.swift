import COpenSSL
import Synchronization

/// A few libcrypto contexts of one kind, already keyed, lent out one at a time.
///
/// Setting a key up (AES key schedule, GCM tables, HMAC pads) and fetching an algorithm cost more
/// than sealing a small value, so a keyed object keeps its contexts and re-arms them per use. The
/// pool owns every context it holds and frees each once: those it keeps when it is released, the
/// ones it has no room for when they come back.
final class CipherContextPool: Sendable {
    /// A context pointer held by the pool (only ever used by one borrower at a time).
    struct Context: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    private let idle = Mutex<[Context]>([])
    private let make: @Sendable () throws -> OpaquePointer
    private let free: @Sendable (OpaquePointer) -> Void
    /// Contexts kept for reuse; more can be lent at once, and are freed when they come back.
    private let capacity: Int

    init(capacity: Int = 8, make: @escaping @Sendable () throws -> OpaquePointer,
         free: @escaping @Sendable (OpaquePointer) -> Void) {
        self.capacity = capacity
        self.make = make
        self.free = free
    }

    deinit {
        for context in idle.withLock({ $0 }) { free(context.pointer) }
    }

    /// Runs `body` with a keyed context of its own; the context returns to the pool afterwards,
    /// unless `body` threw (its state is then unknown, and it is freed).
    func withContext<R, E: Error>(_ body: (OpaquePointer) throws(E) -> R) throws -> R {
        let context = try idle.withLock { $0.popLast() } ?? Context(pointer: make())
        let result: R
        do {
            result = try body(context.pointer)
        } catch {
            free(context.pointer)
            throw error
        }
        let kept = idle.withLock { idle -> Bool in
            guard idle.count < capacity else { return false }
            idle.append(context)
            return true
        }
        if !kept { free(context.pointer) }
        return result
    }
}

import BeianRPC
import Synchronization

/// Coalesces concurrent identity checks into shared `VerifyBatch` calls (合并核验请求): a check
/// that arrives while no call is under way is sent at once; checks arriving while one is under
/// way wait for it and then go together in the next call. No timer: alone, a check is never
/// delayed; under load, one call carries the numbers of many submissions, which saves a call's
/// work on both sides.
///
/// Each check gets the results of its own numbers, in order. When identity refuses a shared call
/// as malformed (INVALID_ARGUMENT), each check is sent again alone, so that it gets its own answer;
/// any other failure (identity down, slow) is every waiting check's failure, as it would have been
/// alone.
package final class IdentityCoalescer: Sendable {
    /// Most numbers in one shared call (identity takes up to 10,000).
    package static let maximumItems = 1_000

    private let send: @Sendable ([IdentityQuery]) async throws(RPCError) -> [IdentityResult]
    private let state = Mutex(State())

    private struct Waiter: Sendable {
        var queries: [IdentityQuery]
        var continuation: CheckedContinuation<Result<[IdentityResult], RPCError>, Never>
    }

    private struct State {
        var waiting: [Waiter] = []
        var sending = false
        var calls = 0
        var checks = 0
    }

    /// A coalescer calling `send` (one `VerifyBatch` call) for each shared batch.
    package init(send: @escaping @Sendable ([IdentityQuery]) async throws(RPCError) -> [IdentityResult]) {
        self.send = send
    }

    /// Calls made and checks answered so far (for tests and benchmarks).
    package var counts: (calls: Int, checks: Int) { state.withLock { ($0.calls, $0.checks) } }

    /// The results for `queries`, in order, from a call shared with other checks.
    package func verify(_ queries: [IdentityQuery]) async throws(RPCError) -> [IdentityResult] {
        guard !queries.isEmpty else { return [] }
        let result = await withCheckedContinuation { continuation in
            let start = state.withLock { state -> Bool in
                state.waiting.append(Waiter(queries: queries, continuation: continuation))
                guard !state.sending else { return false }
                state.sending = true
                return true
            }
            // Detached: the call belongs to no caller (no caller's deadline or cancellation applies).
            if start { Task.detached { await self.drain() } }
        }
        return try result.get()
    }

    /// Sends batches until nobody waits.
    private func drain() async {
        while let batch = nextBatch() {
            await answer(batch)
        }
    }

    private func nextBatch() -> [Waiter]? {
        state.withLock { state in
            guard !state.waiting.isEmpty else {
                state.sending = false
                return nil
            }
            var count = 0
            var items = 0
            for waiter in state.waiting {
                if count > 0, items + waiter.queries.count > Self.maximumItems { break }
                count += 1
                items += waiter.queries.count
            }
            let batch = Array(state.waiting.prefix(count))
            state.waiting.removeFirst(count)
            state.calls += 1
            state.checks += batch.count
            return batch
        }
    }

    private func answer(_ batch: [Waiter]) async {
        let queries = batch.flatMap(\.queries)
        do throws(RPCError) {
            let results = try await send(queries)
            var start = 0
            for waiter in batch {
                let end = start + waiter.queries.count
                waiter.continuation.resume(returning: .success(Array(results[start..<end])))
                start = end
            }
        } catch where error.code == .invalidArgument && batch.count > 1 {
            for waiter in batch {
                do throws(RPCError) {
                    waiter.continuation.resume(returning: .success(try await send(waiter.queries)))
                } catch {
                    waiter.continuation.resume(returning: .failure(error))
                }
            }
        } catch {
            for waiter in batch { waiter.continuation.resume(returning: .failure(error)) }
        }
    }
}

import BeianRPC

/// Runs `body`, expecting it to fail with an `RPCError`; returns the error (nil if it succeeded
/// or failed otherwise, which the caller's `#expect`/`#require` then reports).
package func capturedRPCError<T>(_ body: () async throws -> T) async -> RPCError? {
    do {
        _ = try await body()
        return nil
    } catch let error as RPCError {
        return error
    } catch {
        return nil
    }
}

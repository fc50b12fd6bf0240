import BeianRPC

/// Intake's client of the identity service (`beian.identity.v1.Identity/VerifyBatch`), over
/// mutual TLS with intake's own certificate.
///
/// Concurrent checks share calls (`IdentityCoalescer`). Calls ask for `compact` results (no
/// facts about the person or unit, no messages), which is all a valid number needs; the numbers
/// found invalid are asked again in `full` detail, for identity's bilingual reasons.
package struct IdentityVerifier: Sendable {
    /// The method called.
    package static let verifyBatch = "beian.identity.v1.Identity/VerifyBatch"

    let client: RPCClient
    let timeout: Duration
    /// The shared calls.
    package let coalescer: IdentityCoalescer

    /// A verifier using `client`; each call waits at most `timeout`.
    package init(client: RPCClient, timeout: Duration) {
        self.client = client
        self.timeout = timeout
        coalescer = IdentityCoalescer { queries throws(RPCError) in
            try await Self.call(client, queries, timeout: timeout)
        }
    }

    /// The results for `queries`, in order (nothing is called for none). Any failure of the
    /// identity service (down, slow, refusing) is thrown as the `RPCError` it gave.
    package func verify(_ queries: [IdentityQuery]) async throws(RPCError) -> [IdentityResult] {
        try await coalescer.verify(queries)
    }

    /// One call: compact results, then full ones for the invalid numbers.
    static func call(_ client: RPCClient, _ queries: [IdentityQuery],
                     timeout: Duration) async throws(RPCError) -> [IdentityResult] {
        var results = try await request(client, queries, detail: "compact", timeout: timeout)
        let invalid = results.indices.filter { !results[$0].valid }
        if !invalid.isEmpty {
            let full = try await request(client, invalid.map { queries[$0] }, detail: "full", timeout: timeout)
            for (index, result) in zip(invalid, full) { results[index] = result }
        }
        return results
    }

    private static func request(_ client: RPCClient, _ queries: [IdentityQuery], detail: String,
                                timeout: Duration) async throws(RPCError) -> [IdentityResult] {
        guard !queries.isEmpty else { return [] }
        let response = try await client.unary(
            verifyBatch, request: IdentityBatchRequest(items: queries, detail: detail), as: IdentityBatchResponse.self,
            options: CallOptions(timeout: timeout))
        guard response.results.count == queries.count else {
            throw RPCError(.internal, "identity answered \(response.results.count) results for \(queries.count) numbers")
        }
        return response.results
    }
}

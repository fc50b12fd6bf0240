import BeianRPC

/// Intake's client of the identity service (`beian.identity.v1.Identity/VerifyBatch`), over
/// mutual TLS with intake's own certificate.
package struct IdentityVerifier: Sendable {
    /// The method called.
    package static let verifyBatch = "beian.identity.v1.Identity/VerifyBatch"

    let client: RPCClient
    let timeout: Duration

    /// A verifier using `client`; each call waits at most `timeout`.
    package init(client: RPCClient, timeout: Duration) {
        self.client = client
        self.timeout = timeout
    }

    /// The results for `queries`, in order (nothing is called for none). Any failure of the
    /// identity service (down, slow, refusing) is thrown as the `RPCError` it gave.
    package func verify(_ queries: [IdentityQuery]) async throws(RPCError) -> [IdentityResult] {
        guard !queries.isEmpty else { return [] }
        let response = try await client.unary(
            Self.verifyBatch, request: IdentityBatchRequest(items: queries), as: IdentityBatchResponse.self,
            options: CallOptions(timeout: timeout))
        guard response.results.count == queries.count else {
            throw RPCError(.internal, "identity answered \(response.results.count) results for \(queries.count) numbers")
        }
        return response.results
    }
}

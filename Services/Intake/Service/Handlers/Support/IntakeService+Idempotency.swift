import BeianJSON
import BeianRPC
import BeianStore
import BeianTLS
import Foundation

extension IntakeService {
    /// Metadata key of the idempotency key.
    package static let idempotencyKey = "idempotency-key"

    /// Runs a state-changing call at most once per idempotency key (幂等).
    ///
    /// Without the `idempotency-key` metadata: `prepare` (validation, identity calls) then its
    /// write. With it: a retry with the same key and the same request gets the first response
    /// without running anything; the same key with another request is FAILED_PRECONDITION. Keys
    /// are scoped by office, method and caller. The stored response is sealed (a receipt holds
    /// the access code); it commits in the same transaction as the change.
    package func idempotent<Request: Encodable & Sendable, Response: Codable & Sendable>(
        _ context: ServerContext, method: String, principal: Principal, request: Request,
        prepare: () async throws -> @Sendable (Database) throws -> Response
    ) async throws -> Response {
        guard let key = context.metadata[Self.idempotencyKey] else {
            let write = try await prepare()
            return try await store.write(write)
        }
        guard (1...200).contains(key.count) else {
            throw RPCError(.invalidArgument, "metadata \(Self.idempotencyKey) must be 1 to 200 characters")
        }
        let scoped = "intake.\(method):\(officeCode):\(principal.actor):\(key)"
        let requestBytes = try JSONCoding.encode(request)
        let requestHash = SHA256.hash(requestBytes)
        let repository = self.repository
        let purpose = "beian_idempotency.response"
        func decode(_ sealed: [UInt8]) throws -> Response {
            let text = try repository.cipher.open(sealed, purpose: purpose)
            return try JSONCoding.decode(Response.self, from: Array(text.utf8))
        }
        do {
            let stored = try await store.read { db in
                try db.idempotentResponse(key: scoped, requestSHA256: requestHash)
            }
            if let stored {
                return try decode(stored)
            }
            let write = try await prepare()
            let sealed = try await store.idempotentWrite(key: scoped, request: requestBytes, at: clock.now().date) { db in
                let response = try write(db)
                let bytes = try JSONCoding.encode(response)
                return try repository.cipher.seal(String(decoding: bytes, as: UTF8.self), purpose: purpose)
            }
            return try decode(sealed)
        } catch let error as StoreError where error.code == .idempotencyConflict {
            throw RPCError(.failedPrecondition, "idempotency key \"\(key)\" was already used for a different request "
                + "/ 幂等键已用于另一个请求")
        }
    }
}

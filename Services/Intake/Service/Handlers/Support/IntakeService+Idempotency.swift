import BeianJSON
import BeianRPC
import BeianStore
import BeianTLS
import Foundation

extension IntakeService {
    /// Metadata key of the idempotency key.
    package static let idempotencyKey = "idempotency-key"
    /// Trailing metadata set to `true` when the answer is the stored one of an earlier call with
    /// the same key (nothing was done again): how a client tells "filed now" from "filed before".
    package static let idempotentReplay = "idempotent-replay"

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
        try await idempotentWrite(context, method: method, principal: principal, request: request) {
            .computed(try await prepare())
        }
    }

    /// `idempotent` for a write whose response is known before the transaction (a submission's
    /// receipt): the response is encoded and sealed outside the store's single writer.
    package func idempotentPrepared<Request: Encodable & Sendable, Response: Codable & Sendable>(
        _ context: ServerContext, method: String, principal: Principal, request: Request,
        prepare: () async throws -> PreparedWrite<Response>
    ) async throws -> Response {
        try await idempotentWrite(context, method: method, principal: principal, request: request) {
            let prepared = try await prepare()
            return .known(prepared.response, prepared.write)
        }
    }

    private func idempotentWrite<Request: Encodable & Sendable, Response: Codable & Sendable>(
        _ context: ServerContext, method: String, principal: Principal, request: Request,
        prepare: () async throws -> WriteShape<Response>
    ) async throws -> Response {
        guard let key = context.metadata[Self.idempotencyKey] else {
            switch try await prepare() {
            case .computed(let write):
                return try await store.write(write)
            case .known(let response, let write):
                try await store.write(write)
                return response
            }
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
        @Sendable func seal(_ response: Response) throws -> [UInt8] {
            let bytes = try JSONCoding.encode(response)
            return try repository.cipher.seal(String(decoding: bytes, as: UTF8.self), purpose: purpose)
        }
        do {
            let stored = try await store.read { db in
                try db.idempotentResponse(key: scoped, requestSHA256: requestHash)
            }
            if let stored {
                context.responseMetadata[Self.idempotentReplay] = "true"
                return try decode(stored)
            }
            let now = clock.now().date
            switch try await prepare() {
            case .computed(let write):
                let sealed = try await store.idempotentWrite(key: scoped, request: requestBytes, at: now) { db in
                    try seal(try write(db))
                }
                return try decode(sealed)
            case .known(let response, let write):
                let sealedResponse = try seal(response)
                let sealed = try await store.idempotentWrite(key: scoped, request: requestBytes, at: now) { db in
                    try write(db)
                    return sealedResponse
                }
                if sealed == sealedResponse { return response }
                context.responseMetadata[Self.idempotentReplay] = "true"
                return try decode(sealed)
            }
        } catch let error as StoreError where error.code == .idempotencyConflict {
            throw RPCError(.failedPrecondition, zh: "幂等键“\(key)”已用于另一个不同的请求；重试请发送与原请求相同的内容，新的请求请换一个幂等键",
                           en: "idempotency key \"\(key)\" was already used for a different request; a retry must send "
                               + "the same request, a new request needs a new key")
        }
    }
}

/// A state-changing write whose response is computed before the transaction: the write only
/// stores (`IntakeService.idempotent`).
package struct PreparedWrite<Response: Sendable>: Sendable {
    /// The response, returned once `write` committed.
    package var response: Response
    /// The statements, run in the store's write transaction.
    package var write: @Sendable (Database) throws -> Void

    /// Creates a prepared write.
    package init(response: Response, write: @escaping @Sendable (Database) throws -> Void) {
        self.response = response
        self.write = write
    }
}

/// How a handler's write produces its response.
private enum WriteShape<Response: Sendable> {
    /// In the transaction.
    case computed(@Sendable (Database) throws -> Response)
    /// Before it.
    case known(Response, @Sendable (Database) throws -> Void)
}

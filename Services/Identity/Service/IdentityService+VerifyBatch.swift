import BeianJSON
import BeianModel
import BeianRPC

/// `VerifyBatch` written straight to bytes: the request is read member by member, the items are
/// checked in parallel slices, and each slice writes its results into one byte buffer.
extension IdentityService {
    /// `VerifyBatch`: up to 10,000 numbers → one result each, in order, and the counts.
    ///
    /// The descriptor (reflection shapes) is the typed method's; the handler skips the `Codable`
    /// layer and answers with the bytes of `verifyBatchBytes(_:)`.
    var verifyBatchMethod: RPCMethod {
        let typed = RPCMethod.unary(
            IdentityAPI.service, "VerifyBatch",
            summary: "Checks up to 10000 numbers in order: {items: [{kind, value, ref}], detail: full|compact} → {results, valid, invalid}.",
            request: RawMessage<IdentityBatchRequest>.self, response: RawMessage<IdentityBatchResponse>.self
        ) { request, _ in RawMessage(request.value) }
        return RPCMethod(descriptor: typed.descriptor) { io, context in
            let message = try await io.singleRequest()
            if message.isNull {
                // The typed layer's answer to a null message: the request's missing members.
                do { _ = try JSONCoding.decode(IdentityBatchRequest.self, from: message) } catch {
                    throw RPCError(mapping: error)
                }
            }
            try IdentityAccess.authorize(context)
            let answer = try await verifyBatchBytes(message)
            context.logger.info("verified batch", [
                "items": .int(answer.count), "valid": .int(answer.valid), "invalid": .int(answer.count - answer.valid),
            ])
            return EncodedMessage(trustedJSON: answer.bytes)
        }.runningOnGlobalPool()  // milliseconds of checks and MBs of answer: off the connection's loop
    }

    /// The `VerifyBatch` answer to a request message as JSON bytes, without the RPC: the bytes
    /// equal `JSONWriter.serialize(verifyBatch(message).response)`.
    package func verifyBatchBytes(_ message: JSONValue) async throws(RPCError) -> (bytes: [UInt8], count: Int, valid: Int) {
        let (items, detail) = try IdentityRequestReader.batch(message)
        let today = today()
        let parts = await inSlices(items) { part in answerBytes(part, detail: detail, today: today) }
        let valid = parts.reduce(0) { $0 + $1.valid }
        // The parts are copied once, straight into the answer.
        let prefix = Array("{\"results\":[".utf8)
        let suffix = Array("],\"valid\":\(valid),\"invalid\":\(items.count - valid)}".utf8)
        let written = parts.filter { $0.bytes.count > 0 }
        let total = prefix.count + suffix.count + written.reduce(max(0, written.count - 1)) { $0 + $1.bytes.count }
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
            var offset = 0
            func copy(_ source: UnsafeBufferPointer<UInt8>) {
                guard let base = source.baseAddress, source.count > 0 else { return }
                precondition(offset + source.count <= buffer.count, "VerifyBatch answer larger than counted")
                (buffer.baseAddress! + offset).initialize(from: base, count: source.count)
                offset += source.count
            }
            prefix.withUnsafeBufferPointer(copy)
            for (index, part) in written.enumerated() {
                if index > 0 { [UInt8(ascii: ",")].withUnsafeBufferPointer(copy) }
                part.bytes.withUnsafeBytes(copy)
            }
            suffix.withUnsafeBufferPointer(copy)
            initialized = offset
        }
        return (bytes, items.count, valid)
    }

    /// Checks a slice of the items and writes their results, comma-separated; returns the bytes
    /// with the number valid.
    func answerBytes(_ items: ArraySlice<IdentityRequestReader.Item>, detail: IdentityResultDetail,
                     today: IdentityDate) -> (bytes: ByteBuffer, valid: Int) {
        var valid = 0
        let perItem = detail == .compact ? 120 : 360
        var json = IdentityJSONBytes(regions: regionJSON, issues: issueJSON, detail: detail, capacity: items.count * perItem)
        var first = true
        for item in items {
            let check = validator.validate(item.value, as: item.kind, today: today)
            if check.valid { valid += 1 }
            if !first { json.byte(UInt8(ascii: ",")) }
            first = false
            json.write(check, ref: item.ref)
        }
        return (json.bytes, valid)
    }

    /// Runs `body` over the items, in parallel slices (one per core) for large batches; the
    /// answers in item order. The slices run on the global pool, not on the executor the handler
    /// prefers (its connection's event loop, one thread): child tasks would inherit that.
    func inSlices<Answer: Sendable>(
        _ items: [IdentityRequestReader.Item],
        _ body: @escaping @Sendable (ArraySlice<IdentityRequestReader.Item>) -> Answer
    ) async -> [Answer] {
        let slices = items.count < Self.parallelBatchThreshold ? 1 : min(Self.cores, items.count / (Self.parallelBatchThreshold / 2))
        if slices <= 1 { return [body(items[...])] }
        let size = (items.count + slices - 1) / slices
        return await withTaskGroup(of: (Int, Answer).self) { group in
            for slice in 0..<slices {
                let part = items[(slice * size)..<min(items.count, (slice + 1) * size)]
                group.addTask(executorPreference: globalConcurrentExecutor) { (slice, body(part)) }
            }
            var parts: [(Int, Answer)] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}

import BeianRPC

extension MaterialUploadError: RPCErrorConvertible {
    /// RESOURCE_EXHAUSTED for a limit, INVALID_ARGUMENT for the content.
    package var rpcError: RPCError {
        switch code {
        case .fileTooLarge, .filingTooLarge: RPCError(.resourceExhausted, message)
        case .chunkTooLarge, .unsupportedType, .empty:
            RPCError.invalidArgument(message, violations: [
                RPCError.FieldViolation(field: "data", rule: code.rawValue, zh: message, en: message),
            ])
        }
    }
}

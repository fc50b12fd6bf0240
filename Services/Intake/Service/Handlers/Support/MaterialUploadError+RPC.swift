import BeianRPC
import BeianServiceKit

extension MaterialUploadError: RPCErrorConvertible {
    /// RESOURCE_EXHAUSTED for a limit, INVALID_ARGUMENT for the content; the message Chinese first,
    /// then English, and the field violation with each language on its own.
    package var rpcError: RPCError {
        switch code {
        case .fileTooLarge, .filingTooLarge: return RPCError(.resourceExhausted, zh: zh, en: en)
        case .chunkTooLarge, .unsupportedType, .empty:
            return RPCError.invalidArgument(message, violations: [
                RPCError.FieldViolation(field: "data", rule: code.rawValue, zh: zh, en: en),
            ])
        }
    }
}

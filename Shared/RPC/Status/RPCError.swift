import BeianJSON

/// An error that ends a call with a non-OK status.
///
/// Handlers throw it (or a type conforming to `RPCErrorConvertible`); the server turns it into the
/// final status frame. Clients receive it for every non-OK status. `details` are sent as they are
/// (JSON objects with a `type`); `fieldViolations` become one `bad_request` detail. Equality
/// compares code and message only.
package struct RPCError: Error, Sendable, CustomStringConvertible {
    package var code: RPCStatus.Code
    package var message: String
    package var fieldViolations: [FieldViolation]
    package var details: [JSONValue]
    /// Trailing metadata of the status frame (server side: sent; client side: received).
    package var metadata: [String: String]

    package init(
        _ code: RPCStatus.Code, _ message: String, fieldViolations: [FieldViolation] = [],
        details: [JSONValue] = [], metadata: [String: String] = [:]
    ) {
        self.code = code
        self.message = message
        self.fieldViolations = fieldViolations
        self.details = details
        self.metadata = metadata
    }

    /// INVALID_ARGUMENT listing every bad field.
    package static func invalidArgument(_ message: String, violations: [FieldViolation]) -> RPCError {
        RPCError(.invalidArgument, message, fieldViolations: violations)
    }

    package var status: RPCStatus { RPCStatus(code: code, message: message) }

    package var description: String {
        var text = message.isEmpty ? code.name : "\(code.name): \(message)"
        for violation in fieldViolations { text += "\n  \(violation.field): \(violation.description)" }
        return text
    }

    /// The `details` array as it goes on the wire: the field violations (if any) as a
    /// `bad_request` entry, then the other details.
    package var wireDetails: [JSONValue] {
        var all: [JSONValue] = []
        if !fieldViolations.isEmpty, let violations = try? JSONCoding.encodeValue(fieldViolations) {
            all.append(["type": "bad_request", "field_violations": violations])
        }
        all.append(contentsOf: details)
        return all
    }
}

extension RPCError {
    /// Rebuilds an error from a received status: the `bad_request` detail becomes
    /// `fieldViolations`, other details are kept as they are.
    package init(code: RPCStatus.Code, message: String, wireDetails: [JSONValue], metadata: [String: String]) {
        var violations: [FieldViolation] = []
        var others: [JSONValue] = []
        for detail in wireDetails {
            if detail["type"]?.stringValue == "bad_request", let list = detail["field_violations"],
               let decoded = try? JSONCoding.decode([FieldViolation].self, from: list) {
                violations.append(contentsOf: decoded)
            } else {
                others.append(detail)
            }
        }
        self.init(code, message, fieldViolations: violations, details: others, metadata: metadata)
    }
}

extension RPCError {
    /// UNAVAILABLE for a call the server never processed (refused by a goaway): safe to retry on
    /// another connection. Marked with a `{"type": "not_processed"}` detail.
    package static func notProcessed(_ message: String) -> RPCError {
        RPCError(.unavailable, message, details: [["type": "not_processed"]])
    }

    /// True when the server certainly did not process the call (see `notProcessed`).
    package var wasNotProcessed: Bool {
        code == .unavailable && details.contains { $0["type"]?.stringValue == "not_processed" }
    }
}

extension RPCError: Equatable {
    package static func == (lhs: RPCError, rhs: RPCError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message
    }
}

/// Domain errors that know which status they mean (e.g. a validation failure → INVALID_ARGUMENT).
package protocol RPCErrorConvertible: Error {
    var rpcError: RPCError { get }
}

extension RPCError {
    /// The status an arbitrary error thrown by a handler maps to. Unknown errors become INTERNAL
    /// with a generic message: their text is logged by the server, never sent to the client.
    package init(mapping error: any Error) {
        switch error {
        case let error as RPCError:
            self = error
        case let error as any RPCErrorConvertible:
            self = error.rpcError
        case let error as JSONError:
            self = RPCError(.invalidArgument, "the request message does not match the method's message shape",
                            fieldViolations: [FieldViolation(field: error.field.isEmpty ? "message" : error.field,
                                                             rule: error.kind.description,
                                                             zh: Self.chinese(for: error), en: error.message)])
        case is CancellationError:
            self = RPCError(.cancelled, "the call was cancelled")
        default:
            self = RPCError(.internal, "internal error")
        }
    }

    private static func chinese(for error: JSONError) -> String {
        switch error.kind {
        case .missingField: "缺少必填字段"
        case .typeMismatch: "字段类型不正确"
        case .invalidValue: "字段取值无效"
        case .numberOutOfRange: "数值超出范围"
        default: "JSON 格式错误"
        }
    }
}

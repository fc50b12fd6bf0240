/// A call's final status: one of gRPC's 17 canonical codes, with gRPC's meanings.
package struct RPCStatus: Sendable, Hashable, CustomStringConvertible {
    /// A canonical status code. A struct over a private enum so the set can be documented and
    /// matched without freezing a public enum.
    package struct Code: Sendable, Hashable, CustomStringConvertible {
        package let rawValue: Int
        package let name: String

        private init(_ rawValue: Int, _ name: String) {
            self.rawValue = rawValue
            self.name = name
        }

        package static let ok = Code(0, "OK")
        package static let cancelled = Code(1, "CANCELLED")
        package static let unknown = Code(2, "UNKNOWN")
        package static let invalidArgument = Code(3, "INVALID_ARGUMENT")
        package static let deadlineExceeded = Code(4, "DEADLINE_EXCEEDED")
        package static let notFound = Code(5, "NOT_FOUND")
        package static let alreadyExists = Code(6, "ALREADY_EXISTS")
        package static let permissionDenied = Code(7, "PERMISSION_DENIED")
        package static let resourceExhausted = Code(8, "RESOURCE_EXHAUSTED")
        package static let failedPrecondition = Code(9, "FAILED_PRECONDITION")
        package static let aborted = Code(10, "ABORTED")
        package static let outOfRange = Code(11, "OUT_OF_RANGE")
        package static let unimplemented = Code(12, "UNIMPLEMENTED")
        package static let `internal` = Code(13, "INTERNAL")
        package static let unavailable = Code(14, "UNAVAILABLE")
        package static let dataLoss = Code(15, "DATA_LOSS")
        package static let unauthenticated = Code(16, "UNAUTHENTICATED")

        /// All 17 codes, ordered by number.
        package static let all: [Code] = [
            .ok, .cancelled, .unknown, .invalidArgument, .deadlineExceeded, .notFound, .alreadyExists,
            .permissionDenied, .resourceExhausted, .failedPrecondition, .aborted, .outOfRange,
            .unimplemented, .internal, .unavailable, .dataLoss, .unauthenticated,
        ]

        /// The code with this number; unknown numbers read as UNKNOWN, as gRPC does.
        package init(rawValue: Int) {
            self = Code.all.indices.contains(rawValue) ? Code.all[rawValue] : .unknown
        }

        /// The code with this name ("NOT_FOUND"), nil if no such code.
        package init?(name: String) {
            guard let code = Code.all.first(where: { $0.name == name }) else { return nil }
            self = code
        }

        package var description: String { name }

        package static func == (lhs: Code, rhs: Code) -> Bool { lhs.rawValue == rhs.rawValue }
        package func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    }

    package var code: Code
    package var message: String

    package init(code: Code, message: String = "") {
        self.code = code
        self.message = message
    }

    package static let ok = RPCStatus(code: .ok)

    package var description: String { message.isEmpty ? code.name : "\(code.name): \(message)" }
}

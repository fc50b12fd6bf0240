import BeianJSON
import BeianModel
import BeianRPC

extension RPCError {
    /// FAILED_PRECONDITION for a transition the state machine refuses, naming the current status.
    package static func transition(_ error: FilingTransitionError, filingID: String) -> RPCError {
        let event = FilingEvent.zh(name: error.event)
        let zh = switch error.code {
        case "reason_required": "\(event)须写明理由"
        case "filing_number_required": "\(event)须有备案号"
        default: "备案\(filingID)当前为“\(error.from.zh)”，不能\(event)"
        }
        return RPCError(.failedPrecondition,
                 "\(zh) / filing \(filingID) is \(error.from.rawValue): \(error.message) [\(error.code)]",
                 details: [["type": "filing_transition", "code": .string(error.code),
                            "status": .string(error.from.rawValue), "event": .string(error.event)]])
    }

    /// FAILED_PRECONDITION for a submission this office does not file, with the decision attached
    /// as a `scope_decision` detail (outcome, evidence, referral).
    package static func scope(_ refusal: ScopeRefusal) -> RPCError {
        var details: [JSONValue] = []
        if let decision = try? JSONCoding.encodeValue(refusal.decision) {
            details.append(["type": "scope_decision", "decision": decision])
        }
        return RPCError(.failedPrecondition, refusal.message, details: details)
    }
}

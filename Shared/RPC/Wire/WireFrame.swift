import BeianJSON

/// A frame after its JSON was parsed and checked against the wire contract (see PROTOCOL.md).
package enum WireFrame: Sendable {
    /// `{"ping": n}`: answer with `{"pong": n}`.
    case ping(JSONValue)
    /// `{"pong": n}`: the answer to our ping `n`.
    case pong(JSONValue)
    /// `{"goaway": {"last_call": n, "reason": "..."}}`: the peer will close; calls above `lastCall` were not processed.
    case goaway(lastCall: Int64?, reason: String)
    /// `{"hello": {...}}`: the server's first frame.
    case hello(protocolVersion: Int64, maximumFrame: Int64?, maximumConcurrentCalls: Int64?)
    /// A frame of one call.
    case call(CallFrame)
}

/// The parts of a call frame; absent members are nil/false.
package struct CallFrame: Sendable {
    package var id: Int64
    /// Present on the frame that opens a call (client to server).
    package var method: String?
    package var metadata: [String: String]?
    package var timeoutMilliseconds: Int64?
    package var message: JSONValue?
    package var end: Bool
    package var cancel: Bool
    /// Present on the final frame of a call (server to client).
    package var status: StatusFrame?
}

/// The final status of a call as carried on the wire.
package struct StatusFrame: Sendable {
    package var code: RPCStatus.Code
    package var message: String
    package var details: [JSONValue]
}

/// A frame that breaks the contract. When it names a usable call id, the error ends that call
/// with INVALID_ARGUMENT; otherwise the connection is closed with a goaway carrying `reason`.
package struct FrameContractError: Error, Sendable, CustomStringConvertible {
    package var callID: Int64?
    package var reason: String
    package var code: RPCStatus.Code

    package init(callID: Int64?, reason: String, code: RPCStatus.Code = .invalidArgument) {
        self.callID = callID
        self.reason = reason
        self.code = code
    }

    package var description: String { reason }
}

extension WireFrame {
    /// Largest call id: 2^53 − 1, so ids are exact in every JSON implementation (JavaScript too).
    package static let maximumCallID: Int64 = (1 << 53) - 1

    /// Parses and checks one frame payload.
    package static func parse(_ payload: [UInt8]) throws(FrameContractError) -> WireFrame {
        let value: JSONValue
        do {
            value = try JSONParser.parse(payload)
        } catch {
            throw FrameContractError(callID: nil, reason: "frame is not valid JSON: \(error)")
        }
        guard case .object(let object) = value else {
            throw FrameContractError(callID: nil, reason: "frame must be a JSON object, found \(value.typeDescription)")
        }
        if let callValue = object["call"] {
            return .call(try parseCall(callValue, object))
        }
        if let ping = object["ping"] {
            guard ping.int64Value != nil else { throw FrameContractError(callID: nil, reason: "\"ping\" must be a whole number") }
            return .ping(ping)
        }
        if let pong = object["pong"] {
            guard pong.int64Value != nil else { throw FrameContractError(callID: nil, reason: "\"pong\" must be a whole number") }
            return .pong(pong)
        }
        if let goaway = object["goaway"] {
            guard case .object(let body) = goaway else { throw FrameContractError(callID: nil, reason: "\"goaway\" must be an object") }
            return .goaway(lastCall: body["last_call"]?.int64Value, reason: body["reason"]?.stringValue ?? "")
        }
        if let hello = object["hello"] {
            guard case .object(let body) = hello, let version = body["protocol"]?.int64Value else {
                throw FrameContractError(callID: nil, reason: "\"hello\" must be an object with a whole-number \"protocol\"")
            }
            return .hello(protocolVersion: version, maximumFrame: body["max_frame"]?.int64Value,
                          maximumConcurrentCalls: body["max_concurrent_calls"]?.int64Value)
        }
        throw FrameContractError(callID: nil, reason: "frame has none of \"call\", \"ping\", \"pong\", \"goaway\"")
    }

    private static func parseCall(_ callValue: JSONValue, _ object: JSONObject) throws(FrameContractError) -> CallFrame {
        guard let id = callValue.int64Value, id >= 1, id <= maximumCallID else {
            throw FrameContractError(callID: nil, reason: "\"call\" must be a whole number from 1 to 2^53-1, found \(callValue)")
        }
        var frame = CallFrame(id: id, end: false, cancel: false)
        func fail(_ reason: String) -> FrameContractError { FrameContractError(callID: id, reason: reason) }

        if let method = object["method"] {
            guard let name = method.stringValue, !name.isEmpty else { throw fail("\"method\" must be a non-empty string") }
            frame.method = name
        }
        if let metadata = object["metadata"] {
            guard case .object(let members) = metadata else { throw fail("\"metadata\" must be an object of strings") }
            var result: [String: String] = [:]
            for (key, value) in members.members {
                guard let text = value.stringValue else { throw fail("metadata \"\(key)\" must be a string, found \(value.typeDescription)") }
                result[key] = text
            }
            frame.metadata = result
        }
        if let timeout = object["timeout_ms"] {
            guard let ms = timeout.int64Value, ms >= 0 else { throw fail("\"timeout_ms\" must be a whole number of milliseconds, 0 or more") }
            frame.timeoutMilliseconds = ms
        }
        if let message = object["message"] {
            guard case .object = message else { throw fail("\"message\" must be a JSON object, found \(message.typeDescription)") }
            frame.message = message
        }
        if let end = object["end"] {
            guard let flag = end.boolValue else { throw fail("\"end\" must be true or false") }
            frame.end = flag
        }
        if let cancel = object["cancel"] {
            guard let flag = cancel.boolValue else { throw fail("\"cancel\" must be true or false") }
            frame.cancel = flag
        }
        if let status = object["status"] {
            guard case .object(let body) = status, let number = body["code"]?.int64Value else {
                throw fail("\"status\" must be an object with a whole-number \"code\"")
            }
            frame.status = StatusFrame(
                code: RPCStatus.Code(rawValue: Int(clamping: number)),
                message: body["message"]?.stringValue ?? "",
                details: body["details"]?.arrayValue ?? [])
        }
        return frame
    }
}

import BeianJSON

/// Builds frame payloads (without the length prefix) and whole frames (with it).
///
/// Writers assemble the JSON directly instead of building an object tree first: a response frame
/// is `{"call":N,"message":` + the message + `}`, written in one pass.
package enum FrameWriter {
    /// Builds a whole frame in one buffer: reserves the 4-byte length prefix, lets `body` write
    /// the JSON payload, then fills the prefix in (no second copy of the payload).
    package static func frame(capacity: Int = 256, _ body: (inout JSONWriter) throws(JSONError) -> Void) throws(JSONError) -> [UInt8] {
        var writer = JSONWriter(capacity: capacity + 4)
        writer.appendLiteral("\0\0\0\0")
        try body(&writer)
        writer.patchBigEndianUInt32(at: 0, UInt32(writer.bytes.count - 4))
        return writer.takeBytes()
    }

    /// A complete frame (length prefix included) for one response message of call `id`.
    package static func message(call id: Int64, _ message: JSONValue) throws(JSONError) -> [UInt8] {
        try frame { (writer) throws(JSONError) in
            writer.appendLiteral("{\"call\":")
            writer.writeInteger(id)
            writer.appendLiteral(",\"message\":")
            try writer.write(message)
            writer.appendLiteral("}")
        }
    }

    /// A complete frame for one response message of call `id` whose JSON is already encoded.
    package static func message(call id: Int64, encoded message: EncodedMessage) -> [UInt8] {
        (try? frame(capacity: message.json.count + 32) { writer in
            writer.appendLiteral("{\"call\":")
            writer.writeInteger(id)
            writer.appendLiteral(",\"message\":")
            writer.appendRaw(message.json)
            writer.appendLiteral("}")
        }) ?? []
    }

    /// A complete final status frame for call `id`. `metadata` is always present (maybe empty).
    package static func status(call id: Int64, _ error: RPCError?) -> [UInt8] {
        var writer = JSONWriter(capacity: 128)
        writer.appendLiteral("{\"call\":")
        writer.writeInteger(id)
        writer.appendLiteral(",\"status\":{\"code\":")
        let code = error?.code ?? .ok
        writer.writeInteger(Int64(code.rawValue))
        writer.appendLiteral(",\"name\":")
        writer.writeString(code.name)
        writer.appendLiteral(",\"message\":")
        writer.writeString(error?.message ?? "")
        writer.appendLiteral(",\"details\":")
        // Details are built from finite values only; a failure here would be our bug, so fall back to [].
        if let details = error?.wireDetails, !details.isEmpty, (try? writer.write(.array(details))) != nil {
        } else {
            writer.appendLiteral("[]")
        }
        writer.appendLiteral("},\"metadata\":")
        writeStringMap(error?.metadata ?? [:], into: &writer)
        writer.appendLiteral("}")
        return FrameEncoder.frame(writer.bytes)
    }

    /// A complete final OK status frame carrying trailing `metadata`.
    package static func okStatus(call id: Int64, metadata: [String: String]) -> [UInt8] {
        status(call: id, metadata.isEmpty ? nil : RPCError(.ok, "", metadata: metadata))
    }

    /// The frame that opens a call from a client.
    package static func open(
        call id: Int64, method: String, metadata: [String: String], timeoutMilliseconds: Int64?,
        message: EncodedMessage?, end: Bool
    ) -> [UInt8] {
        (try? frame(capacity: (message?.json.count ?? 0) + 128) { writer in
            writer.appendLiteral("{\"call\":")
            writer.writeInteger(id)
            writer.appendLiteral(",\"method\":")
            writer.writeString(method)
            writer.appendLiteral(",\"metadata\":")
            writeStringMap(metadata, into: &writer)
            if let timeoutMilliseconds {
                writer.appendLiteral(",\"timeout_ms\":")
                writer.writeInteger(timeoutMilliseconds)
            }
            if let message {
                writer.appendLiteral(",\"message\":")
                writer.appendRaw(message.json)
            }
            if end { writer.appendLiteral(",\"end\":true") }
            writer.appendLiteral("}")
        }) ?? []
    }

    /// A later frame of a client call: a message, the end of the request stream, or both.
    package static func clientFrame(call id: Int64, message: EncodedMessage?, end: Bool) -> [UInt8] {
        (try? frame(capacity: (message?.json.count ?? 0) + 32) { writer in
            writer.appendLiteral("{\"call\":")
            writer.writeInteger(id)
            if let message {
                writer.appendLiteral(",\"message\":")
                writer.appendRaw(message.json)
            }
            if end { writer.appendLiteral(",\"end\":true") }
            writer.appendLiteral("}")
        }) ?? []
    }

    package static func cancel(call id: Int64) -> [UInt8] {
        var writer = JSONWriter(capacity: 32)
        writer.appendLiteral("{\"call\":")
        writer.writeInteger(id)
        writer.appendLiteral(",\"cancel\":true}")
        return FrameEncoder.frame(writer.bytes)
    }

    package static func ping(_ value: JSONValue) -> [UInt8] {
        connectionFrame("ping", value)
    }

    package static func pong(_ value: JSONValue) -> [UInt8] {
        connectionFrame("pong", value)
    }

    package static func goaway(lastCall: Int64, reason: String) -> [UInt8] {
        connectionFrame("goaway", ["last_call": .int(lastCall), "reason": .string(reason)])
    }

    package static func hello(maximumFrame: Int, maximumConcurrentCalls: Int) -> [UInt8] {
        connectionFrame("hello", ["protocol": 1, "max_frame": .int(Int64(maximumFrame)),
                                  "max_concurrent_calls": .int(Int64(maximumConcurrentCalls))])
    }

    private static func connectionFrame(_ key: String, _ value: JSONValue) -> [UInt8] {
        var object = JSONObject()
        object[key] = value
        // Connection frames hold integers and strings only: always writable.
        return FrameEncoder.frame((try? JSONWriter.serialize(.object(object))) ?? [])
    }

    private static func writeStringMap(_ map: [String: String], into writer: inout JSONWriter) {
        writer.appendLiteral("{")
        var first = true
        for key in map.keys.sorted() {
            if !first { writer.appendLiteral(",") }
            first = false
            writer.writeString(key)
            writer.appendLiteral(":")
            writer.writeString(map[key]!)
        }
        writer.appendLiteral("}")
    }
}

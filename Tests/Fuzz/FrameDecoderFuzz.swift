// libFuzzer entry point for the frame decoder and the JSON parser behind it.
//
// Built outside SwiftPM by run-fuzz.sh together with Shared/RPC/Wire/FrameDecoder.swift and
// Shared/JSON/*.swift (they depend on the standard library and Foundation only).
//
// Each input is treated as bytes arriving on a connection: the first byte picks how the stream is
// split into reads, the rest is fed to a FrameDecoder with a small limit. Properties checked:
// - no crash, no hang, whatever the bytes;
// - no frame longer than the limit comes out; a declared length over it is refused;
// - every frame that parses as JSON serializes back to strict JSON that parses to the same value.

@_cdecl("LLVMFuzzerTestOneInput")
public func frameDecoderFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let input = UnsafeBufferPointer(start: data, count: size)
    let chunkSize = Int(input[0] % 17) + 1
    let limit = 4096
    var decoder = FrameDecoder(maximumFrameLength: limit)
    var offset = 1
    while offset < size {
        let end = min(size, offset + chunkSize)
        decoder.append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(input)[offset..<end]))
        offset = end
        while true {
            let frame: [UInt8]?
            do {
                frame = try decoder.nextFrame()
            } catch {
                return 0  // refused length: the connection would close here
            }
            guard let frame else { break }
            precondition(frame.count <= limit, "frame over the limit came out")
            checkJSON(frame)
        }
    }
    return 0
}

private func checkJSON(_ payload: [UInt8]) {
    guard let value = try? JSONParser.parse(payload) else { return }
    guard let written = try? JSONWriter.serialize(value) else {
        preconditionFailure("a parsed value could not be written back")
    }
    guard let reparsed = try? JSONParser.parse(written) else {
        preconditionFailure("written JSON does not parse: \(String(decoding: written, as: UTF8.self))")
    }
    precondition(reparsed == value || containsDoubles(value), "round trip changed the value")
}

/// Doubles may print as integers (1.0 → 1), which is the same JSON number but another case.
private func containsDoubles(_ value: JSONValue) -> Bool {
    switch value {
    case .double: return true
    case .array(let items): return items.contains(where: containsDoubles)
    case .object(let object): return object.values.contains(where: containsDoubles)
    default: return false
    }
}

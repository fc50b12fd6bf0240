import BeianJSON
import BeianRPC
import Testing
import TestSupport

/// The frame decoder alone: frames of every size arrive intact whatever the split of the stream,
/// large frames are assembled in place, and oversized announcements are refused up front.
@Suite("Frame decoder")
struct FrameDecoderTests {
    /// A payload of `count` bytes with a recognizable pattern.
    private func payload(_ count: Int, seed: UInt8) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed)) }
    }

    /// Feeds `stream` in pieces of `piece` bytes (by `append` or `appendInPlace`) and collects frames.
    private func decode(_ stream: [UInt8], piece: Int, inPlace: Bool, threshold: Int) throws -> [[UInt8]] {
        var decoder = FrameDecoder(maximumFrameLength: 1 << 22, directFrameThreshold: threshold)
        var frames: [[UInt8]] = []
        var offset = 0
        while offset < stream.count {
            let end = min(stream.count, offset + piece)
            if inPlace {
                decoder.appendInPlace { $0.append(contentsOf: stream[offset..<end]) }
            } else {
                stream[offset..<end].withUnsafeBytes { decoder.append($0) }
            }
            offset = end
            while let frame = try decoder.nextFrame() { frames.append(frame) }
        }
        #expect(decoder.bufferedByteCount == 0)
        return frames
    }

    @Test("small and large frames, split into pieces of many sizes, arrive intact and in order",
          arguments: [1, 7, 4096, 16 * 1024 + 5, 65536, 1 << 20])
    func splits(piece: Int) throws {
        let payloads = [payload(10, seed: 1), payload(300_000, seed: 2), payload(0, seed: 3), payload(83, seed: 4),
                        payload(70_000, seed: 5), payload(1_500_000, seed: 6), payload(5, seed: 7)]
        var stream: [UInt8] = []
        for payload in payloads { FrameEncoder.append(payload: payload, to: &stream) }
        for inPlace in [false, true] {
            for threshold in [1, 1000, 64 * 1024, 1 << 22] {
                let frames = try decode(stream, piece: piece, inPlace: inPlace, threshold: threshold)
                #expect(frames == payloads, "piece \(piece), in place \(inPlace), threshold \(threshold)")
            }
        }
    }

    @Test("a frame announced above the limit is refused from its header, before any payload")
    func oversized() throws {
        var decoder = FrameDecoder(maximumFrameLength: 100_000, directFrameThreshold: 10)
        var stream: [UInt8] = []
        FrameEncoder.append(payload: payload(50_000, seed: 1), to: &stream)
        stream += [0x00, 0x10, 0x00, 0x00]  // 1 MiB announced, nothing after it
        stream.withUnsafeBytes { decoder.append($0) }
        #expect(try decoder.nextFrame() == payload(50_000, seed: 1))
        #expect(throws: FrameDecoder.Failure.frameTooLarge(declared: 1 << 20, limit: 100_000)) { try decoder.nextFrame() }
    }

    @Test("a frame at exactly the limit is accepted when assembled in place")
    func atTheLimit() throws {
        var decoder = FrameDecoder(maximumFrameLength: 200_000, directFrameThreshold: 1024)
        var stream: [UInt8] = []
        FrameEncoder.append(payload: payload(200_000, seed: 9), to: &stream)
        FrameEncoder.append(payload: payload(3, seed: 1), to: &stream)
        var offset = 0
        var frames: [[UInt8]] = []
        while offset < stream.count {
            let end = min(stream.count, offset + 40_000)
            decoder.appendInPlace { $0.append(contentsOf: stream[offset..<end]) }
            offset = end
            while let frame = try decoder.nextFrame() { frames.append(frame) }
        }
        #expect(frames == [payload(200_000, seed: 9), payload(3, seed: 1)])
    }
}

/// Large messages through the whole stack (TLS records, reads, the decoder, the writer's slices).
@Suite("Large frames over TLS")
struct LargeFrameTests {
    @Test("a 3 MB message each way arrives intact, then small calls still work")
    func largeEcho() async throws {
        try await withTestServer { server in
            let client = try server.client()
            let items: [JSONValue] = (0..<40_000).map { .string("第\($0)项 item \($0) " + String(repeating: "x", count: $0 % 50)) }
            let message: JSONValue = ["items": .array(items)]
            #expect(try JSONWriter.serialize(message).count > 3 << 20 / 2)
            for _ in 0..<3 {
                let response = try await client.unaryJSON("beian.echo.v1.Echo/Echo", message: message)
                #expect(response.message == message)
            }
            let small = try await client.unaryJSON("beian.echo.v1.Echo/Echo", message: ["a": 1])
            #expect(small.message == ["a": 1])
        }
    }

    @Test("concurrent large and small calls on one connection all get their own answers")
    func interleaved() async throws {
        try await withTestServer { server in
            let client = try server.client()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<6 {
                    group.addTask {
                        let count = index % 2 == 0 ? 30_000 : 3
                        let message: JSONValue = ["n": .int(Int64(index)), "items": .array((0..<count).map { .int(Int64($0 * index)) })]
                        let response = try await client.unaryJSON("beian.echo.v1.Echo/Echo", message: message)
                        #expect(response.message == message)
                    }
                }
                try await group.waitForAll()
            }
        }
    }
}

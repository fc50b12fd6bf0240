import COpenSSL

/// A custom OpenSSL BIO type whose reads and writes go to a ``CiphertextBuffers`` object.
///
/// Ownership: `make(for:)` returns a BIO holding one reference, which the caller hands to `SSL_set_bio`
/// (the `SSL` then owns it and frees it in `SSL_free`). The BIO points at the buffers *unretained*:
/// whoever owns the `SSL` must keep the buffers alive until after `SSL_free`.
enum CiphertextBIO {
    /// The BIO_METHOD, created once per process and never freed (OpenSSL only reads it).
    private nonisolated(unsafe) static let method: OpaquePointer = makeMethod()

    /// A new BIO over `buffers` (one reference, to be given to `SSL_set_bio`), or nil on allocation failure.
    static func make(for buffers: CiphertextBuffers) -> OpaquePointer? {
        guard let bio = BIO_new(method) else { return nil }
        BIO_set_data(bio, Unmanaged.passUnretained(buffers).toOpaque())
        BIO_set_init(bio, 1)
        return bio
    }

    private static func buffers(_ bio: OpaquePointer?) -> CiphertextBuffers? {
        guard let bio, let data = BIO_get_data(bio) else { return nil }
        return Unmanaged<CiphertextBuffers>.fromOpaque(data).takeUnretainedValue()
    }

    private static func makeMethod() -> OpaquePointer {
        guard let method = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "beian ciphertext buffers") else {
            fatalError("BIO_meth_new failed: \(OpenSSLError.drain("BIO_meth_new"))")
        }
        let installed = BIO_meth_set_write_ex(method, write) == 1 && BIO_meth_set_read_ex(method, read) == 1
            && BIO_meth_set_ctrl(method, control) == 1 && BIO_meth_set_destroy(method, destroy) == 1
        precondition(installed, "BIO_meth_set_* failed: \(OpenSSLError.drain("BIO_meth_set"))")
        return method
    }

    private static let write: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int, UnsafeMutablePointer<Int>?)
        -> Int32 = { bio, data, length, written in
            beian_BIO_clear_retry_flags(bio)
            guard let buffers = buffers(bio), let data else { return 0 }
            buffers.write(from: data, count: length)
            written?.pointee = length
            return 1
        }

    private static let read: @convention(c) (OpaquePointer?, UnsafeMutablePointer<CChar>?, Int, UnsafeMutablePointer<Int>?)
        -> Int32 = { bio, data, length, readCount in
            beian_BIO_clear_retry_flags(bio)
            guard let buffers = buffers(bio), let data else { return 0 }
            let count = buffers.read(into: data, count: length)
            guard count > 0 else {
                beian_BIO_set_retry_read(bio)  // no bytes yet: "try again later", not end of stream
                return 0
            }
            readCount?.pointee = count
            return 1
        }

    private static let control: @convention(c) (OpaquePointer?, Int32, Int, UnsafeMutableRawPointer?) -> Int = {
        bio, command, _, _ in
        switch command {
        case BIO_CTRL_FLUSH: 1
        case BIO_CTRL_PENDING: buffers(bio)?.inboundCount ?? 0
        case BIO_CTRL_WPENDING: buffers(bio)?.outbound.count ?? 0
        default: 0
        }
    }

    private static let destroy: @convention(c) (OpaquePointer?) -> Int32 = { bio in
        guard let bio else { return 0 }
        BIO_set_data(bio, nil)
        BIO_set_init(bio, 0)
        return 1
    }
}

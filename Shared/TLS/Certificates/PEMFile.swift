import COpenSSL
import Glibc

/// Reading PEM objects from files and writing PEM text to files with chosen permissions.
enum PEMFile {
    /// Opens `path` for reading as a file BIO, calls `body` with it and frees the BIO.
    static func withFileBIO<T>(
        _ path: String, code: TLSError.Code, what: String, _ body: (OpaquePointer) -> T?
    ) throws(TLSError) -> T {
        ERR_clear_error()
        guard let bio = BIO_new_file(path, "r") else {
            throw TLSError.drain(code, "cannot open \(what) '\(path)'")
        }
        defer { BIO_free(bio) }
        guard let value = body(bio) else {
            throw TLSError.drain(code, "cannot read \(what) from '\(path)': not a PEM \(what)")
        }
        return value
    }

    /// The PEM text `write` produces into a memory BIO.
    static func encode(what: String, _ write: (OpaquePointer) -> Int32) throws(TLSError) -> String {
        ERR_clear_error()
        guard let bio = BIO_new(BIO_s_mem()) else { throw TLSError.drain(.issuance, "BIO_new failed") }
        defer { BIO_free(bio) }
        guard write(bio) == 1 else { throw TLSError.drain(.issuance, "cannot PEM-encode the \(what)") }
        var data: UnsafeMutablePointer<CChar>?
        let length = beian_BIO_get_mem_data(bio, &data)
        guard length > 0, let data else { throw TLSError(.issuance, "empty PEM encoding of the \(what)") }
        return String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    }

    /// Writes `text` to `path` atomically (temporary file, then rename) with permissions `mode`,
    /// so a private key is never readable by others, not even for a moment.
    static func save(_ text: String, to path: String, mode: mode_t) throws(TLSError) {
        let temporary = "\(path).tmp-\(SecureRandom.hexToken(byteCount: 6))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw failure("cannot create '\(temporary)'") }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                let error = failure("cannot write '\(temporary)'")
                close(descriptor)
                unlink(temporary)
                throw error
            }
            offset += written
        }
        bytes.removeAll()
        // The umask may have narrowed the mode at creation; set it exactly.
        guard fchmod(descriptor, mode) == 0, fsync(descriptor) == 0 else {
            let error = failure("cannot set mode or sync '\(temporary)'")
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let error = failure("cannot rename '\(temporary)' to '\(path)'")
            unlink(temporary)
            throw error
        }
    }

    private static func failure(_ message: String) -> TLSError {
        TLSError(.issuance, message, reason: String(cString: strerror(errno)))
    }
}

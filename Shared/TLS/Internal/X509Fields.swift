import COpenSSL
import FoundationEssentials

/// Reads fields of an `X509` the caller keeps alive (borrowed pointer; nothing here takes ownership).
enum X509Fields {
    /// The first subject entry with `nid` (e.g. `NID_commonName`) as UTF-8 text, or nil if absent.
    static func subjectEntry(_ certificate: OpaquePointer, _ nid: Int32) -> String? {
        guard let name = X509_get_subject_name(certificate) else { return nil }
        let index = X509_NAME_get_index_by_NID(name, nid, -1)
        guard index >= 0, let entry = X509_NAME_get_entry(name, index),
              let data = X509_NAME_ENTRY_get_data(entry)
        else { return nil }
        var utf8: UnsafeMutablePointer<UInt8>?
        let length = ASN1_STRING_to_UTF8(&utf8, data)
        guard length >= 0, let utf8 else {
            ERR_clear_error()
            return nil
        }
        defer { beian_OPENSSL_free(utf8) }
        return String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self)
    }

    /// The serial number as lowercase hexadecimal without leading zeros ("0" for zero).
    static func serialNumber(_ certificate: OpaquePointer) -> String {
        guard let serial = X509_get0_serialNumber(certificate), let number = ASN1_INTEGER_to_BN(serial, nil) else {
            ERR_clear_error()
            return ""
        }
        defer { BN_free(number) }
        guard let hex = BN_bn2hex(number) else { return "" }
        defer { beian_OPENSSL_free(hex) }
        return String(cString: hex).lowercased()
    }

    /// The end of the validity period.
    static func notAfter(_ certificate: OpaquePointer) -> Date {
        date(X509_get0_notAfter(certificate))
    }

    /// The start of the validity period.
    static func notBefore(_ certificate: OpaquePointer) -> Date {
        date(X509_get0_notBefore(certificate))
    }

    private static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date {
        var parts = tm()
        guard let time, ASN1_TIME_to_tm(time, &parts) == 1 else {
            ERR_clear_error()
            return .distantPast
        }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}

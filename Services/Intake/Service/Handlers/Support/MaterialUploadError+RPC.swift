import BeianRPC
import BeianServiceKit
import Foundation

extension MaterialUploadError: RPCErrorConvertible {
    /// RESOURCE_EXHAUSTED for a limit, INVALID_ARGUMENT for the content; the message Chinese first,
    /// then English, and the field violation with each language on its own.
    package var rpcError: RPCError {
        let (zh, en) = texts
        switch code {
        case .fileTooLarge, .filingTooLarge: return RPCError(.resourceExhausted, zh: zh, en: en)
        case .chunkTooLarge, .unsupportedType, .empty:
            return RPCError.invalidArgument("\(zh) / \(en)", violations: [
                RPCError.FieldViolation(field: "data", rule: code.rawValue, zh: zh, en: en),
            ])
        }
    }

    /// The Chinese and the English text. `MaterialUpload` writes its messages "English / 中文";
    /// the refusals without figures are written out here in full.
    var texts: (zh: String, en: String) {
        switch code {
        case .unsupportedType:
            return ("仅接受PDF、JPEG或PNG文件（按文件内容识别，与文件名无关）",
                    "only PDF, JPEG or PNG files are accepted (recognized from the content, not the file name)")
        case .empty:
            return ("未收到文件内容", "no bytes were sent")
        case .fileTooLarge, .filingTooLarge, .chunkTooLarge:
            guard let separator = message.range(of: " / ", options: .backwards) else { return (message, message) }
            return (String(message[separator.upperBound...]), String(message[..<separator.lowerBound]))
        }
    }
}

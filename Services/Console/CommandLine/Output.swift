import BeianJSON
import BeianRPC
import Foundation

/// How results are shown: readable Chinese (default), English (`--lang en`), or JSON (`--json`).
struct Output {
    enum Language: String {
        case zh, en

        /// The language `--lang` asks for in raw arguments (for messages before they are parsed).
        static func requested(in arguments: [String]) -> Language {
            for (index, argument) in arguments.enumerated() {
                if argument.hasPrefix("--lang=") { return Language(rawValue: String(argument.dropFirst(7))) ?? .zh }
                if argument == "--lang", index + 1 < arguments.count { return Language(rawValue: arguments[index + 1]) ?? .zh }
            }
            return .zh
        }
    }

    var language: Language = .zh
    var json = false

    init(_ arguments: Arguments) throws(ConsoleError) {
        if let lang = arguments.value("lang") {
            guard let parsed = Language(rawValue: lang) else {
                throw ConsoleError.usage(zh: "--lang 应为 zh 或 en，而不是“\(lang)”", en: "--lang must be zh or en, got \"\(lang)\"")
            }
            language = parsed
        }
        json = arguments.flag("json")
    }

    init() {}

    func line(_ text: String = "") {
        StandardStreams.output(text + "\n")
    }

    func error(_ text: String) {
        StandardStreams.error(text + "\n")
    }

    /// Chinese or English text by the chosen language.
    func text(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    func pretty(_ value: JSONValue) {
        line(PrettyPrinter.format(value))
    }

    /// Prints a failed call: status name and message, then one line per bad field (by its form
    /// name in Chinese).
    func show(_ error: RPCError) {
        if json {
            var object: JSONObject = JSONObject()
            object["code"] = .int(Int64(error.code.rawValue))
            object["name"] = .string(error.code.name)
            object["message"] = .string(error.message)
            object["details"] = .array(error.wireDetails)
            let value: JSONValue = ["status": .object(object)]
            self.error(value.description)
            return
        }
        self.error("\(statusName(error.code))\(text("：", ": "))\(error.message)")
        if error.code == .unauthenticated && error.message.contains("certificate required") {
            self.error(text("  提示：服务器要求客户端证书，请用 --cert 和 --key 指定", "  hint: the server requires a client certificate: pass --cert and --key"))
        }
        for violation in error.fieldViolations {
            let description = language == .zh ? (violation.descriptionZh ?? violation.description)
                : (violation.descriptionEn ?? violation.description)
            let rule = violation.rule.map { " [\($0)]" } ?? ""
            let field = violationField(violation.field) + text("：", ": ")
            self.error("  \(field)\(violationText(description, rule: violation.rule))\(rule)")
        }
        for detail in error.details { detailLines(detail).forEach { self.error("  " + $0) } }
    }
}

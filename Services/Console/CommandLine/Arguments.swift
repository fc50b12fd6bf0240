import Foundation

/// Parsed command-line arguments: options (`--name value`, `--name=value`, `-x value`), boolean
/// flags, and positional arguments, checked against what the command accepts.
struct Arguments {
    private(set) var positionals: [String] = []
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []

    /// Parses `arguments`. `options` take a value, `flagNames` do not; `aliases` maps short
    /// names (`d`) to long ones (`data`). Anything else starting with `-` is a usage error.
    init(_ arguments: [String], options: Set<String>, flags flagNames: Set<String> = [], aliases: [String: String] = [:]) throws(ConsoleError) {
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var name = String(argument.drop(while: { $0 == "-" }))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            name = aliases[name] ?? name
            if flagNames.contains(name) {
                guard inlineValue == nil else { throw ConsoleError.usage(zh: "--\(name) 不带值", en: "--\(name) takes no value") }
                flags.insert(name)
            } else if options.contains(name) {
                if let inlineValue {
                    values[name, default: []].append(inlineValue)
                } else {
                    guard index < arguments.count else { throw ConsoleError.usage(zh: "--\(name) 后面要给一个值", en: "--\(name) needs a value") }
                    values[name, default: []].append(arguments[index])
                    index += 1
                }
            } else {
                throw ConsoleError.usage(zh: "没有这个选项：\(argument)", en: "unknown option \(argument)")
            }
        }
    }

    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The positional argument at `index`, or a usage error naming what is missing (`zh`, `en`).
    func positional(_ index: Int, zh: String, en: String) throws(ConsoleError) -> String {
        guard index < positionals.count else { throw ConsoleError.usage(zh: "缺少 \(zh)", en: "missing \(en)") }
        return positionals[index]
    }

    func integer(_ name: String) throws(ConsoleError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(Self.numberText(text)) else { throw ConsoleError.usage(zh: "--\(name) 应为整数，而不是“\(text)”",
                                                                   en: "--\(name) must be a whole number, got \"\(text)\"") }
        return number
    }

    /// A number as typed with a Chinese input method: full-width digits, sign and point made
    /// ASCII (`５` → `5`, `１．５` → `1.5`), spaces (also U+3000) around it dropped.
    static func numberText(_ text: String) -> String {
        let scalars = text.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            switch scalar.value {
            case 0xFF01...0xFF5E: Unicode.Scalar(scalar.value - 0xFEE0)
            default: scalar
            }
        }
        return String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespaces)
    }
}

import BeianJSON
import BeianModel
import IntakeService

/// Intake's error details in words, for readable (not `--json`) output: a refused state change,
/// a scope decision, lists of allowed values by their Chinese names.
extension Output {
    /// The lines of one error detail (never raw JSON).
    func detailLines(_ detail: JSONValue) -> [String] {
        switch detail["type"]?.stringValue {
        case "filing_transition": transitionLines(detail)
        case "scope_decision": scopeLines(detail)
        default: [plainDetail(detail)]
        }
    }

    /// A violation's message; in Chinese, an `enum_value` list names the choices in Chinese.
    func violationText(_ description: String, rule: String?) -> String {
        guard language == .zh, rule == "enum_value", let marker = description.range(of: "可选：") else {
            return description
        }
        let list = description[marker.upperBound...]
        // Intake writes `code（名称）、code（名称）`: the CLI takes the names, so it shows them alone.
        let items = list.components(separatedBy: "、")
        let named = items.compactMap { item -> String? in
            guard let open = item.firstIndex(of: "（"), item.hasSuffix("）") else { return nil }
            return String(item[item.index(after: open)..<item.index(before: item.endIndex)])
        }
        if named.count == items.count, !named.isEmpty {
            return description[..<marker.upperBound] + named.joined(separator: "、")
        }
        // An older intake lists the codes alone.
        guard let names = Self.chineseNames(of: list.components(separatedBy: ", ")) else { return description }
        return description[..<marker.upperBound] + names.joined(separator: "、")
    }

    private func transitionLines(_ detail: JSONValue) -> [String] {
        let status = detail["status"]?.stringValue.flatMap(FilingStatus.init(rawValue:))
        let event = detail["event"]?.stringValue ?? "?"
        let now = status.map { text("当前状态：\($0.zh)", "current status: \($0.rawValue)") }
            ?? text("当前状态不允许", "not allowed in the current status")
        var lines = [now + text("，不能", ", cannot be ") + action(event)]
        if status == .returnedForCorrection, let hint = resubmitHint(nil).first { lines.append(hint) }
        return lines
    }

    private func scopeLines(_ detail: JSONValue) -> [String] {
        guard let value = detail["decision"], let decision = try? JSONCoding.decode(ScopeDecision.self, from: value) else {
            return [text("备案范围判断无法解析", "the scope decision could not be read")]
        }
        // The message already gives the reason of a referral: only where to file is added.
        if let place = ScopeWording.referral(decision) { return [field("应到此备案", "File with", text(place.zh, place.en))] }
        // Another office's decision (a refused transfer): name that office, not "本办" (this office).
        if let office = detail["office"]?.stringValue {
            return [field("网信办\(office)的备案范围", "Scope at office \(office)",
                          scopeText(decision, of: "网信办\(office)"))]
        }
        return [field("备案范围", "Scope", scopeText(decision))]
    }

    /// A detail of a kind this client does not know: its fields as `key=value`.
    private func plainDetail(_ detail: JSONValue) -> String {
        guard let object = detail.objectValue else { return detail.stringValue ?? detail.description }
        return zip(object.keys, object.values).map { key, value in
            "\(key)=\(value.stringValue ?? value.description)"
        }.joined(separator: " ")
    }

    /// The Chinese names of a list of wire values, when they are exactly one enum's values.
    private static func chineseNames(of wire: [String]) -> [String]? {
        let tables: [[(String, String)]] = [
            BusinessScope.allCases.map { ($0.rawValue, $0.zh) }, ContentForm.allCases.map { ($0.rawValue, $0.zh) },
            Platform.allCases.map { ($0.rawValue, $0.zh) }, ObjectKind.allCases.map { ($0.rawValue, $0.zh) },
            UnitType.allCases.map { ($0.rawValue, $0.zh) }, PublicSector.allCases.map { ($0.rawValue, $0.zh) },
            FilingStatus.allCases.map { ($0.rawValue, $0.zh) }, MaterialKind.allCases.map { ($0.rawValue, $0.zh) },
        ]
        guard let table = tables.first(where: { Set($0.map(\.0)) == Set(wire) }) else { return nil }
        let names = Dictionary(uniqueKeysWithValues: table)
        return wire.map { names[$0] ?? $0 }
    }
}

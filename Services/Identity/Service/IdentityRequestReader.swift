import BeianJSON
import BeianModel
import BeianRPC

/// Reads `Verify` and `VerifyBatch` requests member by member, with one field violation per bad
/// member (`value`, `items[12].kind`).
///
/// A number that is wrong is not a bad request: it gets an invalid result. Only what breaks the
/// message's shape is INVALID_ARGUMENT: a member of the wrong JSON type, an unknown `kind`, and
/// for `Verify` a missing or empty `value` (in a batch that item is an invalid result instead).
enum IdentityRequestReader {
    /// One item to check.
    struct Item {
        /// The kind to check as (`.unrecognized`: detect).
        var kind: IdentityKind
        /// The number as sent ("" when missing).
        var value: String
        /// The caller's reference.
        var ref: String?
    }

    /// Most violations listed in one INVALID_ARGUMENT status.
    static let maximumViolations = 50

    /// The kind and value of a `Verify` request.
    static func verify(_ message: JSONValue) throws(RPCError) -> (kind: IdentityKind, value: String) {
        var violations: [RPCError.FieldViolation] = []
        let kind = readKind(message["kind"], field: "kind", into: &violations)
        var value = ""
        switch message["value"] {
        case nil, .null?:
            violations.append(.init(field: "value", rule: "required", zh: "必须填写要核验的号码", en: "the number to check is required"))
        case .string(let text)?:
            value = text
            if IdentityValidator.normalize(text).isEmpty {
                violations.append(.init(field: "value", rule: "empty", zh: "号码为空（去除空格和连字符后没有内容）",
                                        en: "the number is empty (nothing left once spaces and hyphens are removed)"))
            }
        case let other?:
            violations.append(typeViolation("value", other))
        }
        guard violations.isEmpty else { throw invalid(violations) }
        return (kind, value)
    }

    /// The items and detail level of a `VerifyBatch` request; RESOURCE_EXHAUSTED above the item limit.
    static func batch(_ message: JSONValue) throws(RPCError) -> (items: [Item], detail: IdentityResultDetail) {
        var detail = IdentityResultDetail.full
        switch message["detail"] {
        case nil, .null?:
            break
        case .string(let name)? where IdentityResultDetail(rawValue: name) != nil:
            detail = IdentityResultDetail(rawValue: name)!
        case let other?:
            throw invalid([.init(field: "detail", rule: "enum_value", zh: "detail 应为 full 或 compact，实际为 \(other)",
                                 en: "detail must be full or compact, found \(other)")])
        }
        let list: [JSONValue]
        switch message["items"] {
        case .array(let array)?:
            list = array
        case nil, .null?:
            throw invalid([.init(field: "items", rule: "required", zh: "必须提供 items 数组", en: "items (an array) is required")])
        case let other?:
            throw invalid([typeViolation("items", other, expected: "an array")])
        }
        let limit = IdentityAPI.maximumBatchItems
        guard list.count <= limit else {
            throw RPCError(.resourceExhausted,
                           "VerifyBatch takes at most \(limit) items per call, this call sent \(list.count): "
                           + "split it into calls of \(limit) or fewer / 每次最多 \(limit) 条，本次 \(list.count) 条，请分批提交")
        }
        var violations: [RPCError.FieldViolation] = []
        var items: [Item] = []
        items.reserveCapacity(list.count)
        for (index, element) in list.enumerated() {
            guard case .object(let object) = element else {
                violations.append(typeViolation("items[\(index)]", element, expected: "an object"))
                continue
            }
            var item = Item(kind: .unrecognized, value: "", ref: nil)
            for entry in object.storage {
                let member = entry.value
                switch entry.key {
                case "value":
                    switch member {
                    case .string(let text): item.value = text
                    case .null: break
                    default: violations.append(typeViolation("items[\(index)].value", member))
                    }
                case "kind":
                    item.kind = readKind(member, field: "items[\(index)].kind", into: &violations)
                case "ref":
                    switch member {
                    case .string(let text): item.ref = text
                    case .null: break
                    default: violations.append(typeViolation("items[\(index)].ref", member))
                    }
                default:
                    break
                }
            }
            items.append(item)
        }
        guard violations.isEmpty else { throw invalid(violations) }
        return (items, detail)
    }

    /// The requested kind; `auto` when absent or null; a violation for anything but a known name.
    private static func readKind(_ value: JSONValue?, field: @autoclosure () -> String,
                                 into violations: inout [RPCError.FieldViolation]) -> IdentityKind {
        switch value {
        case nil, .null?:
            return .unrecognized
        case .string(let name)?:
            if let kind = IdentityKind(requestName: name) { return kind }
            let names = IdentityAPI.requestKinds.joined(separator: ", ")
            violations.append(.init(field: field(), rule: "enum_value",
                                    zh: "证件类型“\(name)”无效，应为：\(names)",
                                    en: "unknown kind \"\(name)\"; expected one of: \(names)"))
            return .unrecognized
        case let other?:
            violations.append(typeViolation(field(), other))
            return .unrecognized
        }
    }

    private static func typeViolation(_ field: String, _ found: JSONValue, expected: String = "a string")
        -> RPCError.FieldViolation {
        .init(field: field, rule: "type", zh: "字段类型不正确：应为\(chinese(expected))，实际为\(found.typeDescription)",
              en: "must be \(expected), found \(found.typeDescription)")
    }

    private static func chinese(_ expected: String) -> String {
        switch expected {
        case "an array": "数组"
        case "an object": "对象"
        default: "字符串"
        }
    }

    private static func invalid(_ violations: [RPCError.FieldViolation]) -> RPCError {
        let shown = Array(violations.prefix(maximumViolations))
        let more = violations.count > shown.count ? " (first \(shown.count) listed)" : ""
        return RPCError.invalidArgument(
            "\(violations.count) field(s) are invalid\(more) / \(violations.count) 个字段不符合要求", violations: shown)
    }
}

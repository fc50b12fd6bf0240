import BeianJSON
import BeianModel

/// One field that differs between two versions (版本差异).
package struct FieldChange: Sendable, Hashable, Codable {
    /// Snake_case path with indices, e.g. `operator.mobile`, `object.administrators[0].name`.
    package var path: String
    /// The value in the earlier version (absent when the field was added).
    package var before: JSONValue?
    /// The value in the later version (absent when the field was removed).
    package var after: JSONValue?

    /// Creates a change.
    package init(path: String, before: JSONValue?, after: JSONValue?) {
        self.path = path
        self.before = before
        self.after = after
    }
}

/// Field-by-field difference of two filing contents, as the wire spells them (snake_case).
package enum VersionDiff {
    /// The changes from `old` to `new`, in field order; personal numbers masked first.
    package static func changes(from old: FilingContent, to new: FilingContent) throws(JSONError) -> [FieldChange] {
        let before = try JSONCoding.encodeValue(FilingMasking.mask(old))
        let after = try JSONCoding.encodeValue(FilingMasking.mask(new))
        var changes: [FieldChange] = []
        compare(before, after, path: "", into: &changes)
        return changes
    }

    /// Appends the differences between two JSON values under `path`.
    package static func compare(_ before: JSONValue?, _ after: JSONValue?, path: String,
                                into changes: inout [FieldChange]) {
        switch (before, after) {
        case (.object(let old)?, .object(let new)?):
            var keys = old.keys
            for key in new.keys where !keys.contains(key) { keys.append(key) }
            for key in keys {
                compare(old[key], new[key], path: path.isEmpty ? key : "\(path).\(key)", into: &changes)
            }
        case (.array(let old)?, .array(let new)?):
            for index in 0..<max(old.count, new.count) {
                compare(index < old.count ? old[index] : nil, index < new.count ? new[index] : nil,
                        path: "\(path)[\(index)]", into: &changes)
            }
        default:
            // Explicit types: JSONValue is ExpressibleByNilLiteral, so a bare `nil` would be `.null`.
            let oldValue: JSONValue? = before.flatMap { value -> JSONValue? in value.isNull ? .none : value }
            let newValue: JSONValue? = after.flatMap { value -> JSONValue? in value.isNull ? .none : value }
            if oldValue != newValue {
                changes.append(FieldChange(path: path, before: oldValue, after: newValue))
            }
        }
    }
}

extension JSONValue {
    /// Paths of object members present in `self` but absent from `other`, comparing arrays element
    /// by element (`territory.places[3].sharedWith`). Members whose value is null are not counted.
    ///
    /// Decoding a file into a type and encoding it back, then asking the original for the members
    /// the round trip lost, finds misspelled or unknown keys that `Codable` silently ignores.
    package func memberPaths(missingFrom other: JSONValue, prefix: String = "") -> [String] {
        switch (self, other) {
        case (.object(let mine), .object(let theirs)):
            var missing: [String] = []
            for (key, value) in mine.members where !value.isNull {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                if let counterpart = theirs[key] {
                    missing += value.memberPaths(missingFrom: counterpart, prefix: path)
                } else {
                    missing.append(path)
                }
            }
            return missing
        case (.array(let mine), .array(let theirs)):
            var missing: [String] = []
            for (index, value) in mine.enumerated() where index < theirs.count {
                missing += value.memberPaths(missingFrom: theirs[index], prefix: "\(prefix)[\(index)]")
            }
            return missing
        default:
            return []
        }
    }
}

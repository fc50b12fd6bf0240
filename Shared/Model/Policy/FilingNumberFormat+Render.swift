extension FilingNumberFormat {
    /// A template piece.
    package enum Piece: Hashable, Sendable {
        /// Literal text.
        case literal(String)
        /// The year.
        case year
        /// The sequence with its width.
        case sequence(width: Int)
        /// The local office id.
        case local
    }

    /// The template split into pieces, or a message saying what is wrong with it.
    package func pieces() -> Result<[Piece], FilingNumberError> {
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(template)
        var sequences = 0
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                return .failure(FilingNumberError(message: "unclosed { in \(template)"))
            }
            let name = rest[rest.index(after: open)..<close]
            if !literal.isEmpty { pieces.append(.literal(literal)); literal = "" }
            switch name {
            case "year": pieces.append(.year)
            case "local": pieces.append(.local)
            default:
                guard name.hasPrefix("seq:"), let width = Int(name.dropFirst(4)), (1...9).contains(width) else {
                    return .failure(FilingNumberError(message: "unknown placeholder {\(name)} in \(template) "
                        + "(known: {year}, {seq:N} with N 1-9, {local})"))
                }
                sequences += 1
                pieces.append(.sequence(width: width))
            }
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if literal.contains("}") { return .failure(FilingNumberError(message: "stray } in \(template)")) }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        guard sequences == 1 else {
            return .failure(FilingNumberError(message: "\(template) must contain exactly one {seq:N}"))
        }
        return .success(pieces)
    }

    /// The filing number for `sequence` (1-based) in `year`; `local` is the local office's
    /// `numberCode` (`00` when nil).
    /// Throws when the template is bad or the sequence does not fit its width.
    package func render(year: Int, sequence: Int, local: String? = nil) throws(FilingNumberError) -> String {
        let pieces = try pieces().get()
        var out = ""
        for piece in pieces {
            switch piece {
            case .literal(let text): out += text
            case .year: out += String(year)
            case .local: out += local ?? "00"
            case .sequence(let width):
                let digits = String(sequence)
                guard sequence >= 1, digits.count <= width else {
                    throw FilingNumberError(message: "sequence \(sequence) does not fit \(width) digits")
                }
                out += String(repeating: "0", count: width - digits.count) + digits
            }
        }
        return out
    }
}

/// A bad filing-number template or an unrenderable number.
package struct FilingNumberError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Explanation.
    package let message: String

    /// Text for logs and messages.
    package var description: String { message }
}

extension Operator: Codable {
    private enum DiscriminatorKeys: String, CodingKey { case kind }

    /// Decodes from JSON (see the type's documentation for the shape).
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: DiscriminatorKeys.self)
        switch try container.decode(OperatorKind.self, forKey: .kind) {
        case .unit: self = .unit(try UnitOperator(from: decoder))
        case .individual: self = .individual(try IndividualOperator(from: decoder))
        }
    }

    /// Encodes to JSON (see the type's documentation for the shape).
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DiscriminatorKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .unit(let unit): try unit.encode(to: encoder)
        case .individual(let person): try person.encode(to: encoder)
        }
    }
}

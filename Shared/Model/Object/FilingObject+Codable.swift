extension FilingObject: Codable {
    private enum DiscriminatorKeys: String, CodingKey { case kind }

    /// Decodes from JSON (see the type's documentation for the shape).
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: DiscriminatorKeys.self)
        switch try container.decode(ObjectKind.self, forKey: .kind) {
        case .website: self = .website(try Website(from: decoder))
        case .app: self = .app(try AppObject(from: decoder))
        case .miniProgram: self = .miniProgram(try MiniProgram(from: decoder))
        case .account: self = .account(try PlatformAccount(from: decoder))
        }
    }

    /// Encodes to JSON (see the type's documentation for the shape).
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DiscriminatorKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .website(let site): try site.encode(to: encoder)
        case .app(let app): try app.encode(to: encoder)
        case .miniProgram(let program): try program.encode(to: encoder)
        case .account(let account): try account.encode(to: encoder)
        }
    }
}

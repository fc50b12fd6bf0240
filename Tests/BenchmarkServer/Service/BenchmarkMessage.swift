import BeianJSON

/// A ~1 KiB filing-like message with Chinese text, numbers, nested objects and arrays: the
/// request and response of the RPC benchmark (decoded and re-encoded by the server's handler).
package struct BenchmarkMessage: Codable, Sendable {
    /// An account administrator (管理员) with contact details.
    package struct Administrator: Codable, Sendable {
        /// Name.
        package var name: String
        /// Mobile number.
        package var mobile: String
        /// E-mail address.
        package var email: String
        /// WeChat ID.
        package var wechat: String
    }

    /// Request number (varies per call).
    package var requestNumber: Int
    /// Office code (网信办 division code).
    package var officeCode: String
    /// Account name (Chinese).
    package var accountName: String
    /// Account handle.
    package var accountHandle: String
    /// Platform.
    package var platform: String
    /// Business scope codes.
    package var businessScope: [String]
    /// Content forms.
    package var forms: [String]
    /// Function description (Chinese).
    package var functionDescription: String
    /// Registration date, ISO 8601.
    package var registrationDate: String
    /// Follower count.
    package var followers: Int
    /// Whether a news licence is held.
    package var hasNewsLicence: Bool
    /// Operator (主办者) name.
    package var operatorName: String
    /// Operator address.
    package var operatorAddress: String
    /// Unified social credit code.
    package var creditCode: String
    /// Administrators.
    package var administrators: [Administrator]
    /// A fractional number.
    package var score: Double

    /// The sample message with request number `id`.
    package static func sample(_ id: Int) -> BenchmarkMessage {
        BenchmarkMessage(
            requestNumber: id, officeCode: "611000", accountName: "商洛发布·\(id)", accountHandle: "shangluo_fabu_\(id)",
            platform: "wechat_official_account", businessScope: ["news_release", "convenience_services", "policy_and_law"],
            forms: ["text", "image", "video"],
            functionDescription: "发布商洛市重要新闻、政策解读、便民服务信息，及时回应群众关切，传播正能量。",
            registrationDate: "2021-05-10", followers: 123_456, hasNewsLicence: false,
            operatorName: "商洛市融媒体中心", operatorAddress: "陕西省商洛市商州区北新街行政中心12楼",
            creditCode: "12611000MB2970123X",
            administrators: [
                Administrator(name: "杨楠", mobile: "13800138000", email: "yangnan@example.cn", wechat: "yangnan_sl"),
                Administrator(name: "王科长", mobile: "13900139000", email: "wang@example.cn", wechat: "wang_kz"),
            ],
            score: 97.5)
    }

    /// Size of the encoded sample in bytes.
    package static var sampleSize: Int { (try? JSONCoding.encode(sample(1)))?.count ?? 0 }
}

import BeianJSON

/// A ~1 KiB filing-like message with Chinese text, numbers, nested objects and arrays: the
/// request and response of the RPC benchmark (decoded and re-encoded by the server's handler).
struct BenchmarkMessage: Codable, Sendable {
    struct Administrator: Codable, Sendable {
        var name: String
        var mobile: String
        var email: String
        var wechat: String
    }

    var requestNumber: Int
    var officeCode: String
    var accountName: String
    var accountHandle: String
    var platform: String
    var businessScope: [String]
    var forms: [String]
    var functionDescription: String
    var registrationDate: String
    var followers: Int
    var hasNewsLicence: Bool
    var operatorName: String
    var operatorAddress: String
    var creditCode: String
    var administrators: [Administrator]
    var score: Double

    static func sample(_ id: Int) -> BenchmarkMessage {
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

    static var sampleSize: Int { (try? JSONCoding.encode(sample(1)))?.count ?? 0 }
}

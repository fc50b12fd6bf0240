import BeianJSON
import BeianModel
import BeianReferenceData
import BeianRuntime
import Foundation

/// In-process measurements: JSON coding of the RPC benchmark's message, and the model's scope
/// decision and deadline computation per filing.
enum CodingAndModelBenchmark {
    static func time(_ iterations: Int, _ body: () throws -> Void) rethrows -> Double {
        let start = Monotonic.nanoseconds()
        for _ in 0..<iterations { try body() }
        return Double(Monotonic.nanoseconds() - start) / Double(iterations) / 1000
    }

    static func json(iterations: Int) throws -> [String] {
        let message = BenchmarkMessage.sample(42)
        let bytes = try JSONCoding.encode(message)
        let value = try JSONParser.parse(bytes)
        _ = try time(1000) { _ = try JSONCoding.decode(BenchmarkMessage.self, from: bytes) }
        let parse = try time(iterations) { _ = try JSONParser.parse(bytes) }
        let write = try time(iterations) { _ = try JSONWriter.serialize(value) }
        let decode = try time(iterations) { _ = try JSONCoding.decode(BenchmarkMessage.self, from: value) }
        let encode = try time(iterations) { _ = try JSONCoding.encode(message) }
        let foundationDecoder = JSONDecoder()
        foundationDecoder.keyDecodingStrategy = .convertFromSnakeCase
        let data = Data(bytes)
        let foundation = try time(iterations / 4) { _ = try foundationDecoder.decode(BenchmarkMessage.self, from: data) }
        return [
            "JSON coding of the \(bytes.count)-byte benchmark message (µs per operation):",
            String(format: "  parse %.1f, decode the parsed tree to a Codable type %.1f, encode a Codable type to bytes %.1f (write a parsed tree %.1f); round trip parse+decode+encode %.1f (Foundation's JSONDecoder alone: %.1f)",
                   parse, decode, encode, write, parse + decode + encode, foundation),
        ]
    }

    static func model(iterations: Int) throws -> [String] {
        let data = try ReferenceData.loadBundled()
        guard let kaiping = data.profile(officeCode: "440783"), let xingtai = data.profile(officeCode: "130500") else {
            return ["model: bundled profiles missing"]
        }
        let person = Operator.individual(IndividualOperator(name: "林小明", idNumber: "440783199003071234", mobile: "13800138000",
                                                            workUnit: nil, isPublicServant: false, officialCapacity: false))
        let account = FilingObject.account(PlatformAccount(platform: .douyin, name: "開平碉楼美食探店", accountId: "kp01", followers: 5000,
                                                           administrators: [Administrator(name: "李四", mobile: "13700137000")]))
        let xingtaiAccount = FilingObject.account(PlatformAccount(platform: .toutiao, name: "邢州往事·沙河口", accountId: "xt01", followers: 10,
                                                                  administrators: [Administrator(name: "李四", mobile: "13700137000")]))
        let opened = try CivilDate(iso: "2024-01-25")
        let filed = try CivilDate(iso: "2024-03-01")
        let kaipingScope = time(iterations) {
            _ = ScopeEvaluator.decide(profile: kaiping, operator: person, object: account)
        }
        let xingtaiScope = time(iterations) {
            _ = ScopeEvaluator.decide(profile: xingtai, operator: person, object: xingtaiAccount)
        }
        let scope = (kaipingScope + xingtaiScope) / 2
        let deadline = try time(iterations) {
            _ = try DeadlineCalculator.assess(profile: kaiping, event: .newAccount, eventDate: opened, filedDate: filed,
                                              calendar: data.calendar)
        }
        return [String(format: "Per filing: scope decision %.2f µs (Kaiping, traditional-script name: %.2f; Xingtai, ambiguous place: %.2f), "
                           + "deadline computation %.2f µs (30 working days across the 2024 Spring Festival)",
                       scope, kaipingScope, xingtaiScope, deadline)]
    }
}

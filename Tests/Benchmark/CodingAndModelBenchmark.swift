import BeianJSON
import BeianModel
import BeianReferenceData
import BeianRuntime
import BenchmarkService
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
        // A VerifyBatch-sized answer: 10,000 result objects with nested objects/arrays and Chinese.
        let results = (0..<10_000).map { index in
            #"{"index":\#(index),"kind":"resident_id","valid":false,"masked":"4407**********\#(1000 + index % 9000)","#
                + #""issues":[{"code":"checksum","zh":"身份证号码校验位错误","en":"checksum digit is wrong"}],"#
                + #""division":{"code":"440783","name":"广东省江门市开平市","level":3},"age":\#(index % 90),"score":0.25}"#
        }
        let large = Array(("{\"results\":[" + results.joined(separator: ",") + "]}").utf8)
        let largeParse = try time(20) { _ = try JSONParser.parse(large) }
        return [
            "JSON coding of the \(bytes.count)-byte benchmark message (µs per operation):",
            String(format: "  parse %.1f, decode the parsed tree to a Codable type %.1f, encode a Codable type to bytes %.1f (write a parsed tree %.1f); round trip parse+decode+encode %.1f (Foundation's JSONDecoder alone: %.1f)",
                   parse, decode, encode, write, parse + decode + encode, foundation),
            String(format: "  parse a %.1f MB document of 10,000 result objects: %.1f ms (%.0f MB/s)",
                   Double(large.count) / 1e6, largeParse / 1000, Double(large.count) / largeParse),
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

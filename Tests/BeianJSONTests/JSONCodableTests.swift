import Foundation
import Testing
@testable import BeianJSON

private struct Administrator: Codable, Equatable {
    var fullName: String
    var mobileNumber: String?
    var eMail: String?
}

private enum Platform: String, Codable { case douyin, wechatOfficialAccount = "wechat_official_account" }

private struct Account: Codable, Equatable {
    var accountName: String
    var followerCount: Int
    var platform: Platform
    var icpNumber: String?
    var administrators: [Administrator]
    var extra: [String: Int]
    var raw: JSONValue?
    var ratio: Double
    var registeredAt: Date?
    var myURLValue: String?
}

@Suite("JSON Codable bridge")
struct JSONCodableTests {
    @Test("snake_case names on the wire, camelCase in Swift, round trip")
    func snakeCase() throws {
        let account = Account(
            accountName: "开平发布", followerCount: 5000, platform: .wechatOfficialAccount, icpNumber: nil,
            administrators: [Administrator(fullName: "林先生", mobileNumber: "13800138000", eMail: nil)],
            extra: ["camelKey": 1], raw: ["any": [1, "x"]], ratio: 0.25,
            registeredAt: Date(timeIntervalSince1970: 1_700_000_000.5), myURLValue: "u")
        let value = try JSONCoding.encodeValue(account)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["account_name", "follower_count", "platform", "administrators", "extra", "raw", "ratio",
                                "registered_at", "my_url_value"])
        #expect(value["administrators"]?.arrayValue?.first?["full_name"] == "林先生")
        #expect(value["extra"]?["camelKey"] == 1)  // dictionary keys verbatim
        #expect(value["platform"] == "wechat_official_account")
        #expect(value["registered_at"] == "2023-11-14T22:13:20.500Z")
        let decoded = try JSONCoding.decode(Account.self, from: try JSONCoding.encode(account))
        #expect(decoded == account)
    }

    @Test("decoding errors name the field path and say what was wrong", arguments: [
        (#"{"follower_count":1,"platform":"douyin","administrators":[],"extra":{},"ratio":1}"#, "account_name", JSONError.Kind.missingField),
        (#"{"account_name":null,"follower_count":1,"platform":"douyin","administrators":[],"extra":{},"ratio":1}"#, "account_name", .missingField),
        (#"{"account_name":"a","follower_count":"many","platform":"douyin","administrators":[],"extra":{},"ratio":1}"#, "follower_count", .typeMismatch),
        (#"{"account_name":"a","follower_count":1.5,"platform":"douyin","administrators":[],"extra":{},"ratio":1}"#, "follower_count", .typeMismatch),
        (#"{"account_name":"a","follower_count":1,"platform":"tiktok","administrators":[],"extra":{},"ratio":1}"#, "platform", .invalidValue),
        (#"{"account_name":"a","follower_count":1,"platform":"douyin","administrators":[{"full_name":"x"},{"mobile_number":"1"}],"extra":{},"ratio":1}"#, "administrators[1].full_name", .missingField),
        (#"{"account_name":"a","follower_count":1,"platform":"douyin","administrators":[],"extra":{"k":"v"},"ratio":1}"#, "extra.k", .typeMismatch),
        (#"{"account_name":"a","follower_count":99999999999999999999,"platform":"douyin","administrators":[],"extra":{},"ratio":1}"#, "follower_count", .typeMismatch),
        (#"{"account_name":"a","follower_count":1,"platform":"douyin","administrators":[],"extra":{},"ratio":1,"registered_at":"yesterday"}"#, "registered_at", .invalidValue),
    ] as [(String, String, JSONError.Kind)])
    func errors(text: String, field: String, kind: JSONError.Kind) {
        do {
            _ = try JSONCoding.decode(Account.self, from: Array(text.utf8))
            Issue.record("expected an error for \(field)")
        } catch {
            #expect(error.field == field)
            #expect(error.kind == kind)
        }
    }

    @Test("integral doubles decode as integers; integers decode as doubles")
    func numberFlexibility() throws {
        let text = #"{"account_name":"a","follower_count":5000.0,"platform":"douyin","administrators":[],"extra":{},"ratio":2}"#
        let account = try JSONCoding.decode(Account.self, from: Array(text.utf8))
        #expect(account.followerCount == 5000)
        #expect(account.ratio == 2)
    }

    @Test("encoding a non-finite double fails with the field")
    func nonFinite() {
        struct M: Encodable { var value: Double }
        do {
            _ = try JSONCoding.encode(M(value: .nan))
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .numberOutOfRange)
            #expect(error.field == "value")
        }
    }

    @Test("snake case conversion", arguments: [
        ("idNumber", "id_number"), ("icpNumber", "icp_number"), ("myURLValue", "my_url_value"),
        ("url2Name", "url2_name"), ("already_snake", "already_snake"), ("ICP", "icp"), ("a", "a"),
    ])
    func snake(input: String, expected: String) {
        #expect(SnakeCase.convert(input) == expected)
    }
}

@Suite("Snake-case matching without allocation")
struct SnakeCaseMatchingTests {
    @Test("matches agrees with convert", arguments: ["idNumber", "icpNumber", "myURLValue", "url2Name", "a", "ICP", "already_snake", "x1Y2", "requestID", "ABc"])
    func agrees(name: String) {
        #expect(SnakeCase.matches(snake: SnakeCase.convert(name), camel: name))
        #expect(!SnakeCase.matches(snake: SnakeCase.convert(name) + "x", camel: name))
        #expect(!SnakeCase.matches(snake: String(SnakeCase.convert(name).dropLast()), camel: name))
        #expect(JSONObject(["\(SnakeCase.convert(name))": 1]).value(forSwiftName: name) == 1)
    }
}

extension JSONObject {
    init(_ members: [String: JSONValue]) {
        self.init()
        for (key, value) in members { self[key] = value }
    }
}

import BeianJSON
import BeianModel
import BeianReferenceData
import Foundation
import Testing

@Suite("Identity check coding")
struct IdentityCheckCodingTests {
    @Test("the tree encoder and the byte encoder write the same JSON for a check")
    func sameJSON() throws {
        let validator = IdentityValidator(divisions: try DivisionRegistry.standard())
        for number in ["11010519491231002X", "11010519491231002", "91350100M000100Y43", "440783199001011235"] {
            let check = validator.validate(number, today: IdentityDate(Date()))
            let tree = try JSONWriter.serialize(try JSONCoding.encodeValue(check))
            let bytes = try JSONCoding.encode(check)
            #expect(String(decoding: tree, as: UTF8.self) == String(decoding: bytes, as: UTF8.self))
        }
    }
}

/// Registration authorities (登记管理部门代码, position 1) and organization types (机构类别代码,
/// position 2) of unified social credit codes.
///
/// The standard table is the one of GB 32100-2015 as maintained by the national credit code
/// centre (全国组织机构统一社会信用代码数据服务中心) and reproduced in many public write-ups:
/// 1 机构编制 (1 机关, 2 事业单位, 3 中央编办直接管理机构编制的群众团体, 9 其他); 2 外交 (1 外国常驻新闻机构,
/// 9 其他); 3 司法行政 (1 律师执业机构, 2 公证处, 3 基层法律服务所, 4 司法鉴定机构, 5 仲裁委员会, 9 其他);
/// 4 文化 (1 外国在华文化中心, 9 其他); 5 民政 (1 社会团体, 2 民办非企业单位, 3 基金会, 9 其他);
/// 6 旅游 (1 外国旅游部门常驻代表机构, 2 港澳台地区旅游部门常驻内地（大陆）代表机构, 9 其他);
/// 7 宗教 (1 宗教活动场所, 2 宗教院校, 9 其他); 8 工会 (1 基层工会, 9 其他); 9 工商 (1 企业,
/// 2 个体工商户, 3 农民专业合作社); A 中央军委改革和编制办公室 (1 军队事业单位, 9 其他);
/// N 农业 (1 组级集体经济组织, 2 村级集体经济组织, 3 乡镇级集体经济组织, 9 其他); Y 其他 (1 only).
///
/// Later assignments seen in current code lists but not in that table (公安 G: 境外非政府组织代表机构;
/// 住房城乡建设 J: 业主大会; 侨联 Q; 民政 4/5 村民委员会/居民委员会; 司法行政 6 商事调解组织;
/// 工会 2 非法人工会组织; 工商 9 其他) are accepted with a warning, since codes carrying them are real.
package struct CreditCodeCategory: Sendable, Hashable {
    /// Authority code character (position 1).
    package let authority: Character
    /// Authority name, e.g. 工商.
    package let authorityName: String
    /// Type code character (position 2).
    package let type: Character
    /// Type name, e.g. 企业.
    package let typeName: String
    /// Whether the pair is in GB 32100-2015's published table (false: assigned later).
    package let inStandardTable: Bool

    /// Authority names by code character.
    package static let authorities: [Character: String] = [
        "1": "机构编制", "2": "外交", "3": "司法行政", "4": "文化", "5": "民政", "6": "旅游", "7": "宗教",
        "8": "工会", "9": "工商", "A": "中央军委改革和编制办公室", "N": "农业", "Y": "其他",
        "G": "公安", "J": "住房城乡建设", "Q": "侨联",
    ]

    /// Every known authority/type pair.
    package static let all: [CreditCodeCategory] = standard + supplementary

    /// The pair for two code characters, if defined.
    @inline(__always)
    package static func find(authority: UInt8, type: UInt8) -> CreditCodeCategory? {
        guard authority < 128, type < 128 else { return nil }
        return table[Int(authority) << 7 | Int(type)]
    }

    /// Whether two code characters are a defined pair (no copy of the pair: for the hot path).
    @inline(__always)
    package static func isKnown(authority: UInt8, type: UInt8) -> Bool {
        guard authority < 128, type < 128 else { return false }
        return known[Int(authority) << 7 | Int(type)]
    }

    /// Whether a pair is defined, indexed like `table`.
    private static let known: [Bool] = table.map { $0 != nil }

    /// Pairs indexed by (authority byte << 7 | type byte).
    private static let table: [CreditCodeCategory?] = {
        var table = [CreditCodeCategory?](repeating: nil, count: 128 * 128)
        for category in all { table[Int(category.authority.asciiValue!) << 7 | Int(category.type.asciiValue!)] = category }
        return table
    }()

    private static let standard: [CreditCodeCategory] = [
        ("1", "1", "机关"), ("1", "2", "事业单位"), ("1", "3", "中央编办直接管理机构编制的群众团体"), ("1", "9", "其他"),
        ("2", "1", "外国常驻新闻机构"), ("2", "9", "其他"),
        ("3", "1", "律师执业机构"), ("3", "2", "公证处"), ("3", "3", "基层法律服务所"), ("3", "4", "司法鉴定机构"),
        ("3", "5", "仲裁委员会"), ("3", "9", "其他"),
        ("4", "1", "外国在华文化中心"), ("4", "9", "其他"),
        ("5", "1", "社会团体"), ("5", "2", "民办非企业单位"), ("5", "3", "基金会"), ("5", "9", "其他"),
        ("6", "1", "外国旅游部门常驻代表机构"), ("6", "2", "港澳台地区旅游部门常驻内地（大陆）代表机构"), ("6", "9", "其他"),
        ("7", "1", "宗教活动场所"), ("7", "2", "宗教院校"), ("7", "9", "其他"),
        ("8", "1", "基层工会"), ("8", "9", "其他"),
        ("9", "1", "企业"), ("9", "2", "个体工商户"), ("9", "3", "农民专业合作社"),
        ("A", "1", "军队事业单位"), ("A", "9", "其他"),
        ("N", "1", "组级集体经济组织"), ("N", "2", "村级集体经济组织"), ("N", "3", "乡镇级集体经济组织"), ("N", "9", "其他"),
        ("Y", "1", "其他"),
    ].map { CreditCodeCategory(authority: $0.0, type: $0.1, typeName: $0.2, inStandardTable: true) }

    private static let supplementary: [CreditCodeCategory] = [
        ("3", "6", "商事调解组织"), ("5", "4", "村民委员会"), ("5", "5", "居民委员会"), ("8", "2", "非法人工会组织"),
        ("9", "9", "其他"), ("G", "1", "境外非政府组织代表机构"), ("G", "9", "其他"), ("J", "1", "业主大会"),
        ("J", "9", "其他"), ("Q", "1", "区县级侨联组织"), ("Q", "2", "乡镇级侨联组织"), ("Q", "3", "村级侨联组织"),
        ("Q", "9", "其他"),
    ].map { CreditCodeCategory(authority: $0.0, type: $0.1, typeName: $0.2, inStandardTable: false) }

    private init(authority: Character, type: Character, typeName: String, inStandardTable: Bool) {
        self.authority = authority
        self.authorityName = Self.authorities[authority] ?? "?"
        self.type = type
        self.typeName = typeName
        self.inStandardTable = inStandardTable
    }
}

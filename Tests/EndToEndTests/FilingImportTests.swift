import BeianJSON
import BeianModel
import BeianRPC
import Foundation
import IntakeService
import Testing
import TestSupport

/// `beian filing import` as a process against the real services.
@Suite("beian filing import")
struct FilingImportTests {
    /// A Kaiping spreadsheet: good rows, rows with the usual mistakes, a duplicate, quoting.
    static func spreadsheet() -> String {
        let header = "序号,账号名称,平台/服务类型,账号,粉丝量/关注量,注册日期,单位名称,单位类型,统一社会信用代码,"
            + "负责人姓名,身份证号,手机号码,业务范围,形式,功能简介,是否取得新闻资质,管理员姓名,管理员手机,备注"
        let id = { (sequence: Int) in Forms.resident("440783", sequence) }
        var badCheck = id(505)
        badCheck = String(badCheck.dropLast()) + (badCheck.last == "1" ? "2" : "1")
        let rows = [
            "1,开平发布,微信公众号,kaipingfabu,52000,2019-03-01,开平市人民政府办公室,机关,\(Forms.creditCode("440783")),"
                + "张明,\(id(501)),13700137001,新闻发布、政策法规,文字、图片,政务信息发布,否,李华,13600136001,",
            "2,\"开平美食, 探店\",抖音,kpms,1.2万,2023/6/1,,,,王小明,\(id(502)),13800138002,社会资讯,视频,,否,王小明,13800138002,",
            "3,开平碉楼小记,快手,kpdl,4999,2023-05-01,,,,李雷,\(id(503)),13800138003,社会资讯,视频,,否,李雷,13800138003,",
            "4,赤坎古镇,小红书,ckgz,很多,2023-05-01,,,,韩梅,\(id(504)),13800138004,社会资讯,图片,,否,韩梅,13800138004,",
            "5,开平侨乡,抖音,kpqx,8000,2023-05-01,,,,周杰,\(badCheck),13800138005,社会资讯,视频,,否,周杰,13800138005,",
            "6,开平生活圈,今日头条,kpshq,6000,2023-05-01,,,,吴莉,4.40783E+17,13800138006,社会资讯,文字,,否,吴莉,13800138006,",
            "7,\"开平美食, 探店\",抖音,kpms,1.2万,2023/6/1,,,,王小明,\(id(502)),13800138002,社会资讯,视频,,否,王小明,13800138002,",
            "8,开平旧事,新浪微博,kpjs,9000,2023-05-01,,,,郑和,\(id(508)),1380013800,社会资讯,文字,,否,郑和,13800138008,",
            "9,\"潭江边的\"\"故事\"\"\",百家号,tjbd,300,2023-05-01,,,,孙丽,\(id(509)),13800138009,社会资讯,文字,"
                + "\"第一行，\n第二行\",否,孙丽,13800138009,\"备注, 带逗号\"",
        ]
        return "\u{FEFF}" + ([header] + rows).joined(separator: "\r\n") + "\r\n"
    }

    @Test("per-row report with reasons under the spreadsheet's column names, exit 1, receipts file 0600; a re-run files nothing twice; a changed row of an account on file is refused")
    func importAndRerun() async throws {
        try await withIntakeOffice("440783", today: "2024-01-25") { office in
            let file = office.root.file("kaiping.csv")
            try Self.spreadsheet().write(toFile: file, atomically: true, encoding: .utf8)
            let cli = try BeianCLI.clerk(office)
            let first = try await cli.filing(["import", file])
            #expect(first.exitCode == 1, "some rows were refused: \(first.standardError)")
            #expect(first.standardError.contains("UTF-8 (BOM)"))
            #expect(first.standardError.contains("序号") && first.standardError.contains("备注"), "unknown columns listed")
            for filed in [2, 3, 10] { #expect(first.row(filed)?.contains("已备案 440783-") == true, "\(first.rowBlock(filed))") }
            #expect(first.row(3)?.contains("开平美食, 探店") == true)
            #expect(first.row(10)?.contains("潭江边的\"故事\"") == true)
            #expect(first.rowBlock(4).contains("不属于本办备案范围"))
            #expect(first.rowBlock(5).contains("粉丝量/关注量：“很多”不是数字"))
            #expect(first.rowBlock(6).contains("身份证号：") && first.rowBlock(6).contains("校验码"))
            #expect(first.rowBlock(7).contains("身份证号：“4.40783E+17”被表格软件存成了数字"))
            #expect(first.row(8)?.contains("与第3行内容相同") == true)
            #expect(first.rowBlock(9).contains("手机号码：手机号码“1380013800”格式不正确"))
            #expect(first.standardOutput.contains("共9行：新备案3，此前已提交0，未备案5，重复行1"))

            let receiptsPath = office.root.file("kaiping.receipts.csv")
            let attributes = try FileManager.default.attributesOfItem(atPath: receiptsPath)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let receipts = try String(contentsOfFile: receiptsPath, encoding: .utf8)
            #expect(!receipts.contains(",verified,") && !receipts.contains(",pending,"), "raw values in \(receipts)")
            #expect(receipts.contains(",已核验,") || receipts.contains(",待核验,"), "\(receipts)")
            let staff = try office.staffClient()
            let filed = try await staff.allFilings()
            #expect(filed.count == 3)
            for row in filed {
                #expect(receipts.contains(row.filingId))
                let view = try await staff.filing(row.filingId)
                #expect(view.history.first?.actor == "clerk 导入科员@440783", "filed by the clerk on the operator's behalf")
            }

            let second = try await cli.filing(["import", file, "--lang", "en"])
            #expect(second.exitCode == 1)
            for row in [2, 3, 10] {
                let id = first.row(row).flatMap { line in
                    line.range(of: #"440783-[0-9A-Z]{12}"#, options: .regularExpression).map { String(line[$0]) }
                }
                #expect(id != nil && second.row(row)?.contains("already filed \(id!)") == true, "\(second.rowBlock(row))")
            }
            #expect(second.standardOutput.contains("0 filed, 3 already filed, 5 not filed"))
            #expect(try await staff.allFilings().count == 3, "a re-run files nothing twice")

            // The same file with one account renamed: the account is on file, so the row is refused
            // (a real change is a change filing), and nothing is filed twice.
            try Self.spreadsheet().replacingOccurrences(of: "1,开平发布", with: "1,开平发布厅")
                .write(toFile: file, atomically: true, encoding: .utf8)
            let third = try await cli.filing(["import", file, "--json"])
            let report = try JSONParser.parse(Array(third.standardOutput.utf8))
            let rows = report["rows"]?.arrayValue ?? []
            #expect(rows.first?["outcome"] == "refused", "\(third.standardOutput)")
            #expect(rows.first?.description.contains("already_filed") == true || third.standardOutput.contains("已在本办备案"),
                    "\(third.standardOutput)")
            #expect(rows.filter { $0["outcome"] == "already_filed" }.count == 2)
            #expect(report["summary"]?["filed"] == 0)
            #expect(try await staff.allFilings().count == 3)
        }
    }

    @Test("a GBK spreadsheet is detected; --dry-run files nothing; all-good rows exit 0; no certificate is a usage error")
    func encodingsDryRunAndExitStatus() async throws {
        try await withIntakeOffice("440783", today: "2024-01-25") { office in
            let lines = Self.spreadsheet().dropFirst().split(separator: "\r\n", omittingEmptySubsequences: true)
            let good = ([lines[0], lines[1], lines[2]].joined(separator: "\r\n") + "\r\n")
            let gbk = office.root.file("gbk.csv")
            let data = try #require(good.data(using: String.Encoding(rawValue: 0x8000_0632)))
            try data.write(to: URL(fileURLWithPath: gbk))
            let cli = try BeianCLI.clerk(office)

            let dry = try await cli.filing(["import", gbk, "--dry-run"])
            #expect(dry.exitCode == 0, "\(dry.standardOutput)\(dry.standardError)")
            #expect(dry.standardError.contains("GB18030"))
            #expect(dry.row(2)?.contains("可以备案") == true)
            #expect(try await office.staffClient().allFilings().isEmpty)
            #expect(!FileManager.default.fileExists(atPath: office.root.file("gbk.receipts.csv")))

            let real = try await cli.filing(["import", gbk])
            #expect(real.exitCode == 0, "\(real.standardOutput)\(real.standardError)")
            #expect(try await office.staffClient().allFilings().count == 2)

            let anonymous = try await BeianCLI.anonymous(office).filing(["import", gbk])
            #expect(anonymous.exitCode == 2)
            #expect(anonymous.standardError.contains("--cert"))
        }
    }
}

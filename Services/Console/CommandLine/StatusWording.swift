import BeianRPC

/// Status codes with a Chinese label for Chinese output: `权限不足 PERMISSION_DENIED`.
extension Output {
    func statusName(_ code: RPCStatus.Code) -> String {
        guard language == .zh, let zh = Self.statusZh[code.rawValue] else { return code.name }
        return "\(zh) \(code.name)"
    }

    private static let statusZh: [Int: String] = [
        0: "成功", 1: "已取消", 2: "未知错误", 3: "参数无效", 4: "超时", 5: "未找到", 6: "已存在", 7: "权限不足",
        8: "资源不足", 9: "状态不允许", 10: "已中止", 11: "超出范围", 12: "未实现", 13: "服务内部错误", 14: "服务不可用",
        15: "数据丢失", 16: "未认证",
    ]
}

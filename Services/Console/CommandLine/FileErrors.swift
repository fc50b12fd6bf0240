import Foundation

/// A file that cannot be read or written, in both languages: the path and the system's reason
/// (`errno`), without the command's usage (the command line was right).
enum FileErrors {
    /// The reason of `code` (an errno value), in Chinese and English.
    static func reason(_ code: Int32) -> (zh: String, en: String) {
        let names: [Int32: String] = [
            ENOENT: "文件或目录不存在", EACCES: "没有权限", EPERM: "不允许的操作", EISDIR: "这是一个目录",
            ENOTDIR: "路径中有一项不是目录", ENOSPC: "磁盘空间不足", EROFS: "只读文件系统", EEXIST: "文件已存在",
            EIO: "读写错误", EDQUOT: "超出磁盘配额", ENAMETOOLONG: "文件名太长", EPIPE: "管道已关闭",
        ]
        let en = String(cString: strerror(code))
        return (names[code] ?? en, en)
    }

    /// `path` cannot be read (exit 1).
    static func cannotRead(_ path: String, _ code: Int32 = errno) -> ConsoleError {
        let reason = reason(code)
        return .failure(zh: "无法读取\(path)：\(reason.zh)", en: "cannot read \(path): \(reason.en)")
    }

    /// `path` cannot be written (exit 1).
    static func cannotWrite(_ path: String, _ code: Int32 = errno) -> ConsoleError {
        let reason = reason(code)
        return .failure(zh: "无法写入\(path)：\(reason.zh)", en: "cannot write \(path): \(reason.en)")
    }
}

import Foundation

/// A fresh, uniquely named directory under the system's temporary directory, for one test's files.
///
/// Removed with everything in it by ``remove()`` or when the object is deinitialized, whichever
/// comes first (removing twice is harmless).
package final class TemporaryDirectory: Sendable {
    /// Why the directory could not be created.
    package struct Failure: Error, CustomStringConvertible {
        /// The template path and the system's error text.
        package var description: String
    }

    /// The directory's absolute path (no trailing slash).
    package let path: String

    /// Creates the directory (mode 0700) as `<tmp>/<prefix>-XXXXXX`.
    /// - Throws: ``Failure`` if `mkdtemp` fails.
    package init(prefix: String = "beian-test") throws(Failure) {
        let base = FileManager.default.temporaryDirectory.path
        var template = Array("\(base)/\(prefix)-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else {
            throw Failure(description: "mkdtemp(\(base)/\(prefix)-XXXXXX): \(String(cString: strerror(errno)))")
        }
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit { remove() }

    /// The path of `name` inside the directory (the file is not created).
    package func file(_ name: String) -> String {
        "\(path)/\(name)"
    }

    /// Deletes the directory and its contents now.
    package func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

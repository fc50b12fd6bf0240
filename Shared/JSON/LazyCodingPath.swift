/// A coding path that costs nothing until an error needs it as `[CodingKey]`.
///
/// It is the parent's keys as a chain of shared nodes, plus at most one key of its own. Coders
/// pass it by value; a member's path is its container's path plus the member's key, made without
/// allocating. A node is allocated only when a path that has a key of its own gets children of
/// its own: once per object or array (`materialized()`), not once per member.
struct LazyCodingPath {
    /// The keys before `last`, shared.
    let parent: CodingPathNode?
    /// This path's own last key (nil for the root, and for a materialized path).
    let last: (any CodingKey)?

    static var root: LazyCodingPath { LazyCodingPath(parent: nil, last: nil) }

    /// The keys from the root, built only when asked for (errors, `codingPath`).
    var keys: [any CodingKey] {
        var keys = parent?.keys ?? []
        if let last { keys.append(last) }
        return keys
    }

    /// This path followed by `key`.
    func appending(_ key: any CodingKey) -> LazyCodingPath {
        LazyCodingPath(parent: node, last: key)
    }

    /// The same path, with its own key moved into a shared node: what a container keeps, so that
    /// appending its members' keys allocates nothing.
    func materialized() -> LazyCodingPath {
        last == nil ? self : LazyCodingPath(parent: node, last: nil)
    }

    /// This whole path as a node (nil for the root).
    private var node: CodingPathNode? {
        guard let last else { return parent }
        return CodingPathNode(parent: parent, key: last)
    }
}

/// One key of a materialized coding path, after its parent's.
final class CodingPathNode {
    let parent: CodingPathNode?
    let key: any CodingKey

    init(parent: CodingPathNode?, key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    var keys: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node: CodingPathNode? = self
        while let current = node {
            keys.append(current.key)
            node = current.parent
        }
        return keys.reversed()
    }
}

/// An array element's position in a coding path: one word, so that it fits in the existential
/// without a box, and formatted only when read.
struct IndexCodingKey: CodingKey {
    let index: Int

    init(_ index: Int) { self.index = index }
    init?(intValue: Int) { index = intValue }
    init?(stringValue: String) {
        guard let index = Int(stringValue) else { return nil }
        self.index = index
    }

    var intValue: Int? { index }
    var stringValue: String { String(index) }
}

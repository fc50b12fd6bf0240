/// A coding path kept as a cheap linked list; the `[CodingKey]` array is built only when an
/// error (or a type's own `codingPath`) needs it.
///
/// The last key is held inline: handing a field its path (`appending`) allocates nothing, which
/// matters because every decoded and encoded field gets one and almost none is ever read. A
/// container keeps its path `sealed()`, so the key that led to it is boxed once per container,
/// not once per member.
struct LazyCodingPath {
    /// The keys before `last`, innermost first.
    private final class Node {
        let parent: Node?
        let key: any CodingKey

        init(parent: Node?, key: any CodingKey) {
            self.parent = parent
            self.key = key
        }
    }

    private let node: Node?
    private let last: (any CodingKey)?

    private init(node: Node?, last: (any CodingKey)?) {
        self.node = node
        self.last = last
    }

    static var root: LazyCodingPath { LazyCodingPath(node: nil, last: nil) }

    var keys: [any CodingKey] {
        var reversed: [any CodingKey] = []
        if let last { reversed.append(last) }
        var current = node
        while let step = current {
            reversed.append(step.key)
            current = step.parent
        }
        return reversed.reversed()
    }

    /// The path one key deeper. Free on a sealed path (a container's); boxes the last key otherwise.
    func appending(_ key: any CodingKey) -> LazyCodingPath {
        LazyCodingPath(node: sealed().node, last: key)
    }

    /// The same path with its last key boxed, for a container that appends one key per member.
    func sealed() -> LazyCodingPath {
        guard let last else { return self }
        return LazyCodingPath(node: Node(parent: node, key: last), last: nil)
    }
}

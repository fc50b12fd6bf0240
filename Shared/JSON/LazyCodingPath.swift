/// A coding path kept as a cheap linked list; the `[CodingKey]` array is built only when an
/// error (or a type's own `codingPath`) needs it.
///
/// One pointer wide. Appending boxes the key, so the coders hand a field its path as a closure
/// (`() -> LazyCodingPath`, non-escaping: no allocation) that runs only when the path is needed,
/// for an error or a nested container: a container's path is boxed once, not once per member.
indirect enum LazyCodingPath {
    case root
    case child(LazyCodingPath, any CodingKey)

    var keys: [any CodingKey] {
        var reversed: [any CodingKey] = []
        var current = self
        while case .child(let parent, let key) = current {
            reversed.append(key)
            current = parent
        }
        return reversed.reversed()
    }

    func appending(_ key: any CodingKey) -> LazyCodingPath { .child(self, key) }
}

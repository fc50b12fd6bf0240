/// Place matches of one scope decision, so that evidence collection and routing search each
/// field once (they look at the same names and addresses). Used within one call only.
package final class PlaceMatchMemo {
    /// A decision searches a handful of fields: a list beats hashing the field names.
    private var searched: [(field: String, text: String, matches: [PlaceMatch])] = []

    package init() {}

    /// The matches of `text` in `field`, searched once.
    package func matches(in text: String, field: String, territory: Territory) -> [PlaceMatch] {
        if let cached = searched.first(where: { $0.field == field && $0.text == text }) { return cached.matches }
        let matches = PlaceMatcher.matches(in: text, field: field, territory: territory)
        searched.append((field, text, matches))
        return matches
    }
}

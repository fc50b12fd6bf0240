/// A place name found in a text field.
package struct PlaceMatch: Hashable, Sendable, Codable {
    /// The place's official name (`PlaceName.name`), e.g. 开平市.
    package var place: String
    /// The form that matched, as written in the text (e.g. 開平 or 牛城).
    package var matchedText: String
    /// Snake_case path of the field searched, e.g. `object.name`.
    package var field: String
    /// Offset of the match in the field, in characters (grapheme clusters) of the normalized
    /// text, counting from 0.
    package var offset: Int
    /// Why this match cannot decide scope alone (empty when it can): the name is shared with
    /// another place, is an ordinary word, or was found inside a longer word.
    package var ambiguity: [String]
    /// Id of the local office covering this place, if any.
    package var localOffice: String?

    /// Whether the match decides on its own.
    package var isAmbiguous: Bool { !ambiguity.isEmpty }
}

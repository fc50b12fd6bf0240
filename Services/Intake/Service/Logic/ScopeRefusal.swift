import BeianModel

/// A submission this office does not file: out of scope, or to be filed elsewhere.
package struct ScopeRefusal: Error, Sendable, Hashable {
    /// The decision that refused it.
    package var decision: ScopeDecision

    /// The refusal for `decision`, or nil when the office files it (in scope or staff review).
    package static func check(_ decision: ScopeDecision) -> ScopeRefusal? {
        switch decision.outcome {
        case .inScope, .needsStaffReview: nil
        case .outOfScope, .referredElsewhere: ScopeRefusal(decision: decision)
        }
    }

    /// The message for the operator, in both languages, naming where to file when referred.
    package var message: String {
        switch decision.outcome {
        case .referredElsewhere:
            let target = decision.referral
            let place = [target?.nameZh, target?.url].compactMap { $0 }.joined(separator: " ")
            let placeEn = [target?.nameEn, target?.url].compactMap { $0 }.joined(separator: " ")
            return "不在本办备案，请到\(place.isEmpty ? "其他平台" : place)备案：\(decision.summaryZh) / "
                + "not filed with this office; file with \(placeEn.isEmpty ? "another platform" : placeEn): "
                + decision.summaryEn
        default:
            return "不属于本办备案范围：\(decision.summaryZh) / out of this office's scope: \(decision.summaryEn)"
        }
    }
}

/// Decides whether an object must be filed with an office, from the office's profile.
///
/// Order: (1) an object kind the profile refers elsewhere is `referred_elsewhere`; a kind or
/// platform it does not cover is `out_of_scope`. (2) Each listed any-of condition is checked
/// and its evidence collected. (3) A follower threshold that applies and is not met makes the
/// object `out_of_scope` (以上 includes the number); unknown followers need review. (4) Any
/// unambiguous evidence: `in_scope`; only ambiguous evidence: `needs_staff_review`; none:
/// `out_of_scope`.
package enum ScopeEvaluator {
    /// The scope decision. `today`, when given, flags registration dates after it for review.
    package static func decide(profile: PolicyProfile, operator op: Operator, object: FilingObject,
                               facts: DeclaredScopeFacts = DeclaredScopeFacts(), today: CivilDate? = nil) -> ScopeDecision {
        let memo = PlaceMatchMemo()
        let evidence = collectEvidence(profile: profile, operator: op, object: object, facts: facts, memo: memo)
        let routing = OfficeRouter.route(profile: profile, operator: op, object: object, memo: memo)
        guard let rule = profile.objects.first(where: { $0.kind == object.kind }) else {
            return decision(.outOfScope, evidence, nil, nil, routing,
                            "\(profile.shortName)的通知不涵盖\(object.kind.zh)",
                            "\(profile.nameEn) does not cover \(object.kind.rawValue)")
        }
        if rule.treatment == .refer {
            let target = rule.referral
            return decision(.referredElsewhere, evidence, nil, target, routing,
                            "\(object.kind.zh)应到\(target?.nameZh ?? "其他平台")备案：\(rule.wording)",
                            "\(object.kind.rawValue) is filed with \(target?.nameEn ?? "another platform") instead")
        }
        var threshold: ThresholdCheck?
        if case .account(let account) = object {
            if !profile.platforms.contains(account.platform) && !profile.otherPlatformsInScope {
                return decision(.outOfScope, evidence, nil, nil, routing,
                                "通知未列入平台\(account.platform.zh)", "the notice does not cover \(account.platform.rawValue)")
            }
            if let rule = profile.followerThresholds.first(where: { $0.platforms.contains(account.platform) }) {
                threshold = ThresholdCheck(platform: account.platform, followers: account.followers,
                                           minimumFollowers: rule.minimumFollowers,
                                           met: account.followers.map { $0 >= rule.minimumFollowers },
                                           wording: rule.wording)
            }
        }
        if let threshold, threshold.met == false {
            return decision(.outOfScope, evidence, threshold, nil, routing,
                            "粉丝量\(threshold.followers ?? 0)低于备案条件\(threshold.minimumFollowers)（\(threshold.wording)）",
                            "\(threshold.followers ?? 0) followers is below the threshold of "
                                + "\(threshold.minimumFollowers) (inclusive)")
        }
        let decisive = evidence.filter { !$0.ambiguous }
        var review: [(zh: String, en: String)] = []
        if let threshold, threshold.met == nil {
            review.append(("粉丝量不详（备案条件为\(threshold.minimumFollowers)以上）",
                           "follower count unknown (threshold \(threshold.minimumFollowers))"))
        }
        if let today, let date = object.registrationDate, date > today {
            review.append(("开通日期\(date)晚于今天", "registration date \(date) is after today"))
        }
        if decisive.isEmpty {
            if evidence.isEmpty {
                return decision(.outOfScope, evidence, threshold, nil, routing,
                                "不符合任何一条备案条件", "no scope condition of the notice holds")
            }
            review.insert(("依据不确定：" + conditionsZh(evidence),
                           "only ambiguous evidence: " + evidence.map(\.note).joined(separator: "; ")), at: 0)
        }
        if !review.isEmpty {
            return decision(.needsStaffReview, evidence, threshold, nil, routing,
                            "需人工审核：" + review.map(\.zh).joined(separator: "；"),
                            "staff review needed: " + review.map(\.en).joined(separator: "; "))
        }
        var conditions: [ScopeConditionKind] = []
        for item in decisive where !conditions.contains(item.condition) { conditions.append(item.condition) }
        conditions.sort { $0.rawValue < $1.rawValue }
        return decision(.inScope, evidence, threshold, nil, routing,
                        "属于备案范围（符合：\(conditionsZh(decisive))）",
                        "in scope: " + conditions.map(\.rawValue).joined(separator: ", "))
    }

    /// The conditions of `evidence` in Chinese, each once, with the place names matched:
    /// `名称含本地地名（商南）、备案主体（个人或单位）在本地`.
    private static func conditionsZh(_ evidence: [ScopeEvidence]) -> String {
        var kinds: [ScopeConditionKind] = []
        for item in evidence where !kinds.contains(item.condition) { kinds.append(item.condition) }
        kinds.sort { $0.rawValue < $1.rawValue }
        return kinds.map { kind in
            var places: [String] = []
            for match in evidence.filter({ $0.condition == kind }).compactMap(\.placeMatch)
            where !places.contains(match.matchedText) {
                places.append(match.matchedText)
            }
            return places.isEmpty ? kind.zh : kind.zh + "（" + places.joined(separator: "、") + "）"
        }.joined(separator: "、")
    }

    private static func decision(_ outcome: ScopeOutcome, _ evidence: [ScopeEvidence], _ threshold: ThresholdCheck?,
                                 _ referral: Referral?, _ routing: OfficeRouting?, _ zh: String,
                                 _ en: String) -> ScopeDecision {
        ScopeDecision(outcome: outcome, evidence: evidence, threshold: threshold, referral: referral, routing: routing,
                      summaryZh: zh, summaryEn: en)
    }
}

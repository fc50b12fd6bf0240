import BeianModel

/// The checks of a transfer request (移交) before the filing is read, and of the reason a
/// received one (接收移交) carries.
package enum TransferRequestChecks {
    /// A request that passed: the target office and the reason, normalized.
    package struct Checked: Hashable, Sendable {
        /// The office to hand the filing to.
        package var targetOffice: String
        /// Why.
        package var reason: String
    }

    /// Checks a request made in `ownOffice`, every violation at once: the target office is
    /// required, a 6-digit division code, and another office among `peers` (`BEIAN_PEER_INTAKES`); the reason is
    /// required, at most `SubmissionValidator.descriptionLimit` characters.
    package static func check(targetOffice: String?, reason: String?, ownOffice: String,
                              peers: [String]) throws(ValidationFailure) -> Checked {
        var list = ViolationList()
        let target = list.requiredCode(targetOffice, "target_office", "移交网信办", "Target office")
        let reason = list.requiredText(reason, "reason", "移交理由", "Reason",
                                       maxLength: SubmissionValidator.descriptionLimit)
        if let target, !(target.count == 6 && target.allSatisfy { $0.isASCII && $0.isNumber }) {
            list.add("target_office", "division_code_format", zh: "移交网信办应为6位行政区划代码（如440783）",
                     en: "target office must be a 6-digit division code (e.g. 440783)")
        } else if let target, target == ownOffice {
            list.add("target_office", "own_office", zh: "不能移交给本办",
                     en: "a filing cannot be transferred to its own office")
        } else if let target, !peers.contains(target) {
            let (zh, en) = unknownPeer(target, configured: peers)
            list.add("target_office", "unknown_office", zh: zh, en: en)
        }
        guard list.isEmpty, let target, let reason else { throw ValidationFailure(violations: list.violations) }
        return Checked(targetOffice: target, reason: reason)
    }

    /// The reason of a received transfer, normalized; nil when it is empty or longer than
    /// `SubmissionValidator.descriptionLimit`.
    package static func receivedReason(_ reason: String) -> String? {
        let text = TextNormalization.text(reason)
        guard !text.isEmpty, text.count <= SubmissionValidator.descriptionLimit else { return nil }
        return text
    }

    /// The texts for a target office whose intake is not configured, naming the configured ones, or
    /// saying that none is and how to configure them (`BEIAN_PEER_INTAKES`).
    package static func unknownPeer(_ office: String, configured: [String]) -> (zh: String, en: String) {
        let example = "\(office)=主机:端口"
        if configured.isEmpty {
            return ("未配置网信办\(office)的受理系统：本办尚未配置任何其他网信办的受理系统，无法移交；"
                        + "请在本办受理系统的BEIAN_PEER_INTAKES中配置（如\(example)，多个以逗号分隔）",
                    "no intake of office \(office) is configured: this intake has no other offices configured, so "
                        + "it cannot transfer; set BEIAN_PEER_INTAKES on this intake (office=host:port, "
                        + "comma-separated, e.g. \(office)=10.0.0.5:7402)")
        }
        return ("未配置网信办\(office)的受理系统（已配置：\(configured.joined(separator: "、"))）；"
                    + "请在本办受理系统的BEIAN_PEER_INTAKES中添加\(example)",
                "no intake of office \(office) is configured (configured: \(configured.joined(separator: ", "))); "
                    + "add \(office)=host:port to BEIAN_PEER_INTAKES on this intake")
    }
}

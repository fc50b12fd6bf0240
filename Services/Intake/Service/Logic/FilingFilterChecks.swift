import BeianModel

/// Checks of the filters staff lists, exports, statistics and the deadline watch share, so that
/// each refuses the same bad input with the same words (a submission's local office too).
package enum FilingFilterChecks {
    /// The local office `text` names: its id (`611002`, any case), its name as the profile prints
    /// it (商州区委网信办) or a place only it covers (商州区); `""` for the filings the office handles
    /// itself; nil for no filter. Anything else records `unknown_local_office` (or
    /// `ambiguous_local_office` for a place two local offices share) under `field` and returns nil.
    package static func localOffice(_ text: String?, field: String, profile: PolicyProfile,
                                     into list: inout ViolationList) -> String? {
        guard let text else { return nil }
        let code = TextNormalization.code(text)
        if code.isEmpty { return "" }
        let offices = profile.localOffices
        if let office = offices.first(where: { TextNormalization.code($0.id) == code }) { return office.id }
        let name = TextNormalization.text(text)
        if let office = offices.first(where: { TextNormalization.text($0.nameZh) == name }) { return office.id }
        let covering = offices.filter { $0.places.contains { TextNormalization.text($0) == name } }
        if covering.count == 1 { return covering[0].id }
        if covering.count > 1 {
            let names = covering.map { "\($0.id)（\($0.nameZh)）" }.joined(separator: "、")
            list.add(field, "ambiguous_local_office",
                     zh: "“\(name)”属于多个属地网信办（\(names)），请用代码指明",
                     en: "\"\(name)\" is covered by several local offices (\(covering.map(\.id).joined(separator: ", "))): "
                         + "give the code")
            return nil
        }
        let known = offices.map { "\($0.id)（\($0.nameZh)）" }.joined(separator: "、")
        list.add(field, "unknown_local_office",
                 zh: "属地网信办“\(name)”不在本办名单中"
                     + (offices.isEmpty ? "（本办不设属地分办）" : "（可选：\(known)；本办自办的用空值\"\"）"),
                 en: "local office \"\(name)\" is not one of this office's"
                     + (offices.isEmpty ? " (it has none)"
                        : " (\(offices.map(\.id).joined(separator: ", ")); \"\" for the office's own filings)"))
        return nil
    }

    /// Records `date_order` when `from` is after `to` (the period would be empty).
    package static func dateOrder(from: CivilDate?, to: CivilDate?, field: String = "submitted_from",
                                  into list: inout ViolationList) {
        guard let from, let to, from > to else { return }
        list.add(field, "date_order", zh: "起始日期（\(from.iso)）晚于截止日期（\(to.iso)），这段时间是空的",
                 en: "the from date \(from.iso) is after the to date \(to.iso): the period would be empty")
    }
}

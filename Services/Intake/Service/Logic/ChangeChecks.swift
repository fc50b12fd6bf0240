import BeianModel

/// What a change (变更备案) or closure (注销备案) must satisfy beyond its own fields, against the
/// filing as it stands.
///
/// - An event cannot be dated before the object was opened (its registration date).
/// - A change cannot be dated before the version it changes was filed: the facts on file were
///   true then, and an earlier change belonged in that version.
/// - A change must change something: the whole form as it is now, identical to the current
///   version, records no change (and would make an empty version).
package enum ChangeChecks {
    /// Violations of a change reported on `changeDate` to `current`, whose new form differs from
    /// the current version at `changedPaths`.
    package static func change(on changeDate: CivilDate, to current: Filing,
                               changedPaths: [String]) -> [FieldViolation] {
        var list = ViolationList()
        checkNotBeforeOpening(changeDate, of: current, field: "change_date", zh: "变更日期", en: "change date", &list)
        if let filed = current.versions.last?.at.chinaCivilDate, changeDate < filed {
            list.add("change_date", "before_current_version",
                     zh: "变更日期\(changeDate)早于当前版本（第\(current.version)版）的备案日期\(filed)；此前的变化应在该版本中填报",
                     en: "change date \(changeDate) is before the current version (v\(current.version)) was filed on "
                         + "\(filed); an earlier change belongs in that version")
        }
        if changedPaths.isEmpty {
            list.add("submission", "no_change",
                     zh: "表单与当前版本（第\(current.version)版）完全相同，没有需要备案的变更",
                     en: "the form is identical to the current version (v\(current.version)): there is no change to file")
        }
        return list.violations
    }

    /// Violations of a closure dated `closureDate` of `current`.
    package static func closure(on closureDate: CivilDate, of current: Filing) -> [FieldViolation] {
        var list = ViolationList()
        checkNotBeforeOpening(closureDate, of: current, field: "closure_date", zh: "关闭日期", en: "closure date", &list)
        return list.violations
    }

    private static func checkNotBeforeOpening(_ date: CivilDate, of filing: Filing, field: String, zh: String,
                                              en: String, _ list: inout ViolationList) {
        guard let opened = filing.object.registrationDate, date < opened else { return }
        list.add(field, "before_registration",
                 zh: "\(zh)\(date)早于账号/网站的开通日期\(opened)",
                 en: "\(en) \(date) is before the object was opened on \(opened)")
    }
}

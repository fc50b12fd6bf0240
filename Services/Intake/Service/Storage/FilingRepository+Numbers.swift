import BeianModel
import BeianStore

extension FilingRepository {
    /// The next value of the filing-number sequence of an office, year and local office
    /// (`""` for none), incremented in the caller's transaction: a number is never issued twice,
    /// and a rolled-back acceptance gives its value back with the rest of the transaction.
    package func nextSequenceValue(office: String, year: Int, local: String, in db: Database) throws -> Int {
        try db.execute("""
            INSERT INTO filing_number_sequence (office_code, year, local_code, last_value) VALUES (?, ?, ?, 1)
            ON CONFLICT (office_code, year, local_code) DO UPDATE SET last_value = last_value + 1
            """, [office, year, local])
        guard let value = try db.fetchValue(
            Int.self, "SELECT last_value FROM filing_number_sequence WHERE office_code = ? AND year = ? AND local_code = ?",
            [office, year, local]) else {
            throw StoreError(.decoding, "filing_number_sequence has no row for \(office)/\(year)/\(local)")
        }
        return value
    }

    /// Issues the next filing number of the profile's format (备案号) for a filing routed to
    /// `localOffice`, in the caller's transaction. Sequences run per year, and per local office
    /// when the format shows the local office (`{local}`).
    package func issueFilingNumber(profile: PolicyProfile, year: Int, localOffice: String?,
                                   in db: Database) throws -> String {
        let format = profile.filingNumber
        let usesLocal = (try? format.pieces().get())?.contains(.local) ?? false
        let numberCode = localOffice.flatMap { id in profile.localOffices.first { $0.id == id }?.numberCode }
        let key = usesLocal ? (numberCode ?? "00") : ""
        while true {
            let value = try nextSequenceValue(office: profile.officeCode, year: year, local: key, in: db)
            let number = try format.render(year: year, sequence: value, local: usesLocal ? key : nil)
            // A number taken outside the sequence (an import, say) is skipped, never reissued.
            let taken = try db.fetchValue(Int.self, "SELECT 1 FROM filing WHERE filing_number = ?", [number]) != nil
            if !taken { return number }
        }
    }
}

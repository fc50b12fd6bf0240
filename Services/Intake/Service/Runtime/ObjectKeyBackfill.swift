import BeianRuntime
import BeianStore

/// Gives the filings of a database made before `filing_object_key` their keys (`ObjectKey`), once,
/// at the first start after the upgrade (`intake_meta.object_keys` records that it ran). Where two
/// live filings hold the same account or website, the earlier keeps it and the later ones are
/// logged for staff to review: nothing is changed or refused retroactively.
package enum ObjectKeyBackfill {
    /// The `intake_meta` key recording that the backfill ran.
    static let metaKey = "object_keys"
    /// Filings per transaction.
    static let batch = 500

    package static func run(_ repository: FilingRepository, store: Store, logger: Logger) async throws {
        let done = try await store.read { db in
            try db.fetchValue(String.self, "SELECT value FROM intake_meta WHERE key = ?", [metaKey]) != nil
        }
        guard !done else { return }
        var after: Int64 = 0, held = 0
        var duplicates: [String] = []
        while true {
            let start = after
            let (last, count, found) = try await store.write { db -> (Int64?, Int, [String]) in
                let sequences = try db.fetchAll("""
                    SELECT seq FROM filing WHERE seq > ? AND status NOT IN ('rejected', 'cancelled')
                        AND object_kind IN ('account', 'website') ORDER BY seq LIMIT ?
                    """, [start, Int64(batch)]).map { try $0.decode(Int64.self, at: 0) }
                var count = 0
                var found: [String] = []
                for sequence in sequences {
                    guard let stored = try repository.load(sequence: sequence, in: db),
                          let key = ObjectKey.held(by: stored.record) else { continue }
                    do {
                        try repository.hold(key, sequence: sequence, replacing: false, in: db)
                        count += 1
                    } catch let taken as ObjectAlreadyFiled {
                        found.append("\(stored.id) (\(taken.key), also \(taken.holder))")
                    }
                }
                return (sequences.last, count, found)
            }
            held += count
            duplicates += found
            guard let last else { break }
            after = last
        }
        try await store.write { db in
            try db.execute("INSERT INTO intake_meta (key, value) VALUES (?, '1')", [metaKey])
        }
        if held > 0 || !duplicates.isEmpty {
            logger.notice("object keys recorded", ["filings": .int(held), "duplicates": .int(duplicates.count)])
        }
        if !duplicates.isEmpty {
            logger.warning("filings of an account or website filed more than once: review them",
                           ["filings": .string(duplicates.prefix(100).joined(separator: "; "))])
        }
    }
}

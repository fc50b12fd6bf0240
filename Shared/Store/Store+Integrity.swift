import Dispatch

extension Store {
    /// Checks the database file while the store runs (完整性检查): `PRAGMA quick_check`, or with
    /// `full` the slower `PRAGMA integrity_check`; returns the problems found (empty when sound).
    ///
    /// For large files opened with `StoreConfiguration.quickCheckOnOpen = false` (the check reads
    /// the whole file: seconds per gigabyte): the service starts at once and checks afterwards.
    /// The check runs on a connection and a utility queue of its own, so reads and writes go on
    /// meanwhile; it reads one snapshot, so the WAL cannot be reset past it until the check ends.
    package func checkIntegrity(full: Bool = false) async throws -> [String] {
        let path = self.path
        let queue = DispatchQueue(label: "beian.store.integrity", qos: .utility)
        return try await Self.onQueue(queue) {
            let database = try Database(path: path, create: false)
            defer { database.close() }
            try database.configureReader(busyTimeout: .seconds(5))
            return full ? try database.integrityCheck() : try database.quickCheck()
        }
    }
}

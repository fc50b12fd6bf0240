import BeianModel
import BeianStore

extension IntakeService {
    /// One page of filings matching `query` for `scope`, with what exports and reports need of
    /// each (current state, uploads, transfer), read in one snapshot; and the row to continue after.
    func filingPage(_ query: FilingQuery, scope: StaffScope) async throws -> ([FilingExport.Input], Int64?) {
        let repository = self.repository
        let materials = self.materials
        return try await store.read { db in
            let listed = try repository.list(query, scope: scope, in: db)
            let states = try repository.currentStates(ids: listed.rows.map(\.filingId), in: db)
            let uploads = try materials.materials(filings: states.map(\.sequence), in: db)
            let transfers = try repository.transferTargets(filings: states.map(\.sequence), in: db)
            return (states.map { state in
                FilingExport.Input(record: state.record, uploaded: uploads[state.sequence] ?? [],
                                   transferredTo: transfers[state.sequence])
            }, listed.next)
        }
    }

    /// Every filing matching `query` for `scope`, page by page (`body` is called per page).
    func forEachFilingPage(_ query: FilingQuery, scope: StaffScope,
                           _ body: ([FilingExport.Input]) async throws -> Void) async throws {
        var page = query
        while true {
            let (inputs, next) = try await filingPage(page, scope: scope)
            if !inputs.isEmpty { try await body(inputs) }
            guard let next else { return }
            page.after = next
        }
    }
}

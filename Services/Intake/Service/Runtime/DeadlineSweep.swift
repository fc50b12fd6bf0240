import BeianModel
import BeianRuntime
import Synchronization

/// The background job that keeps timeliness right as the calendar moves (时限巡检): every
/// `BEIAN_DEADLINE_SWEEP_MS` it recomputes the deadlines of open filings (`OpenDeadlines`),
/// stores each change of timeliness (history and audit in the same transaction), and logs one
/// summary line when the picture changed (count overdue, due soon, updated) — not on every sweep.
package final class DeadlineSweep: Sendable {
    /// The actor name of the job in history and audit.
    package static let actor = "service intake (deadline watch)"

    /// What one sweep found.
    package struct Summary: Sendable, Hashable {
        /// Open filings past their due date.
        package var overdue: Int
        /// Open filings due within `OpenDeadlines.defaultWithinDays`.
        package var dueSoon: Int
        /// Filings whose stored timeliness changed in this sweep.
        package var updated: Int
        /// Filings whose due date needs a year of rest-day data the calendar lacks (期限待定).
        package var undetermined: Int = 0
    }

    private let service: IntakeService
    private let interval: Duration
    private let task = Mutex<Task<Void, Never>?>(nil)
    private let lastLogged = Mutex<Summary?>(nil)

    /// A job for `service`, sweeping every `interval`.
    package init(service: IntakeService, interval: Duration) {
        self.service = service
        self.interval = interval
    }

    /// Starts the job (once); the first sweep runs at once.
    package func start() {
        task.withLock { task in
            guard task == nil else { return }
            task = Task { [self] in
                while !Task.isCancelled {
                    _ = await sweep()
                    try? await Task.sleep(for: interval)
                }
            }
        }
    }

    /// Stops the job and waits for it.
    package func stop() async {
        let running = task.withLock { task -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        running?.cancel()
        await running?.value
    }

    /// One pass: recompute, store changes, log a summary when it changed. Nil when the database failed.
    @discardableResult
    package func sweep() async -> Summary? {
        let today = service.clock.today()
        let repository = service.repository
        do {
            let candidates = try await service.store.read { db in
                try repository.deadlineCandidates(today: today, in: db)
            }
            var updated = 0
            for sequence in candidates {
                do {
                    if try await update(sequence, today: today) { updated += 1 }
                } catch {
                    // One filing that cannot be stored must not hold back the others.
                    service.logger.error("deadline sweep: cannot store a filing's timeliness",
                                         ["row": .int(sequence), "error": .string("\(error)")])
                }
            }
            let (counts, undetermined) = try await service.store.read { db in
                (try repository.openDeadlineCounts(today: today, withinDays: OpenDeadlines.defaultWithinDays, in: db),
                 try repository.undeterminedDeadlineCount(in: db))
            }
            let summary = Summary(overdue: counts.overdue, dueSoon: counts.dueSoon, updated: updated,
                                  undetermined: undetermined)
            let changed = lastLogged.withLock { last in
                defer { last = summary }
                return updated > 0 || last?.overdue != summary.overdue || last?.dueSoon != summary.dueSoon
                    || last?.undetermined != summary.undetermined
            }
            var fields: [String: LogValue] = ["today": .string(today.iso), "overdue": .int(summary.overdue),
                                              "due_soon": .int(summary.dueSoon), "updated": .int(updated)]
            if undetermined > 0 {
                fields["undetermined"] = .int(undetermined)
                fields["calendar_covers"] = .string(
                    "\(service.calendar.coveredYears.lowerBound)-\(service.calendar.coveredYears.upperBound)")
            }
            if changed, undetermined > 0 {
                // Staff cannot see these deadlines until someone adds the year's rest days: say so loudly.
                service.logger.warning("deadline sweep: due dates undetermined for want of State Council rest-day "
                                       + "data; add the year's table (BEIAN_CALENDAR_DIR) and restart", fields)
            } else if changed {
                service.logger.notice("deadline sweep", fields)
            } else {
                service.logger.debug("deadline sweep", fields)
            }
            return summary
        } catch {
            service.logger.error("deadline sweep failed", ["error": .string("\(error)")])
            return nil
        }
    }

    /// Recomputes one filing and stores a changed timeliness; whether it changed.
    private func update(_ sequence: Int64, today: CivilDate) async throws -> Bool {
        let service = self.service
        let now = service.clock.now()
        return try await service.store.write { db in
            guard var stored = try service.repository.load(sequence: sequence, in: db),
                  let next = OpenDeadlines.reassess(stored.record, today: today, profile: service.profile,
                                                    calendar: service.calendar) else { return false }
            stored.record.deadline = next
            stored.record.updatedAt = now
            try service.repository.update(stored, in: db)
            var details = IntakeService.deadlineDetails(next)
            details["event"] = next.event.rawValue
            if let filed = next.filedDate { details["filed_date"] = filed.iso }
            try service.record("deadline_\(next.timeliness.rawValue)", actor: Self.actor, filing: stored, version: nil,
                               details: details, at: now, in: db)
            return true
        }
    }
}

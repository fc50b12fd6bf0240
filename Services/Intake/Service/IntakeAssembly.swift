import BeianRPC
import BeianServiceKit

/// Builds the intake service's RPC services from the service context (the `intake` executable's
/// setup under `ServiceMain`).
package enum IntakeAssembly {
    /// Starts intake (configuration, database, identity client, background jobs) and registers its
    /// shutdown; checks the database in the background (`BEIAN_INTEGRITY_CHECK`), marking health
    /// NOT_SERVING when it is damaged; returns `beian.intake.v1.Intake`.
    package static func services(_ context: ServiceContext) async throws -> [RPCService] {
        let runtime = try await IntakeRuntime.start(settings: context.settings, logger: context.logger)
        context.onShutdown { await runtime.shutdown() }
        runtime.checkIntegrityInBackground { _ in
            // The server is created once setup returns: wait for it (the check may finish first).
            for _ in 0..<600 {
                if let server = context.server {
                    server.health.setStatus(.notServing, for: "")
                    server.health.setStatus(.notServing, for: IntakeService.name)
                    return
                }
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
        return runtime.services
    }
}

import BeianRPC
import BeianServiceKit

/// Builds the intake service's RPC services from the service context (the `intake` executable's
/// setup under `ServiceMain`).
package enum IntakeAssembly {
    /// Starts intake (configuration, database, identity client, background job) and registers its
    /// shutdown; returns `beian.intake.v1.Intake`.
    package static func services(_ context: ServiceContext) async throws -> [RPCService] {
        let runtime = try await IntakeRuntime.start(settings: context.settings, logger: context.logger)
        context.onShutdown { await runtime.shutdown() }
        return runtime.services
    }
}

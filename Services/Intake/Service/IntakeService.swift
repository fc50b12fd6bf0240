import BeianRPC
import BeianServiceKit

/// Builds the intake service's RPC services from the service context.
package enum IntakeAssembly {
    package static func services(_ context: ServiceContext) async throws -> [RPCService] {
        []
    }
}

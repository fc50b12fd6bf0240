import BeianRPC
import BeianServiceKit

/// Builds the identity service's RPC services from the service context.
package enum IdentityAssembly {
    package static func services(_ context: ServiceContext) async throws -> [RPCService] {
        []
    }
}

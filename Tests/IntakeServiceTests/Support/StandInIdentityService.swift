import BeianModel
import BeianReferenceData
import BeianRPC
import IdentityService

/// The real identity service, run in process next to intake in these tests (intake calls it
/// over mutual TLS with its service certificate, as in production).
enum StandInIdentityService {
    static func service() -> RPCService {
        IdentityService(divisions: try! DivisionRegistry.standard()).rpcService
    }
}

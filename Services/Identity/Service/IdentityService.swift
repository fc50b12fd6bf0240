import BeianModel
import BeianReferenceData
import BeianRPC
import BeianRuntime
import BeianServiceKit
import Foundation

/// Builds the identity service's RPC services from the service context.
package enum IdentityAssembly {
    /// The identity service over the division table of the deployment (`BEIAN_DATA_DIR`'s
    /// `divisions.tsv`, else the bundled one), loaded once here; name-to-number matching is
    /// switched off (no connection to the national citizen identity service).
    package static func services(_ context: ServiceContext) async throws -> [RPCService] {
        let environment = context.settings.environment
        let divisions: DivisionRegistry
        do {
            divisions = try DivisionRegistry.load(environment: environment.values)
        } catch {
            guard let directory = environment.get(DivisionRegistry.dataDirectoryVariable) else { throw error }
            throw ConfigurationError(variable: DivisionRegistry.dataDirectoryVariable,
                                     rule: "must hold a valid \(DivisionRegistry.fileName) (or none) in \(directory): \(error)")
        }
        context.logger.notice("division table loaded", [
            "source": .string(divisions.source), "codes": .int(divisions.count),
            "name_to_number_matching": "off",
        ])
        return [IdentityService(divisions: divisions).rpcService]
    }
}

/// The identity verification service (证件核验服务), `beian.identity.v1.Identity`: checks
/// resident identity numbers, permits, organization codes and unified social credit codes one
/// at a time or 10,000 per call, and looks up division codes with their history.
///
/// Stores nothing; logs numbers only masked. Every method requires a client certificate of a
/// Beian service or of office staff (see `IdentityAccess`).
package struct IdentityService: Sendable {
    /// The division table used by the checks and by `LookupRegion`.
    package let divisions: DivisionRegistry
    /// The validator over `divisions`.
    package let validator: IdentityValidator
    /// Name-to-number matching against the national service; `nil`: switched off.
    package let citizenRegistry: (any CitizenRegistryCheck)?
    /// Today's date for birth-date checks.
    let today: @Sendable () -> IdentityDate
    /// Region facts encoded once.
    let regionJSON: RegionJSONCache
    /// Issues encoded once, shared by all calls.
    let issueJSON = IssueJSONCache()

    /// A service over a division table.
    /// - Parameters:
    ///   - divisions: the division table (load it once per process).
    ///   - citizenRegistry: a connection to the national citizen identity service, or `nil`
    ///     (the shipped configuration) to answer `VerifyHolder` with FAILED_PRECONDITION.
    ///   - today: the current day (default: the clock, in China Standard Time).
    package init(divisions: DivisionRegistry, citizenRegistry: (any CitizenRegistryCheck)? = nil,
                 today: @escaping @Sendable () -> IdentityDate = { IdentityDate(Date()) }) {
        self.divisions = divisions
        self.validator = IdentityValidator(divisions: divisions)
        self.citizenRegistry = citizenRegistry
        self.today = today
        self.regionJSON = RegionJSONCache(divisions: divisions)
    }

    /// The RPC service with its four methods.
    package var rpcService: RPCService {
        RPCService(
            name: IdentityAPI.service,
            summary: "Checks identity numbers, organization codes and credit codes (证件号码核验); division look-up.",
            methods: [verifyMethod, verifyBatchMethod, lookupRegionMethod, verifyHolderMethod])
    }
}

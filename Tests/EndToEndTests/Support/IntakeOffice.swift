import BeianRPC
import Foundation
import TestSupport

/// One office as real processes for end-to-end tests: the `identity` and `intake` executables,
/// mutual TLS on loopback, their own state directories. Intake can be restarted (on another
/// "today", or after SIGKILL) on the same database; identity can be stopped and started again on
/// the same port.
final class IntakeOffice: @unchecked Sendable {
    let office: String
    let root: TemporaryDirectory
    private(set) var today: String
    private(set) var intake: ServiceProcess
    private(set) var identity: ServiceProcess?
    let identityPort: Int
    private let extra: [String: String]

    private init(office: String, today: String, root: TemporaryDirectory, identity: ServiceProcess,
                 intake: ServiceProcess, extra: [String: String]) {
        self.office = office
        self.today = today
        self.root = root
        self.identity = identity
        self.identityPort = identity.port
        self.intake = intake
        self.extra = extra
    }

    /// Starts identity, then intake of `office` on `today`.
    static func start(office: String, today: String, extra: [String: String] = [:]) async throws -> IntakeOffice {
        let root = try TemporaryDirectory(prefix: "e2e-office-\(office)")
        let identity = try await startIdentity(root: root, office: office, port: 0)
        let intake = try await startIntake(root: root, office: office, today: today, identityPort: identity.port,
                                           extra: extra)
        return IntakeOffice(office: office, today: today, root: root, identity: identity, intake: intake, extra: extra)
    }

    private static func startIdentity(root: TemporaryDirectory, office: String, port: Int) async throws -> ServiceProcess {
        try FileManager.default.createDirectory(atPath: root.file("identity"), withIntermediateDirectories: true)
        return try await ServiceProcess("identity", environment: ServiceEnvironment.make(
            service: "identity", stateDirectory: root.file("identity"), office: office,
            extra: ["BEIAN_PORT": String(port)]))
    }

    private static func startIntake(root: TemporaryDirectory, office: String, today: String, identityPort: Int,
                                    extra: [String: String]) async throws -> ServiceProcess {
        try FileManager.default.createDirectory(atPath: root.file("intake"), withIntermediateDirectories: true)
        var settings = ["BEIAN_IDENTITY_ADDRESS": "127.0.0.1:\(identityPort)", "BEIAN_TODAY": today,
                        "BEIAN_IDENTITY_TIMEOUT_MS": "5000", "BEIAN_VERIFY_RETRY_MS": "100",
                        "BEIAN_VERIFY_RETRY_MAX_MS": "400"]
        for (key, value) in extra { settings[key] = value }
        return try await ServiceProcess("intake", environment: ServiceEnvironment.make(
            service: "intake", stateDirectory: root.file("intake"), office: office, extra: settings))
    }

    /// Stops intake (SIGTERM, or SIGKILL when `crash`) and starts it again on the same database,
    /// on `today` when given. The new process listens on a new port: make new clients.
    func restartIntake(today: String? = nil, crash: Bool = false) async throws {
        if crash { await intake.kill9() } else { await intake.terminate() }
        if let today { self.today = today }
        intake = try await Self.startIntake(root: root, office: office, today: self.today, identityPort: identityPort,
                                            extra: extra)
    }

    /// Stops the identity service (SIGTERM).
    func stopIdentity() async {
        await identity?.terminate()
        identity = nil
    }

    /// Starts the identity service again on its first port.
    func startIdentity() async throws {
        identity = try await Self.startIdentity(root: root, office: office, port: identityPort)
    }

    /// Stops both services; returns intake's exit status.
    @discardableResult
    func shutdown() async -> Int32 {
        let status = await intake.terminate()
        await identity?.terminate()
        root.remove()
        return status
    }

    // MARK: Clients

    /// An operator's client of intake (no certificate).
    func operatorClient() throws -> RPCClient { try client(identity: nil) }

    /// A staff client: `role` of `organization` (default: this office).
    func staffClient(_ role: String = "clerk", name: String = "值班科员", organization: String? = nil) throws -> RPCClient {
        try client(identity: TestCertificates.shared.clientCertificate(
            commonName: name, organization: organization ?? office, organizationalUnit: role))
    }

    private func client(identity: CertificateFiles?) throws -> RPCClient {
        var configuration = ClientConfiguration(
            host: "127.0.0.1", port: intake.port,
            tls: TestCertificates.shared.clientConfiguration(identity: identity, serverName: "127.0.0.1"))
        configuration.defaultTimeout = .seconds(30)
        return try RPCClient(configuration: configuration)
    }

    /// The address of intake, `127.0.0.1:PORT`.
    var intakeAddress: String { "127.0.0.1:\(intake.port)" }
}

/// Runs `body` with an office's processes, shutting them down afterwards.
func withIntakeOffice<T>(_ office: String, today: String, extra: [String: String] = [:],
                         _ body: (IntakeOffice) async throws -> T) async throws -> T {
    let processes = try await IntakeOffice.start(office: office, today: today, extra: extra)
    do {
        let result = try await body(processes)
        await processes.shutdown()
        return result
    } catch {
        for line in processes.intake.logs.suffix(30) where line.contains("\"error\"") || line.contains("warning") {
            print("intake log: \(line)")
        }
        await processes.shutdown()
        throw error
    }
}

/// Waits (polling) until `condition` holds or `seconds` pass; returns whether it held.
func eventually(seconds: Double = 20, _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(100))
    }
    return try await condition()
}

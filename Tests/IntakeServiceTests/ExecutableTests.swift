import BeianModel
import BeianRPC
import IntakeService
import Testing
import TestSupport

@Suite("The intake executable")
struct ExecutableTests {
    @Test("starts with its ready line, serves CheckScope to operators, and drains on SIGTERM")
    func startsAndServes() async throws {
        let state = try TemporaryDirectory(prefix: "intake-exe")
        let environment = try ServiceEnvironment.make(service: "intake", stateDirectory: state.path, office: "440783",
                                                      extra: ["BEIAN_IDENTITY_ADDRESS": "127.0.0.1:9",
                                                              "BEIAN_TODAY": "2024-01-25"])
        let intake = try await ServiceProcess("intake", environment: environment)
        let client = try RPCClient(configuration: ClientConfiguration(
            host: "127.0.0.1", port: intake.port,
            tls: TestCertificates.shared.clientConfiguration(identity: nil, serverName: "127.0.0.1")))
        let answer: ScopeCheckResponse = try await client.call("CheckScope", Submissions.individualAccount(
            name: "开平美食", followers: 4999, region: "440783"))
        #expect(answer.scope.outcome == .outOfScope)
        #expect(await intake.terminate() == 0)
    }

    @Test("an office without a policy profile exits 2 naming BEIAN_OFFICE")
    func unknownOffice() async throws {
        let state = try TemporaryDirectory(prefix: "intake-exe")
        let environment = try ServiceEnvironment.make(service: "intake", stateDirectory: state.path, office: "999999",
                                                      extra: ["BEIAN_IDENTITY_ADDRESS": "127.0.0.1:9"])
        let result = try await ProcessRunner.run(try ServiceProcess.executable("intake"), arguments: [],
                                                 environment: environment)
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("BEIAN_OFFICE"))
        #expect(result.standardError.contains("999999"))
    }
}

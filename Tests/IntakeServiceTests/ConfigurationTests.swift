import BeianRuntime
import IntakeService
import Testing
import TestSupport

@Suite("Configuration of materials, deadlines and peers")
struct ConfigurationTests {
    @Test("peers, limits and the sweep interval are read from the environment")
    func reads() throws {
        let state = try TemporaryDirectory(prefix: "intake-config")
        let configuration = try IntakeConfiguration(settings: IntakeHarness.settings(
            office: "440783", today: nil, identityPort: 9, state: state.path, extra: [
                "BEIAN_PEER_INTAKES": " 130500=127.0.0.1:7422 , 611000=localhost:7432",
                "BEIAN_MATERIAL_MAX_BYTES": "2048", "BEIAN_FILING_MATERIALS_MAX_BYTES": "4096",
                "BEIAN_DEADLINE_SWEEP_MS": "250",
            ]))
        #expect(configuration.peerIntakes.keys.sorted() == ["130500", "611000"])
        #expect(configuration.peerIntakes["130500"]?.port == 7422)
        #expect(configuration.peerIntakes["611000"]?.host == "localhost")
        #expect(configuration.materialLimits == MaterialLimits(perFile: 2048, perFiling: 4096))
        #expect(configuration.deadlineSweepInterval == .milliseconds(250))
        let defaults = try IntakeConfiguration(settings: IntakeHarness.settings(
            office: "440783", today: nil, identityPort: 9, state: state.path))
        #expect(defaults.peerIntakes.isEmpty)
        #expect(defaults.materialLimits == .standard)
        #expect(defaults.deadlineSweepInterval == .seconds(3600))
    }

    @Test("a bad value names its variable", arguments: [
        ("BEIAN_PEER_INTAKES", "440783=127.0.0.1:7412"),
        ("BEIAN_PEER_INTAKES", "13050=127.0.0.1:7412"),
        ("BEIAN_PEER_INTAKES", "130500=127.0.0.1"),
        ("BEIAN_PEER_INTAKES", "130500=a:1,130500=b:2"),
        ("BEIAN_MATERIAL_MAX_BYTES", "0"),
        ("BEIAN_FILING_MATERIALS_MAX_BYTES", "lots"),
        ("BEIAN_DEADLINE_SWEEP_MS", "-5"),
    ])
    func refuses(variable: String, value: String) throws {
        let state = try TemporaryDirectory(prefix: "intake-config")
        let error = #expect(throws: ConfigurationError.self) {
            try IntakeConfiguration(settings: IntakeHarness.settings(
                office: "440783", today: nil, identityPort: 9, state: state.path, extra: [variable: value]))
        }
        #expect(error?.variable == variable)
    }
}

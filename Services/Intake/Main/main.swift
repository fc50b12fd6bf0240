import BeianServiceKit
import IntakeService

// intake: filings from submission to filing number, changes and closures.
await ServiceMain.run(service: "intake", defaultPort: 7402, clientCertificates: .optional) { context in
    try await IntakeAssembly.services(context)
}

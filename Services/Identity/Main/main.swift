import BeianServiceKit
import IdentityService

// identity: checks resident ID numbers, organization codes and unified social credit codes.
await ServiceMain.run(service: "identity", defaultPort: 7401, clientCertificates: .required) { context in
    try await IdentityAssembly.services(context)
}

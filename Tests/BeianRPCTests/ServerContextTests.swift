import BeianRPC
import BeianRuntime
import Testing

@Suite("Server context")
struct ServerContextTests {
    @Test("a handler's logger carries the call id, the method and the connection's peer")
    func handlerLoggerFields() {
        let connectionLogger = Logger.disabled.with("peer", .string("CN=测试员,O=611000,OU=clerk"))
        let context = ServerContext(
            callID: 7, method: "beian.intake.v1.Intake/SubmitFiling", metadata: [:], peer: nil,
            remoteAddress: "127.0.0.1:40000", deadline: nil, connectionLogger: connectionLogger,
            responseMetadata: ResponseMetadata())
        let fields = context.logger.metadata
        #expect(fields["call_id"] == .int(7))
        #expect(fields["method"] == .string("beian.intake.v1.Intake/SubmitFiling"))
        #expect(fields["peer"] == .string("CN=测试员,O=611000,OU=clerk"))
    }
}

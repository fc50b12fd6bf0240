import BeianJSON
import BeianRPC
import BeianRuntime
import Glibc
import Synchronization

/// What a service's setup code gets: its settings and logger, and a place to register work to
/// do after the server has drained (closing the store).
package final class ServiceContext: Sendable {
    package let settings: ServiceSettings
    package let logger: Logger
    private let shutdownHooks = Mutex<[@Sendable () async -> Void]>([])
    private let serverBox = Mutex<RPCServer?>(nil)

    /// A context for `settings` (the standard main builds one; tests and benchmarks may too).
    package init(settings: ServiceSettings, logger: Logger) {
        self.settings = settings
        self.logger = logger
    }

    /// Runs `hook` after the server has stopped, in reverse order of registration.
    package func onShutdown(_ hook: @escaping @Sendable () async -> Void) {
        shutdownHooks.withLock { $0.append(hook) }
    }

    /// The running server (its health registry, for example), once started.
    package var server: RPCServer? { serverBox.withLock { $0 } }

    func set(server: RPCServer) { serverBox.withLock { $0 = server } }

    func runShutdownHooks() async {
        for hook in shutdownHooks.withLock({ $0 }).reversed() { await hook() }
    }
}

/// The standard `main` of a Beian service: read settings, set up, serve, drain on SIGTERM.
///
/// On start it prints one line to standard output,
/// `{"event":"ready","service":"identity","address":"127.0.0.1:7401"}`, once it accepts
/// connections (scripts and tests wait for it); logs go to standard error as JSON lines.
/// Exit status: 0 after a graceful shutdown, 2 for a configuration error, 1 for any other failure
/// to start.
package enum ServiceMain {
    package static func run(
        service: String, defaultPort: Int, clientCertificates: ServiceSettings.ClientCertificatePolicy,
        environment: Environment = .process,
        setup: @escaping @Sendable (ServiceContext) async throws -> [RPCService]
    ) async -> Never {
        ProcessSignals.ignoreBrokenPipe()
        let settings: ServiceSettings
        do {
            settings = try ServiceSettings(service: service, defaultPort: defaultPort,
                                           defaultClientCertificates: clientCertificates, environment: environment)
        } catch {
            StandardStream.error.write("\(service): \(error)\n")
            exit(2)
        }
        let handler = JSONLinesLogHandler.standardError
        let logger = Logger(label: service, handler: handler, minimumLevel: settings.logLevel)
        let context = ServiceContext(settings: settings, logger: logger)
        do {
            let services = try await setup(context)
            let server = try RPCServer(configuration: settings.serverConfiguration, services: services, logger: logger)
            context.set(server: server)
            let address = try await server.start()
            announceReady(service: service, address: address.description)
            let signalWatcher = Task {
                let number = await ProcessSignals.next(of: [SIGTERM, SIGINT])
                logger.notice("signal received, shutting down", ["signal": .int(number)])
                server.beginGracefulShutdown()
            }
            try await server.run()
            signalWatcher.cancel()
            await context.runShutdownHooks()
            logger.notice("exiting")
            handler.flush()
            exit(0)
        } catch let error as ConfigurationError {
            logger.critical("configuration error", ["error": .string(error.description)])
            handler.flush()
            StandardStream.error.write("\(service): \(error)\n")
            exit(2)
        } catch {
            logger.critical("failed to start", ["error": .string(String(describing: error))])
            handler.flush()
            StandardStream.error.write("\(service): failed to start: \(error)\n")
            await context.runShutdownHooks()
            exit(1)
        }
    }

    private static func announceReady(service: String, address: String) {
        let line: JSONValue = ["event": "ready", "service": .string(service), "address": .string(address)]
        StandardStream.output.write(line.description + "\n")
    }
}

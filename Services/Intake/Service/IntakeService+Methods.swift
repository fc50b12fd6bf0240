import BeianRPC

extension IntakeService {
    /// Every method of the service, by group. Add a group here when adding a `Handlers/` file
    /// (materials, export, statistics, transfers...).
    package var methods: [RPCMethod] {
        scopeMethods + submissionMethods + queryMethods + reviewMethods + lifecycleMethods + materialMethods
            + reportMethods + transferMethods
    }
}

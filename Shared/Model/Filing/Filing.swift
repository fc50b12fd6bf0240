/// Filing (备案): one website, app, mini program or account filed by one operator with one office.
///
/// Every change goes through `applying(_:content:by:at:)`, which validates the transition
/// (`FilingStatus.applying(_:)`) and appends a version, so the full history is kept.
package struct Filing: Hashable, Sendable, Codable {
    /// Filing id (assigned by the intake service).
    package var id: String
    /// Division code of the office the filing belongs to (e.g. `440783` Kaiping).
    package var officeCode: String
    /// Id of the local office that handles it (属地), when the profile routes to one.
    package var localOfficeCode: String?
    /// The operator (备案人).
    package var `operator`: Operator
    /// What is filed.
    package var object: FilingObject
    /// Attached materials (scans), by reference.
    package var materials: [MaterialReference]
    /// Scope facts the operator declared.
    package var scopeFacts: DeclaredScopeFacts
    /// Current status.
    package var status: FilingStatus
    /// Filing number (备案号), set on acceptance.
    package var filingNumber: String?
    /// The latest change reported (变更), if any.
    package var change: ChangeFacts?
    /// Closure facts (注销/关闭), once closed.
    package var closure: ClosureFacts?
    /// The reason given by staff when returning or rejecting, if the last decision was one.
    package var staffNote: String?
    /// Every version, oldest first; the last one is the current state.
    package var versions: [FilingVersion]

    /// Creates a draft filing with its first version (number 1).
    package init(id: String, officeCode: String, localOfficeCode: String? = nil, content: FilingContent,
                 by actor: String, at time: Timestamp) {
        self.id = id
        self.officeCode = officeCode
        self.localOfficeCode = localOfficeCode
        self.operator = content.operator
        self.object = content.object
        self.materials = content.materials
        self.scopeFacts = content.scopeFacts
        self.status = .draft
        self.filingNumber = nil
        self.change = nil
        self.closure = nil
        self.staffNote = nil
        self.versions = [FilingVersion(number: 1, at: time, by: actor, event: "create", status: .draft, content: content)]
    }

    /// What the operator filed, as a value.
    package var content: FilingContent {
        FilingContent(operator: self.operator, object: object, materials: materials, scopeFacts: scopeFacts)
    }

    /// The current version number.
    package var version: Int { versions.last?.number ?? 0 }
}

/// What the operator files: the part of a filing that versions snapshot.
package struct FilingContent: Hashable, Sendable, Codable {
    /// The operator.
    package var `operator`: Operator
    /// The object.
    package var object: FilingObject
    /// Materials by reference.
    package var materials: [MaterialReference]
    /// Declared scope facts.
    package var scopeFacts: DeclaredScopeFacts

    /// Creates content.
    package init(operator: Operator, object: FilingObject, materials: [MaterialReference] = [],
                 scopeFacts: DeclaredScopeFacts = DeclaredScopeFacts()) {
        self.operator = `operator`
        self.object = object
        self.materials = materials
        self.scopeFacts = scopeFacts
    }
}

/// One version of a filing (every state kept).
package struct FilingVersion: Hashable, Sendable, Codable {
    /// 1, 2, 3...
    package var number: Int
    /// When.
    package var at: Timestamp
    /// Who (staff member or operator id).
    package var by: String
    /// The event name (`create`, `submit`, `accept`... see `FilingEvent.name`).
    package var event: String
    /// Status after the event.
    package var status: FilingStatus
    /// The content after the event.
    package var content: FilingContent

    /// Creates a version.
    package init(number: Int, at: Timestamp, by: String, event: String, status: FilingStatus, content: FilingContent) {
        self.number = number
        self.at = at
        self.by = by
        self.event = event
        self.status = status
        self.content = content
    }
}

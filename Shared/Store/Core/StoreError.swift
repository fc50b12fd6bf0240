/// A store failure that is not an SQLite result code: a closed store, an unknown schema, a bad key
/// file, a broken backup, a value of the wrong type in a column.
///
/// SQLite's own failures are `DatabaseError`. Messages never contain stored values (they may be
/// personal information), only names of tables, columns, migrations and files.
package struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is, for programs; the message is for people.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        package let name: String
        package var description: String { name }

        /// The store (or connection) was closed before or while the work was submitted.
        package static let closed = Code(name: "closed")
        /// The database records migrations this build does not know: it has a newer schema.
        package static let unknownMigrations = Code(name: "unknownMigrations")
        /// The database's recorded migrations are not a prefix of the code's list (reordered or renamed).
        package static let migrationOrder = Code(name: "migrationOrder")
        /// A migration failed and was rolled back.
        package static let migrationFailed = Code(name: "migrationFailed")
        /// `PRAGMA quick_check` or `integrity_check` found damage.
        package static let integrity = Code(name: "integrity")
        /// A column held NULL or a different type than the one asked for, or no such column exists.
        package static let decoding = Code(name: "decoding")
        /// The API was used in a way it does not allow (e.g. two statements where one is expected).
        package static let misuse = Code(name: "misuse")
        /// The field-encryption key file is missing, unreadable or malformed.
        package static let keyFile = Code(name: "keyFile")
        /// A sealed field did not open: wrong key, wrong purpose, or altered bytes.
        package static let sealedField = Code(name: "sealedField")
        /// An idempotency key was reused with a different request.
        package static let idempotencyConflict = Code(name: "idempotencyConflict")
        /// An online backup could not be completed.
        package static let backup = Code(name: "backup")
        /// A restore was refused or failed.
        package static let restore = Code(name: "restore")
        /// A batch of writes was rolled back as a whole by SQLite (disk full, I/O error).
        package static let batchAborted = Code(name: "batchAborted")
    }

    package var code: Code
    package var message: String

    /// Makes an error with a code and a message for people.
    package init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { "store error (\(code)): \(message)" }
}

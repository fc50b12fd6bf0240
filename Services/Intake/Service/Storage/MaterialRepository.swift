import BeianModel
import BeianStore

/// Uploaded materials in `intake.sqlite`: content-addressed blobs (sealed chunks) and the
/// filings they are attached to. Functions taking a `Database` run inside the caller's
/// `Store.read` / `Store.write`, like `FilingRepository`'s.
package struct MaterialRepository: Sendable {
    /// Seals and opens chunks.
    package let cipher: MaterialCipher

    /// Bytes per stored chunk (and per downloaded message).
    package static let chunkBytes = 256 << 10

    /// Creates the repository.
    package init(cipher: MaterialCipher) {
        self.cipher = cipher
    }

    /// The uploaded materials of filing row `sequence`, oldest first.
    package func materials(filing sequence: Int64, in db: Database) throws -> [MaterialInfo] {
        try db.fetchAll("""
            SELECT kind, sha256, size, media_type, filename, uploaded_at_ms FROM filing_material
            WHERE filing_seq = ? ORDER BY id
            """, [sequence]).compactMap(Self.info)
    }

    /// The uploaded materials of several filings, by row.
    package func materials(filings sequences: [Int64], in db: Database) throws -> [Int64: [MaterialInfo]] {
        guard !sequences.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: sequences.count).joined(separator: ", ")
        var result: [Int64: [MaterialInfo]] = [:]
        let rows = try db.makeStatement("""
            SELECT kind, sha256, size, media_type, filename, uploaded_at_ms, filing_seq FROM filing_material
            WHERE filing_seq IN (\(marks)) ORDER BY id
            """).fetchAll(StatementArguments(values: sequences.map { .integer($0) }))
        for row in rows {
            guard let info = try Self.info(row) else { continue }
            result[try row.decode(Int64.self, at: 6), default: []].append(info)
        }
        return result
    }

    /// Bytes of the distinct files attached to filing row `sequence`.
    package func storedBytes(filing sequence: Int64, in db: Database) throws -> Int {
        try db.fetchValue(Int.self, """
            SELECT COALESCE(SUM(size), 0) FROM (SELECT DISTINCT sha256, size FROM filing_material WHERE filing_seq = ?)
            """, [sequence]) ?? 0
    }

    /// Whether a blob with this content is stored.
    package func blobExists(sha256: String, in db: Database) throws -> Bool {
        try db.fetchValue(Int.self, "SELECT 1 FROM material_blob WHERE sha256 = ?", [sha256]) != nil
    }

    /// Stores a blob from its sealed chunks unless the same content is already stored; returns
    /// whether it was new.
    @discardableResult
    package func insertBlob(sha256: String, size: Int, mediaType: String, sealedChunks: [[UInt8]], at time: Timestamp,
                            in db: Database) throws -> Bool {
        try db.execute("""
            INSERT INTO material_blob (sha256, size, media_type, chunk_count, created_at_ms) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (sha256) DO NOTHING
            """, [sha256, size, mediaType, sealedChunks.count, time.millisecondsSinceEpoch])
        guard db.changedRowCount > 0 else { return false }
        for (index, chunk) in sealedChunks.enumerated() {
            try db.execute("INSERT INTO material_blob_chunk (sha256, idx, data) VALUES (?, ?, ?)",
                           [sha256, index, chunk])
        }
        return true
    }

    /// Attaches a stored blob to a filing; false when this filing already has these bytes as this kind.
    package func attach(_ material: MaterialInfo, filing sequence: Int64, by actor: String,
                        in db: Database) throws -> Bool {
        try db.execute("""
            INSERT INTO filing_material (filing_seq, kind, sha256, size, media_type, filename, uploaded_at_ms,
                uploaded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (filing_seq, kind, sha256) DO NOTHING
            """, [sequence, material.kind.rawValue, material.sha256, material.size, material.mediaType,
                  material.filename, material.uploadedAt.millisecondsSinceEpoch, actor])
        return db.changedRowCount > 0
    }

    /// The number of chunks of a stored blob, or nil.
    package func chunkCount(sha256: String, in db: Database) throws -> Int? {
        try db.fetchValue(Int.self, "SELECT chunk_count FROM material_blob WHERE sha256 = ?", [sha256])
    }

    /// Chunk `index` of a blob, opened.
    package func chunk(sha256: String, index: Int, in db: Database) throws -> [UInt8] {
        guard let box = try db.fetchValue(
            [UInt8].self, "SELECT data FROM material_blob_chunk WHERE sha256 = ? AND idx = ?", [sha256, index]) else {
            throw StoreError(.decoding, "material \(sha256) has no chunk \(index)")
        }
        return try cipher.open(box, sha256: sha256, index: index)
    }

    /// The content split into sealed chunks of `chunkBytes`.
    package func sealedChunks(of bytes: [UInt8], sha256: String) throws -> [[UInt8]] {
        try stride(from: 0, to: bytes.count, by: Self.chunkBytes).enumerated().map { index, start in
            let end = min(start + Self.chunkBytes, bytes.count)
            return try cipher.seal(Array(bytes[start..<end]), sha256: sha256, index: index)
        }
    }

    private static func info(_ row: Row) throws -> MaterialInfo? {
        guard let kind = MaterialKind(rawValue: try row.decode(String.self, at: 0)) else { return nil }
        return MaterialInfo(kind: kind, sha256: try row.decode(at: 1), size: try row.decode(at: 2),
                            mediaType: try row.decode(at: 3), filename: try row.decode(String?.self, at: 4),
                            uploadedAt: Timestamp(millisecondsSinceEpoch: try row.decode(Int64.self, at: 5)))
    }
}

import BeianStore

extension IntakeSchema {
    /// Uploaded materials (备案材料), content-addressed:
    /// - `material_blob`: one row per distinct content (SHA-256 of the bytes), with its size and
    ///   the media type taken from the bytes;
    /// - `material_blob_chunk`: the bytes in chunks of `MaterialStore.chunkBytes`, each sealed
    ///   (AES-256-GCM, `MaterialCipher`): ID card copies are sensitive personal information;
    /// - `filing_material`: which filing has which material of which kind (a second upload of the
    ///   same bytes adds a row here, never a second blob).
    static let createMaterials = Migration("intake.v2.materials", sql: """
        CREATE TABLE material_blob (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            media_type TEXT NOT NULL,
            chunk_count INTEGER NOT NULL,
            created_at_ms INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE material_blob_chunk (
            sha256 TEXT NOT NULL REFERENCES material_blob (sha256),
            idx INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (sha256, idx)
        ) STRICT;
        CREATE TABLE filing_material (
            id INTEGER PRIMARY KEY,
            filing_seq INTEGER NOT NULL REFERENCES filing (seq),
            kind TEXT NOT NULL,
            sha256 TEXT NOT NULL REFERENCES material_blob (sha256),
            size INTEGER NOT NULL,
            media_type TEXT NOT NULL,
            filename TEXT,
            uploaded_at_ms INTEGER NOT NULL,
            uploaded_by TEXT NOT NULL,
            UNIQUE (filing_seq, kind, sha256)
        ) STRICT
        """)
}

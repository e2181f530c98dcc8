-- Uploaded images, content-addressed: an image is named by the hash of its
-- bytes and has variants resized for phones. On SQLite a variant's bytes are a
-- file in the media folder (`bytes` NULL); on PostgreSQL they are in the row,
-- so that every instance serves them.
-- A process can be archived (kept readable, closed to contributions).

CREATE TABLE media_images (
    id TEXT PRIMARY KEY,
    width BIGINT NOT NULL,
    height BIGINT NOT NULL,
    -- The variants' file extension: 'jpg' (opaque) or 'png' (with transparency).
    ext TEXT NOT NULL CHECK (ext IN ('jpg', 'png')),
    created_at BIGINT NOT NULL
);

CREATE TABLE media_variants (
    name TEXT PRIMARY KEY,
    image_id TEXT NOT NULL REFERENCES media_images (id) ON DELETE CASCADE,
    width BIGINT NOT NULL,
    height BIGINT NOT NULL,
    content_type TEXT NOT NULL,
    bytes BLOB
);
CREATE INDEX media_variants_by_image ON media_variants (image_id, width);

ALTER TABLE processes ADD COLUMN image_id TEXT REFERENCES media_images (id);
ALTER TABLE processes ADD COLUMN archived_at BIGINT;
ALTER TABLE event_speakers ADD COLUMN photo_id TEXT REFERENCES media_images (id);
ALTER TABLE event_speakers ADD COLUMN photo_alt TEXT NOT NULL DEFAULT '';

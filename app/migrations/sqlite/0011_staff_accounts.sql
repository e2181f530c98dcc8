-- Staff accounts can be disabled, and every session of an account ends when
-- its password changes or it is disabled: a session remembers the account's
-- `session_generation` at sign-in and is refused once the account's has moved on.
-- Password resets are single-use mail links, of which only the SHA-256 is stored.

ALTER TABLE staff_accounts ADD COLUMN disabled_at BIGINT;
ALTER TABLE staff_accounts ADD COLUMN session_generation BIGINT NOT NULL DEFAULT 0;

CREATE TABLE password_resets (
    id INTEGER PRIMARY KEY,
    staff_id INTEGER NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX password_resets_by_staff ON password_resets (staff_id, created_at);

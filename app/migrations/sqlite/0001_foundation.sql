-- Foundation: staff accounts, participants, sessions, processes, phases, components, themes.
-- Timestamps are unix seconds (UTC); calendar dates are ISO 'YYYY-MM-DD' text.

CREATE TABLE staff_accounts (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'moderator', 'mediator', 'event_staff')),
    is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at BIGINT NOT NULL
);

CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    data BLOB NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE processes (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 80),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    subtitle TEXT NOT NULL DEFAULT '',
    description_md TEXT NOT NULL DEFAULT '',
    image_url TEXT NOT NULL DEFAULT '',
    image_alt TEXT NOT NULL DEFAULT '',
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (start_date <= end_date)
);

CREATE TABLE phases (
    id INTEGER PRIMARY KEY,
    process_id INTEGER NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description_md TEXT NOT NULL DEFAULT '',
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (start_date <= end_date),
    UNIQUE (process_id, position)
);

CREATE TABLE components (
    id INTEGER PRIMARY KEY,
    phase_id INTEGER NOT NULL REFERENCES phases (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('consultation', 'event', 'survey', 'evaluation')),
    -- Optional: the consultation's question, an event's name...
    title TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 300),
    created_at BIGINT NOT NULL,
    UNIQUE (phase_id, kind)
);

CREATE TABLE themes (
    id INTEGER PRIMARY KEY,
    process_id INTEGER NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    UNIQUE (process_id, position),
    UNIQUE (process_id, name)
);

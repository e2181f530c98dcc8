-- Symposium: an event component with days, sessions, speakers, registrations
-- with per-day and per-workshop seats, waiting lists and check-in.
-- Seats are counted inside the transaction that takes them, after the event
-- row has been written to (see `symposium::registrations`), so the counts
-- below never go over capacity; the CHECKs keep capacities sane.

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    component_id INTEGER NOT NULL UNIQUE REFERENCES components (id) ON DELETE CASCADE,
    slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 80),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description_md TEXT NOT NULL DEFAULT '',
    venue TEXT NOT NULL DEFAULT '',
    seats INTEGER NOT NULL CHECK (seats >= 0),
    -- How long a person promoted from a waiting list has to confirm the seat.
    offer_hours INTEGER NOT NULL DEFAULT 48 CHECK (offer_hours BETWEEN 1 AND 720),
    registration_open INTEGER NOT NULL DEFAULT 1 CHECK (registration_open IN (0, 1)),
    -- Written by every transaction that takes or frees seats: it serialises
    -- them (row lock on PostgreSQL, the write lock on SQLite).
    seat_version INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);

CREATE TABLE event_days (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    seats INTEGER NOT NULL CHECK (seats >= 0),
    UNIQUE (event_id, day)
);

CREATE TABLE event_sessions (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    day_id INTEGER NOT NULL REFERENCES event_days (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('plenary', 'round_table', 'workshop')),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description_md TEXT NOT NULL DEFAULT '',
    -- 'HH:MM', local time of the event.
    starts_at TEXT NOT NULL CHECK (length(starts_at) = 5),
    ends_at TEXT NOT NULL CHECK (length(ends_at) = 5),
    room TEXT NOT NULL DEFAULT '',
    -- Workshops only: people choose them when registering.
    seats INTEGER CHECK (seats IS NULL OR seats >= 0),
    CHECK (starts_at < ends_at),
    CHECK (kind <> 'workshop' OR seats IS NOT NULL)
);
CREATE INDEX event_sessions_by_event ON event_sessions (event_id, day_id, starts_at);

CREATE TABLE event_session_themes (
    session_id INTEGER NOT NULL REFERENCES event_sessions (id) ON DELETE CASCADE,
    theme_id INTEGER NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, theme_id)
);

CREATE TABLE event_speakers (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    role TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    bio TEXT NOT NULL DEFAULT '' CHECK (length(bio) <= 1500),
    photo_url TEXT NOT NULL DEFAULT '',
    -- Invented people of the demo programme, shown as such.
    is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1))
);

CREATE TABLE event_session_speakers (
    session_id INTEGER NOT NULL REFERENCES event_sessions (id) ON DELETE CASCADE,
    speaker_id INTEGER NOT NULL REFERENCES event_speakers (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, speaker_id)
);

-- Extra questions of the registration form, per event.
CREATE TABLE event_questions (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('text', 'choice', 'yes_no')),
    label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 300),
    -- 'choice' only: the options, one per line.
    options TEXT NOT NULL DEFAULT '',
    required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1))
);

CREATE TABLE registrations (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    first_name TEXT NOT NULL CHECK (length(first_name) BETWEEN 1 AND 80),
    last_name TEXT NOT NULL CHECK (length(last_name) BETWEEN 1 AND 80),
    -- Lowercase.
    email TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    organisation TEXT NOT NULL DEFAULT '',
    profile TEXT NOT NULL CHECK (profile IN ('professional', 'volunteer', 'institution', 'elected', 'resident')),
    accessibility TEXT NOT NULL DEFAULT '',
    dietary TEXT NOT NULL DEFAULT '',
    -- Short and typeable at the door.
    ticket_code TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
    lang TEXT NOT NULL DEFAULT 'fr',
    is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    consent_at INTEGER NOT NULL,
    reminded_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    cancelled_at INTEGER
);
-- One live registration per person and event; a cancelled one may be followed by a new one.
CREATE UNIQUE INDEX registrations_one_per_email ON registrations (event_id, email) WHERE status = 'active';

-- Private links: only the SHA-256 of each token is kept. Every mail that needs
-- a link mints a new one, so no token has to be stored to be sent again.
CREATE TABLE registration_tokens (
    token_hash TEXT PRIMARY KEY,
    registration_id INTEGER NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
);

CREATE TABLE registration_days (
    registration_id INTEGER NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    day_id INTEGER NOT NULL REFERENCES event_days (id) ON DELETE CASCADE,
    checked_in_at INTEGER,
    checked_in_by INTEGER REFERENCES staff_accounts (id),
    PRIMARY KEY (registration_id, day_id)
);
CREATE INDEX registration_days_by_day ON registration_days (day_id);

-- A person's place in a workshop. 'confirmed' and 'offered' hold a seat;
-- 'waiting' rows are served in id order; 'expired' offers are kept so the
-- person can see what happened.
CREATE TABLE workshop_places (
    id INTEGER PRIMARY KEY,
    registration_id INTEGER NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    session_id INTEGER NOT NULL REFERENCES event_sessions (id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'offered', 'waiting', 'expired')),
    offer_expires_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK ((status = 'offered') = (offer_expires_at IS NOT NULL)),
    UNIQUE (registration_id, session_id)
);
CREATE INDEX workshop_places_by_session ON workshop_places (session_id, status, id);

CREATE TABLE registration_answers (
    registration_id INTEGER NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES event_questions (id) ON DELETE CASCADE,
    answer TEXT NOT NULL CHECK (length(answer) <= 1000),
    PRIMARY KEY (registration_id, question_id)
);

-- The "Rendez-vous citoyen": a public evaluation meeting held in a room and
-- streamed on video. People register to come in person or follow remotely;
-- during the meeting the host opens live questions one at a time, everyone
-- answers from their phone (once per question, with whether they are in the
-- room or remote), and the audience sends questions that others upvote and a
-- moderator approves.

CREATE TABLE rendezvous (
    id INTEGER PRIMARY KEY,
    component_id INTEGER NOT NULL UNIQUE REFERENCES components (id) ON DELETE CASCADE,
    slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 80),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    -- Local date and time of the city, 'YYYY-MM-DD' and 'HH:MM'.
    starts_on TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    venue TEXT NOT NULL DEFAULT '' CHECK (length(venue) <= 300),
    -- An https embed address; no request reaches it before someone presses play.
    video_url TEXT NOT NULL DEFAULT '' CHECK (length(video_url) <= 500),
    -- The survey that evaluates the whole process.
    survey_id INTEGER REFERENCES surveys (id) ON DELETE SET NULL,
    registration_open INTEGER NOT NULL DEFAULT 1 CHECK (registration_open IN (0, 1)),
    created_at BIGINT NOT NULL
);

CREATE TABLE rendezvous_registrations (
    id INTEGER PRIMARY KEY,
    rendezvous_id INTEGER NOT NULL REFERENCES rendezvous (id) ON DELETE CASCADE,
    -- Only a SHA-256 of the private link's token is kept.
    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    email TEXT CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
    mode TEXT NOT NULL CHECK (mode IN ('room', 'remote')),
    consent_at BIGINT NOT NULL,
    cancelled_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX rendezvous_registrations_by_event ON rendezvous_registrations (rendezvous_id);

CREATE TABLE live_questions (
    id INTEGER PRIMARY KEY,
    rendezvous_id INTEGER NOT NULL REFERENCES rendezvous (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('rating', 'single', 'multiple', 'word')),
    prompt TEXT NOT NULL CHECK (length(prompt) BETWEEN 1 AND 300),
    -- One per line: the choices, or a rating scale's labels from lowest to highest.
    options TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed')),
    opened_at BIGINT,
    closed_at BIGINT,
    UNIQUE (rendezvous_id, position)
);
-- At most one open question per meeting, whatever the race between two hosts.
CREATE UNIQUE INDEX live_questions_one_open ON live_questions (rendezvous_id) WHERE state = 'open';

-- One answer per participant and question: the primary key refuses a second.
-- `value` is an option index, indexes joined by commas, or the short text.
CREATE TABLE live_answers (
    question_id INTEGER NOT NULL REFERENCES live_questions (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    mode TEXT NOT NULL CHECK (mode IN ('room', 'remote')),
    value TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 200),
    answered_at BIGINT NOT NULL,
    PRIMARY KEY (question_id, participant_id)
) WITHOUT ROWID;

CREATE TABLE audience_questions (
    id INTEGER PRIMARY KEY,
    rendezvous_id INTEGER NOT NULL REFERENCES rendezvous (id) ON DELETE CASCADE,
    participant_id INTEGER REFERENCES participants (id) ON DELETE SET NULL,
    body TEXT NOT NULL CHECK (length(body) BETWEEN 5 AND 400),
    mode TEXT NOT NULL CHECK (mode IN ('room', 'remote')),
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'answered', 'rejected')),
    -- Kept in step with audience_upvotes in the same transaction.
    upvotes INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    decided_at BIGINT
);
CREATE INDEX audience_questions_by_event ON audience_questions (rendezvous_id, status);

CREATE TABLE audience_upvotes (
    question_id INTEGER NOT NULL REFERENCES audience_questions (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    PRIMARY KEY (question_id, participant_id)
) WITHOUT ROWID;

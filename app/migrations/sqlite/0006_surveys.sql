-- Surveys: a phase's survey component holds a questionnaire in sections, its
-- one-time invitations, and the responses. Anonymous responses are stored so
-- that nothing joins them to an invitation or a participant: random response
-- ids, tables WITHOUT ROWID (no insertion order to read), and dates to the day.

CREATE TABLE surveys (
    id INTEGER PRIMARY KEY,
    component_id INTEGER NOT NULL UNIQUE REFERENCES components (id) ON DELETE CASCADE,
    slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 80),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    intro TEXT NOT NULL DEFAULT '' CHECK (length(intro) <= 2000),
    -- 'open': anyone with the address; 'invitation': one-time links only.
    access TEXT NOT NULL DEFAULT 'open' CHECK (access IN ('open', 'invitation')),
    anonymous INTEGER NOT NULL DEFAULT 1 CHECK (anonymous IN (0, 1)),
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    results_published INTEGER NOT NULL DEFAULT 0 CHECK (results_published IN (0, 1)),
    created_at BIGINT NOT NULL,
    CHECK (opens_on <= closes_on)
);

CREATE TABLE survey_sections (
    id INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 200),
    UNIQUE (survey_id, position)
);

CREATE TABLE survey_questions (
    id INTEGER PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES survey_sections (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('single', 'multiple', 'rating', 'scale', 'yes_no',
                                       'short_text', 'long_text', 'matrix', 'ranking')),
    prompt TEXT NOT NULL CHECK (length(prompt) BETWEEN 1 AND 500),
    help TEXT NOT NULL DEFAULT '' CHECK (length(help) <= 500),
    required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
    -- One per line: the choices; a rating's labels from best to worst; a matrix's scale.
    options TEXT NOT NULL DEFAULT '',
    -- One per line: a matrix's items.
    items TEXT NOT NULL DEFAULT '',
    -- Shown only when the answer to an earlier question equals (or, for
    -- several choices, includes) the option at index `condition_value`.
    condition_question_id INTEGER REFERENCES survey_questions (id) ON DELETE SET NULL,
    condition_op TEXT CHECK (condition_op IN ('equals', 'includes')),
    condition_value INTEGER CHECK (condition_value >= 0),
    UNIQUE (section_id, position),
    CHECK (condition_question_id IS NULL OR (condition_op IS NOT NULL AND condition_value IS NOT NULL)),
    CHECK (condition_question_id IS NULL OR condition_question_id <> id)
);

-- One-time links: only a SHA-256 of the token is kept.
CREATE TABLE survey_invitations (
    id INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    email TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    name TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 120),
    sent_at BIGINT,
    reminded_at BIGINT,
    -- The day the link was used, no finer, so it cannot be matched with a response.
    used_on TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (survey_id, email)
);

-- Who answered an open-link survey, kept apart from what they answered.
CREATE TABLE survey_participations (
    survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    PRIMARY KEY (survey_id, participant_id)
) WITHOUT ROWID;

-- `invitation_id` and `participant_id` are set only in surveys that are not
-- anonymous; each answers once.
CREATE TABLE survey_responses (
    id TEXT PRIMARY KEY CHECK (length(id) = 32),
    survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    submitted_on TEXT NOT NULL,
    invitation_id INTEGER UNIQUE REFERENCES survey_invitations (id) ON DELETE SET NULL,
    participant_id INTEGER REFERENCES participants (id) ON DELETE SET NULL,
    UNIQUE (survey_id, participant_id)
) WITHOUT ROWID;
CREATE INDEX survey_responses_by_survey ON survey_responses (survey_id);

-- One answer per response and question, as JSON (see surveys::logic::Answer).
CREATE TABLE survey_answers (
    response_id TEXT NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES survey_questions (id) ON DELETE CASCADE,
    value TEXT NOT NULL,
    PRIMARY KEY (response_id, question_id)
) WITHOUT ROWID;

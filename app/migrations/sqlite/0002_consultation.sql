-- Consultation: proposals, moderation, votes with their context, incremental
-- counts, reports, demographics, and the idempotency of retried requests.

-- Server secrets shared by all instances (the key that signs served proposals).
CREATE TABLE secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE consultations (
    id INTEGER PRIMARY KEY,
    component_id INTEGER NOT NULL UNIQUE REFERENCES components (id) ON DELETE CASCADE,
    slug TEXT NOT NULL UNIQUE,
    question TEXT NOT NULL CHECK (length(question) BETWEEN 1 AND 300),
    -- Every proposal starts with it ("Il faut", "We should").
    proposal_prefix TEXT NOT NULL DEFAULT 'Il faut',
    -- The neighbourhoods offered in the optional demographics, one per line.
    neighbourhoods TEXT NOT NULL DEFAULT '',
    lang TEXT NOT NULL DEFAULT 'fr',
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    sequence_size INTEGER NOT NULL DEFAULT 12 CHECK (sequence_size BETWEEN 1 AND 50),
    new_share_pct INTEGER NOT NULL DEFAULT 30 CHECK (new_share_pct BETWEEN 0 AND 100),
    new_threshold INTEGER NOT NULL DEFAULT 10 CHECK (new_threshold >= 0),
    controversy_share_pct INTEGER NOT NULL DEFAULT 10 CHECK (controversy_share_pct BETWEEN 0 AND 100),
    trusted_weight_pct INTEGER NOT NULL DEFAULT 50 CHECK (trusted_weight_pct BETWEEN 0 AND 100),
    created_at BIGINT NOT NULL,
    CHECK (opens_on <= closes_on)
);

CREATE TABLE proposals (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id),
    content TEXT NOT NULL CHECK (length(content) BETWEEN 12 AND 140),
    author_name TEXT NOT NULL CHECK (length(author_name) BETWEEN 1 AND 60),
    author_email TEXT NOT NULL DEFAULT '',
    age_bracket TEXT NOT NULL DEFAULT '',
    neighbourhood TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'refused')),
    refusal_reason TEXT NOT NULL DEFAULT '',
    moderator_message TEXT NOT NULL DEFAULT '',
    moderated_by INTEGER REFERENCES staff_accounts (id),
    moderated_at BIGINT,
    -- A moderator holds the proposal until then, so two never handle it at once.
    locked_by INTEGER REFERENCES staff_accounts (id),
    locked_until BIGINT,
    sequence_votes INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    published_at BIGINT
);
CREATE INDEX proposals_by_status ON proposals (consultation_id, status, created_at);

CREATE TABLE proposal_themes (
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    theme_id INTEGER NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    PRIMARY KEY (proposal_id, theme_id)
);

-- One vote per participant and proposal. `counted` says which tally it is in:
-- 'sequence' and 'trusted' count in results, 'untrusted' is kept but never counted.
CREATE TABLE votes (
    id INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id),
    vote_key TEXT NOT NULL CHECK (vote_key IN ('agree', 'disagree', 'neutral')),
    qualifications TEXT NOT NULL DEFAULT '',
    counted TEXT NOT NULL CHECK (counted IN ('sequence', 'trusted', 'untrusted')),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (proposal_id, participant_id)
);
CREATE INDEX votes_by_participant ON votes (participant_id);

-- Counts per proposal, tally and item (a vote key or a qualification), kept
-- up to date in the same transaction as each vote: results never scan votes.
CREATE TABLE vote_counts (
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    tally TEXT NOT NULL CHECK (tally IN ('sequence', 'trusted')),
    item TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 0 CHECK (count >= 0),
    PRIMARY KEY (proposal_id, tally, item)
);

-- Who took part (voted or proposed), kept as they do: counting it needs no scan of votes.
CREATE TABLE consultation_participants (
    consultation_id INTEGER NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id),
    PRIMARY KEY (consultation_id, participant_id)
);

CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id),
    reason TEXT NOT NULL CHECK (reason IN ('inappropriate', 'offensive', 'spam')),
    resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
    created_at BIGINT NOT NULL,
    UNIQUE (proposal_id, participant_id)
);

CREATE TABLE demographics (
    consultation_id INTEGER NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id),
    age_bracket TEXT NOT NULL DEFAULT '',
    neighbourhood TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    PRIMARY KEY (consultation_id, participant_id)
);

-- A retried request (double tap, flaky network, offline tablet syncing) carries
-- the key of its first attempt and gets the first answer back, applied once.
CREATE TABLE idempotency (
    key TEXT NOT NULL,
    participant_id INTEGER NOT NULL,
    response TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (participant_id, key)
);

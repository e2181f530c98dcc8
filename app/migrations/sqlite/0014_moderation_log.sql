-- Moderation, day to day: a moderator corrects a proposal's spelling (the
-- author's text is kept), marks one as a duplicate of a published one, and
-- every decision is logged in the transaction that makes it.

-- The author's own text, kept at the first correction; NULL while uncorrected.
ALTER TABLE proposals ADD COLUMN original_content TEXT
    CHECK (original_content IS NULL OR length(original_content) BETWEEN 12 AND 140);
ALTER TABLE proposals ADD COLUMN edited_at BIGINT;
-- The published proposal this one repeats. A duplicate is refused (reason
-- 'duplicate'): out of the sequences and the results, its votes kept but not counted.
ALTER TABLE proposals ADD COLUMN duplicate_of INTEGER REFERENCES proposals (id) ON DELETE SET NULL
    CHECK (duplicate_of IS NULL OR (duplicate_of <> id AND status = 'refused'));
CREATE INDEX proposals_by_duplicate_of ON proposals (duplicate_of);

-- Every moderation decision: who, when, what, on which proposal, why, and the
-- text before and after a correction. The moderator's name is copied so the
-- line still says who when the account is gone.
CREATE TABLE moderation_log (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    moderator_id INTEGER REFERENCES staff_accounts (id) ON DELETE SET NULL,
    moderator_name TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('accept', 'refuse', 'edit', 'duplicate')),
    status_before TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT '',
    before_text TEXT NOT NULL DEFAULT '',
    after_text TEXT NOT NULL DEFAULT '',
    -- The kept proposal of a duplicate.
    target_id INTEGER REFERENCES proposals (id) ON DELETE SET NULL,
    -- Themes given on acceptance, names joined.
    themes TEXT NOT NULL DEFAULT '',
    -- Lowercased, accent-free text of the line, for the log's text filter.
    search_text TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX moderation_log_by_time ON moderation_log (created_at, id);
CREATE INDEX moderation_log_by_moderator ON moderation_log (moderator_id, created_at);
CREATE INDEX moderation_log_by_proposal ON moderation_log (proposal_id);

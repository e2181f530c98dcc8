-- Vote counts per demographic group (age bracket, neighbourhood), kept up to
-- date with each vote and each demographics answer, so results by group never
-- scan the votes. Only vote keys are kept: group results rank by them.
CREATE TABLE group_vote_counts (
    proposal_id BIGINT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    dimension TEXT NOT NULL CHECK (dimension IN ('age', 'neighbourhood')),
    grp TEXT NOT NULL CHECK (grp <> ''),
    tally TEXT NOT NULL CHECK (tally IN ('sequence', 'trusted')),
    item TEXT NOT NULL CHECK (item IN ('agree', 'disagree', 'neutral')),
    count BIGINT NOT NULL DEFAULT 0 CHECK (count >= 0),
    PRIMARY KEY (proposal_id, dimension, grp, tally, item)
);
CREATE INDEX demographics_by_group ON demographics (consultation_id, neighbourhood, age_bracket);

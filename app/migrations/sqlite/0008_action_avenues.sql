-- Action avenues ("pistes d'action"): what a workshop of the symposium
-- proposes to do, who leads it, and the consultation themes and published
-- proposals it grew from. Staff write them after the workshop and publish
-- them when ready; the public page lists the published ones by theme.

CREATE TABLE action_avenues (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES event_sessions (id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 3000),
    lead_actors TEXT NOT NULL DEFAULT '' CHECK (length(lead_actors) <= 500),
    published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    -- Invented avenues of the demo, shown as such.
    is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX action_avenues_by_session ON action_avenues (session_id, published);

CREATE TABLE action_avenue_themes (
    avenue_id INTEGER NOT NULL REFERENCES action_avenues (id) ON DELETE CASCADE,
    theme_id INTEGER NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    PRIMARY KEY (avenue_id, theme_id)
);

CREATE TABLE action_avenue_proposals (
    avenue_id INTEGER NOT NULL REFERENCES action_avenues (id) ON DELETE CASCADE,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    PRIMARY KEY (avenue_id, proposal_id)
);

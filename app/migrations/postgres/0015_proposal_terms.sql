-- PostgreSQL twin of migrations/sqlite; keep both in step.
-- The search index of "Toutes les idées": the distinct stems of each
-- proposal's text (folded, stop words removed, French or English Snowball:
-- consultation::logic::similarity), written by the application whenever a
-- proposal's text is written (consultation::store::ideas::reindex_proposal).
-- Stemming happens in Rust, so the same rows serve SQLite and PostgreSQL;
-- existing proposals are indexed at start-up. The key leads with the
-- consultation and the term: a search reads one narrow range per word.
-- Terms compare byte-wise ("C"), as on SQLite, so a prefix is one range.

CREATE TABLE proposal_terms (
    consultation_id BIGINT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    term TEXT COLLATE "C" NOT NULL,
    proposal_id BIGINT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    PRIMARY KEY (consultation_id, term, proposal_id)
);
CREATE INDEX proposal_terms_by_proposal ON proposal_terms (proposal_id);

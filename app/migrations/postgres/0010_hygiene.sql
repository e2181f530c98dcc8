-- Data hygiene: one standing Rendez-vous registration per address, a window
-- between two confirmation mails to one address about one target, and the
-- indexes the hourly purge reads (see app/src/ssr/purge.rs).

-- One standing registration per address and meeting. Earlier duplicates (one
-- person registering twice) are kept, cancelled, so the index can be built.
UPDATE rendezvous_registrations SET cancelled_at = created_at
WHERE email IS NOT NULL AND cancelled_at IS NULL AND EXISTS (
    SELECT 1 FROM rendezvous_registrations o
    WHERE o.rendezvous_id = rendezvous_registrations.rendezvous_id
      AND lower(o.email) = lower(rendezvous_registrations.email)
      AND o.cancelled_at IS NULL AND o.id < rendezvous_registrations.id
);
CREATE UNIQUE INDEX rendezvous_registrations_one_per_email
    ON rendezvous_registrations (rendezvous_id, lower(email))
    WHERE email IS NOT NULL AND cancelled_at IS NULL;

-- The last confirmation mail sent to an address about a target ("rendezvous:12",
-- "event:3"): anyone may type any address in a public form, so one mail per
-- window at most. Rows older than the window are purged.
CREATE TABLE confirmation_mails (
    target TEXT NOT NULL CHECK (char_length(target) BETWEEN 1 AND 100),
    address TEXT NOT NULL CHECK (char_length(address) BETWEEN 3 AND 320),
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (target, address)
);
CREATE INDEX confirmation_mails_by_time ON confirmation_mails (sent_at);

-- The purge of anonymous participants who left nothing looks for their rows.
CREATE INDEX participants_by_age ON participants (created_at);
CREATE INDEX proposals_by_participant ON proposals (participant_id);
CREATE INDEX consultation_participants_by_participant ON consultation_participants (participant_id);
CREATE INDEX reports_by_participant ON reports (participant_id);
CREATE INDEX demographics_by_participant ON demographics (participant_id);
CREATE INDEX survey_participations_by_participant ON survey_participations (participant_id);
CREATE INDEX survey_responses_by_participant ON survey_responses (participant_id);
CREATE INDEX live_answers_by_participant ON live_answers (participant_id);
CREATE INDEX audience_questions_by_participant ON audience_questions (participant_id);
CREATE INDEX audience_upvotes_by_participant ON audience_upvotes (participant_id);
-- Idempotency keys only matter while a request may be retried.
CREATE INDEX idempotency_by_age ON idempotency (created_at);
-- Sent and failed mails are purged after their retention.
CREATE INDEX mail_outbox_done ON mail_outbox (status, sent_at);

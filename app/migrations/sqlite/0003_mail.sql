-- Mail outbox: a request writes the mail here (in its own transaction) and a
-- background worker sends it, with retries, so no request waits for SMTP and
-- no mail is lost when the server stops or the mail server is down.

CREATE TABLE mail_outbox (
    id INTEGER PRIMARY KEY,
    recipient TEXT NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
    subject TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
    body_text TEXT NOT NULL,
    body_html TEXT,
    -- Set when a mail must be sent once only ("proposal-12-refused"): a second
    -- enqueue with the same key is ignored.
    dedupe_key TEXT UNIQUE,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    -- Counted when a worker claims the mail; it also fences a worker whose lease ran out.
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at BIGINT NOT NULL,
    -- A worker holds the mail until then; another may take it over afterwards.
    claimed_until BIGINT,
    last_error TEXT NOT NULL DEFAULT '',
    -- Where the mail went: the file name in folder mode, empty over SMTP.
    delivered_as TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_newest ON mail_outbox (created_at);

CREATE TABLE mail_attachments (
    id INTEGER PRIMARY KEY,
    mail_id INTEGER NOT NULL REFERENCES mail_outbox (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    filename TEXT NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
    content_type TEXT NOT NULL,
    content BLOB NOT NULL,
    UNIQUE (mail_id, position)
);

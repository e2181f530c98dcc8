-- Mail to authors who left an address: when staff publish a consultation's
-- results (recorded here, once), and when an action avenue cites their idea.
-- Every such mail carries a one-click unsubscribe (RFC 8058), hence the
-- outbox's extra headers and the list of addresses that left.

-- Set once, by the staff action that announces the results to the authors.
ALTER TABLE consultations ADD COLUMN results_published_at BIGINT;

-- Extra headers of a mail, one `Name: value` per line (List-Unsubscribe...).
ALTER TABLE mail_outbox ADD COLUMN headers TEXT NOT NULL DEFAULT '';

-- Addresses (lower case) that asked for no more mail of a list ('author-news').
CREATE TABLE mail_unsubscribes (
    address TEXT NOT NULL CHECK (char_length(address) BETWEEN 3 AND 320),
    list TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (address, list)
);

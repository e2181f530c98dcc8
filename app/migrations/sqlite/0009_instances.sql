-- Several instances on one database: rate-limit buckets shared by all of
-- them (GCRA: `tat` is the bucket's theoretical arrival time, unix ms), and
-- the last run of each periodic job, claimed by one instance per period.
-- (SQLite serves one instance: its limits are kept in memory.)
CREATE TABLE rate_limits (
    key TEXT PRIMARY KEY,
    tat INTEGER NOT NULL
);

CREATE TABLE job_runs (
    name TEXT PRIMARY KEY,
    ran_at INTEGER NOT NULL
);

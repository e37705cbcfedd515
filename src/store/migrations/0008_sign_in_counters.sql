-- Refused sign-ins counted rather than written to the audit log one by one (issue 8): a visitor who is not
-- signed in must not be able to grow the append-only audit log without bound. One row per window: an
-- address's minute, or one lock of an account or an address. While a window is open its attempts past the
-- first few are only counted here; once it has ended the count is summarised in one audit entry and the
-- row removed. These are counters, not a record, so unlike audit_log they may be updated and deleted.
CREATE TABLE sign_in_counters (
    id {{id}},
    scope TEXT NOT NULL CHECK (scope IN ('address', 'address_lock', 'account_lock')),
    subject TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    window_end BIGINT NOT NULL,
    recorded BIGINT NOT NULL,
    counted BIGINT NOT NULL,
    UNIQUE (scope, subject, window_start)
);
CREATE INDEX sign_in_counters_end ON sign_in_counters (window_end);

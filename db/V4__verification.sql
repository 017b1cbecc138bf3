-- Consumer verification. Owner: city.trace.verify.

-- An event whose stored record no longer matches its anchored fingerprint, found while verifying: an alert
-- for the consortium admin. One per event (found again, it keeps its first detection time).
create table tamper_alert (
    id           bigint generated always as identity primary key,
    event_id     bigint      not null unique references epcis_event (id),
    reason       text        not null,
    detected_at  timestamptz not null default now(),
    acknowledged boolean     not null default false
);

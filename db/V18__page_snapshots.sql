-- Public pages kept once their journey is settled (every shown event VERIFIED against a FINAL root), so that a
-- visit re-checks them instead of building them again (issue 10). Owner: city.trace.verify (PageSnapshots).

-- One page of a lot or item in one language, and what it was built from. A visit serves it only while all of
-- that still holds: the same renderer (app build and settings), page epoch and batch row, the same events naming
-- the identifiers read, each event's row and anchoring unchanged (digests), every shown event's hash recomputed
-- from its row, and the MAC (the database is not trusted to hold the pages either).
create table page_snapshot (
    subject       text collate "C" not null,
    language      varchar(8)   not null,
    renderer      text         not null,
    epoch         bigint       not null,
    -- the batch row's xmin when the page was built (any update of the row changes it), null when no batch
    batch_version text,
    -- the canonical identifiers whose events were read: the subject and everything upstream of it
    identifiers   text[]       not null,
    -- the events naming them (ascending), the ones the page shows, and a digest of each one's row (and, for
    -- the shown ones, anchoring) in the order of event_ids
    event_ids     bigint[]     not null,
    shown_ids     bigint[]     not null,
    event_digests bytea[]      not null,
    -- the page as served, gzip-compressed
    page          bytea        not null,
    mac           bytea        not null,
    built_at      timestamptz  not null default now(),
    primary key (subject, language)
);

-- Moves whenever a table changes whose rows pages show or judge events by (names, places, members, who may
-- record for whom): kept pages built before are built anew at their next visit. Such changes are rare
-- (registrations and settings); events and anchoring are checked per page instead.
create table page_epoch (
    single boolean primary key default true check (single),
    value  bigint  not null
);
insert into page_epoch values (true, 0);

create function page_epoch_move() returns trigger language plpgsql as $$
begin
    update page_epoch set value = value + 1;
    return null;
end $$;

create trigger organization_page_epoch after insert or update or delete or truncate on organization
    for each statement execute function page_epoch_move();
create trigger site_page_epoch after insert or update or delete or truncate on site
    for each statement execute function page_epoch_move();
create trigger product_page_epoch after insert or update or delete or truncate on product
    for each statement execute function page_epoch_move();
create trigger delegation_page_epoch after insert or update or delete or truncate on delegation
    for each statement execute function page_epoch_move();
create trigger cold_chain_rule_page_epoch after insert or update or delete or truncate on cold_chain_rule
    for each statement execute function page_epoch_move();
-- not last_counter: it moves with every batch of readings a device sends
create trigger device_page_epoch after insert or delete or truncate on device
    for each statement execute function page_epoch_move();
create trigger device_changed_page_epoch after update of organization_id, identifier, kind, model, site_id, vehicle,
    public_key, key_algorithm, key_thumbprint, status, registered_at, registered_by, registration_event_id, retired_at,
    retirement_event_id on device
    for each statement execute function page_epoch_move();

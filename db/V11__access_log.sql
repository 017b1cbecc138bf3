-- Records other than events whose fingerprints are anchored in the same rounds as the events (the access log).
-- Owner: city.trace.anchor. A record waits while round_id is null; its cut round then holds its leaf.
create table anchor_record (
    kind        varchar(20) not null,
    record_id   bigint      not null,
    digest      bytea       not null check (length(digest) = 32),
    enqueued_at timestamptz not null default now(),
    round_id    bigint      references anchor_round (id),
    leaf_index  integer     check (leaf_index >= 0),
    audit_path  bytea       check (length(audit_path) % 32 = 0),
    primary key (kind, record_id),
    check ((round_id is null) = (leaf_index is null) and (round_id is null) = (audit_path is null))
);
create index anchor_record_waiting_idx on anchor_record (enqueued_at, kind, record_id) where round_id is null;

-- Who searched, traced or exported what, and how much it returned. Owner: city.trace.access.
-- Append-only: each entry's hash covers its fields and the previous entry's hash, and is anchored with the
-- events, so an entry changed or removed behind the app's back shows up.
create table access_log (
    id           bigint generated always as identity primary key,
    at           timestamptz  not null,
    username     varchar(200) not null,
    organization_id bigint    references organization (id),
    role         varchar(20)  not null,
    action       varchar(10)  not null check (action in ('SEARCH', 'TRACE', 'EXPORT')),
    subject      text         not null,
    result_size  integer      not null check (result_size >= 0),
    previous     bytea        not null check (length(previous) = 32),
    hash         bytea        not null unique check (length(hash) = 32)
);

-- The members whose records a logged answer held: they may see who looked at them.
create table access_log_organization (
    entry_id        bigint not null references access_log (id),
    organization_id bigint not null references organization (id),
    primary key (entry_id, organization_id)
);
create index access_log_organization_idx on access_log_organization (organization_id, entry_id);
create index access_log_by_organization_idx on access_log (organization_id, id);

create function access_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the access log is append-only: % is not allowed', tg_op;
end
$$;
create trigger access_log_append_only before update or delete or truncate on access_log
    for each statement execute function access_log_append_only();
create trigger access_log_organization_append_only before update or delete or truncate on access_log_organization
    for each statement execute function access_log_append_only();

-- Recalls: a lot declared unsafe, and every lot made from it (the forward trace at the time of declaring).
-- Owner: city.trace.recall. The recall itself is recorded as EPCIS events (disposition recalled) by those entitled
-- to record it; these tables hold the declaration, who is affected, and which event recalled each lot.
create table recall (
    id                bigint generated always as identity primary key,
    lot_link          text         not null,
    lot_label         text         not null,
    reason            text         not null check (length(reason) between 3 and 2000),
    severity          varchar(9)   not null check (severity in ('CLASS_I', 'CLASS_II', 'CLASS_III')),
    declared_by_id    bigint       not null references organization (id),
    declared_by_user  text         not null,
    declared_at       timestamptz  not null,
    closed_at         timestamptz,
    closed_by_user    text,
    closing_note      text         check (length(closing_note) <= 2000)
);
create index recall_open_idx on recall (declared_at) where closed_at is null;

create table recall_lot (
    id               bigint generated always as identity primary key,
    recall_id        bigint       not null references recall (id),
    lot_link         text collate "C" not null,
    label            text         not null,
    distance         integer      not null check (distance >= 0),
    owner_id         bigint       references organization (id),
    -- the event that recalled it, once someone entitled recorded one
    event_id         bigint       references epcis_event (id),
    unique (recall_id, lot_link)
);
create index recall_lot_owner_idx on recall_lot (owner_id, recall_id);
create index recall_lot_link_idx on recall_lot (lot_link);

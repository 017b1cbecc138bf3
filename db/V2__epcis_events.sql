-- EPCIS 2.0 events as captured, with their CBV Event Hash IDs, and what the query interface searches by.
-- Owner: city.trace.epcis. Events are immutable once stored; verification recomputes their hash later.

-- A capture job (EPCIS REST binding: /capture/{captureID}).
create table epcis_capture (
    id              bigint generated always as identity primary key,
    capture_id      varchar(40)  not null unique,
    organization_id bigint       not null references organization (id),
    error_behaviour varchar(8)   not null check (error_behaviour in ('rollback', 'proceed')),
    created_at      timestamptz  not null,
    finished_at     timestamptz,
    running         boolean      not null,
    success         boolean      not null,
    event_count     integer      not null check (event_count >= 0),
    stored_count    integer      not null check (stored_count >= 0),
    errors          jsonb        not null default '[]'
);
create index epcis_capture_organization_idx on epcis_capture (organization_id, id);

create table epcis_event (
    id                     bigint generated always as identity primary key,
    -- as captured, or the Event Hash ID when the event came without one
    event_id               text         not null unique,
    event_type             varchar(24)  not null check (event_type in
        ('ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent')),
    action                 varchar(8)   check (action in ('ADD', 'OBSERVE', 'DELETE')),
    event_time             timestamptz  not null,
    event_time_zone_offset varchar(6)   not null check (event_time_zone_offset ~ '^[+-][0-9]{2}:[0-9]{2}$'),
    record_time            timestamptz  not null,
    -- vocabulary values expanded to full URIs, identifiers as canonical GS1 Digital Links where GS1
    biz_step               text,
    disposition            text,
    read_point             text,
    biz_location           text,
    transformation_id      text,
    hash                   varchar(100) not null check (hash ~ '^ni:///sha-256;[0-9a-f]{64}\?ver=CBV[0-9.]+$'),
    hash_version           varchar(8)   not null,
    prehash                text         not null,
    organization_id        bigint       not null references organization (id),
    capture_id             bigint       references epcis_capture (id),
    -- the JSON-LD prefixes the event's document declared: needed to recompute its hash
    namespaces             jsonb        not null default '{}',
    event                  jsonb        not null
);
-- Indexes for the selective query parameters. Record time grows with the id, so a BRIN index is enough;
-- business step and disposition have few distinct values: queries on them scan in id order, which finds a
-- page of common values at once (and every index costs capture throughput).
create index epcis_event_event_time_idx on epcis_event (event_time, id);
create index epcis_event_record_time_idx on epcis_event using brin (record_time);
create index epcis_event_read_point_idx on epcis_event (read_point);
create index epcis_event_biz_location_idx on epcis_event (biz_location);

-- Every identifier an event names, by the list it appears in, for the MATCH_ query parameters.
-- C collation: byte order, so prefix searches (EPC patterns, a product's GTIN) use the index.
create table epcis_event_epc (
    epc      text collate "C" not null,
    role     varchar(16)      not null check (role in
        ('epc', 'parent', 'child', 'input', 'output', 'class', 'child_class', 'input_class', 'output_class')),
    event_id bigint           not null references epcis_event (id),
    primary key (epc, role, event_id)
);

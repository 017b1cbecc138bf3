-- Devices as participants (owner: city.trace.device): sensors an organisation registers with a public key,
-- the signed batches of readings they send, the readings, and the cold-chain rules and alerts they feed.

create table device (
    id                    bigint generated always as identity primary key,
    organization_id       bigint       not null references organization (id),
    -- a GIAI Digital Link (https://id.gs1.org/8004/…) or another absolute URI
    identifier            text collate "C" not null check (length(identifier) between 3 and 300),
    kind                  varchar(64)  not null check (length(trim(kind)) > 0),
    model                 varchar(200) not null check (length(trim(model)) > 0),
    -- where it sits: one of the organisation's sites, or one of its vehicles (as the carrier names it)
    site_id               bigint       references site (id),
    vehicle               varchar(64)  check (vehicle ~ '^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$'),
    -- the public key only (PEM SubjectPublicKeyInfo); CityTrace never holds a device's private key
    public_key            text         not null check (public_key like '-----BEGIN PUBLIC KEY-----%'),
    key_algorithm         varchar(8)   not null check (key_algorithm in ('ES256', 'EdDSA')),
    key_thumbprint        varchar(43)  not null,
    status                varchar(16)  not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED', 'RETIRED')),
    -- the counter of the last batch taken: a batch must carry a greater one (replays are refused)
    last_counter          bigint       not null default 0 check (last_counter >= 0),
    registered_at         timestamptz  not null,
    registered_by         varchar(200) not null,
    registration_event_id text         not null,
    retired_at            timestamptz,
    retirement_event_id   text,
    check ((site_id is null) <> (vehicle is null)),
    check ((status = 'RETIRED') = (retired_at is not null))
);
-- one device in service per identifier; a retired identifier may be registered again with a new key
create unique index device_identifier_in_service_idx on device (identifier) where status <> 'RETIRED';
create index device_organization_idx on device (organization_id);

-- Which vehicle carries a shipment: a vehicle's devices speak for the lots it carries while in transit.
alter table shipment add column vehicle varchar(64) check (vehicle ~ '^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$');
create index shipment_vehicle_idx on shipment (carrier_id, vehicle) where vehicle is not null;

-- Every batch of readings as the device signed it (the JWS, byte for byte), so anyone can check it later.
create table device_reading_batch (
    id          bigint generated always as identity primary key,
    device_id   bigint      not null references device (id),
    counter     bigint      not null check (counter > 0),
    jws         text        not null,
    received_at timestamptz not null,
    event_id    bigint      not null unique references epcis_event (id),
    unique (device_id, counter)
);

-- The readings of each batch, for charts and rules.
create table device_reading (
    batch_id bigint           not null references device_reading_batch (id),
    time     timestamptz      not null,
    type     varchar(300)     not null,
    value    double precision not null,
    unit     varchar(3)       not null
);
create index device_reading_batch_idx on device_reading (batch_id);

-- The lots a batch's readings were about, and while: a lot's readings are those measured from when it was
-- loaded (or the batch's first reading) until it was unloaded (or the batch's last), not before or after.
create table device_reading_lot (
    lot       text collate "C" not null,
    batch_id  bigint           not null references device_reading_batch (id),
    from_time timestamptz      not null,
    to_time   timestamptz      not null check (to_time >= from_time),
    primary key (lot, batch_id)
);

-- What a lot must be kept at: per product, or for an organisation's products of a category.
create table cold_chain_rule (
    id                 bigint generated always as identity primary key,
    organization_id    bigint        not null references organization (id),
    product_id         bigint        unique references product (id),
    category           varchar(100),
    min_celsius        numeric(6, 2),
    max_celsius        numeric(6, 2),
    tolerated_minutes  integer       not null default 0 check (tolerated_minutes >= 0),
    max_mkt_celsius    numeric(6, 2),
    check ((product_id is null) <> (category is null)),
    check (min_celsius is not null or max_celsius is not null),
    check (min_celsius is null or max_celsius is null or min_celsius < max_celsius),
    unique (organization_id, category)
);

-- A lot's breach of its rule: raised once per lot and rule, with the anchored event that records it.
create table cold_chain_alert (
    id               bigint generated always as identity primary key,
    lot              text collate "C" not null,
    rule_id          bigint        not null references cold_chain_rule (id),
    owner_id         bigint        references organization (id),
    holder_id        bigint        not null references organization (id),
    device_id        bigint        not null references device (id),
    kind             varchar(16)   not null check (kind in ('ABOVE', 'BELOW', 'MKT')),
    started_at       timestamptz   not null,
    breached_at      timestamptz   not null,
    extreme_celsius  double precision not null,
    minutes          integer       not null,
    event_id         bigint        not null references epcis_event (id),
    raised_at        timestamptz   not null,
    unique (lot, rule_id)
);
create index cold_chain_alert_owner_idx on cold_chain_alert (owner_id, raised_at desc);
create index cold_chain_alert_holder_idx on cold_chain_alert (holder_id, raised_at desc);

-- The supply-chain model: consortium members, their sites and products, batches and shipments.
-- The database enforces what must never be false, whatever writes to it; the app validates the same
-- rules first to give readable messages.

-- GS1 modulo-10 check digit over a string of digits (GTIN, GLN, SSCC…): weights 3,1,3,1… from the right.
create function gs1_check_digit_ok(key text) returns boolean
    language sql immutable strict parallel safe
as $$
    select key ~ '^[0-9]{2,}$'
       and (10 - (select sum(substr(key, length(key) - i, 1)::int * case when i % 2 = 1 then 3 else 1 end)
                  from generate_series(1, length(key) - 1) as i) % 10) % 10
           = substr(key, length(key), 1)::int
$$;

create table organization (
    id                 bigint generated always as identity primary key,
    code               varchar(64)  not null unique check (code ~ '^[a-z0-9-]+$'),
    name               varchar(200) not null check (length(trim(name)) > 0),
    kind               varchar(16)  not null check (kind in ('FARM', 'FACTORY', 'CARRIER', 'RETAILER', 'REGULATOR')),
    gs1_company_prefix varchar(12)  not null unique check (gs1_company_prefix ~ '^[0-9]{6,12}$'),
    city               varchar(100) not null check (length(trim(city)) > 0),
    chain_address      char(42)     unique check (chain_address ~ '^0x[0-9a-fA-F]{40}$'),
    created_at         timestamptz  not null default now()
);

create table site (
    id              bigint generated always as identity primary key,
    organization_id bigint        not null references organization (id),
    gln             char(13)      not null unique check (gs1_check_digit_ok(gln)),
    name            varchar(200)  not null check (length(trim(name)) > 0),
    address         varchar(300)  not null,
    city            varchar(100)  not null check (length(trim(city)) > 0),
    latitude        numeric(9, 6) not null check (latitude between -90 and 90),
    longitude       numeric(9, 6) not null check (longitude between -180 and 180),
    created_at      timestamptz   not null default now()
);
create index site_organization_idx on site (organization_id);

create table product (
    id              bigint generated always as identity primary key,
    organization_id bigint       not null references organization (id),
    gtin            char(14)     not null unique check (gs1_check_digit_ok(gtin)),
    name            varchar(200) not null check (length(trim(name)) > 0),
    category        varchar(100) not null check (length(trim(category)) > 0),
    description     varchar(2000),
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now()
);
create index product_organization_idx on product (organization_id);

-- Units are UN/ECE Recommendation 20 codes, as EPCIS quantity elements use them.
create table batch (
    id              bigint generated always as identity primary key,
    product_id      bigint         not null references product (id),
    -- GS1 AI (10): up to 20 characters of the GS1 AI encodable character set 82
    lot             varchar(20)    not null check (lot ~ '^[!"%&''()*+,./0-9:;<=>?A-Z_a-z-]{1,20}$'),
    site_id         bigint         not null references site (id),
    production_date date           not null,
    best_before     date           check (best_before is null or best_before >= production_date),
    quantity        numeric(14, 3) not null check (quantity > 0),
    unit            varchar(3)     not null check (unit in ('KGM', 'TNE', 'LTR', 'H87')),
    status          varchar(16)    not null default 'ACTIVE'
                                   check (status in ('ACTIVE', 'IN_TRANSIT', 'DELIVERED', 'CONSUMED', 'RECALLED')),
    created_at      timestamptz    not null default now(),
    unique (product_id, lot)
);
create index batch_site_idx on batch (site_id);
create index batch_created_idx on batch (created_at desc);

create table shipment (
    id                     bigint generated always as identity primary key,
    shipper_id             bigint      not null references organization (id),
    carrier_id             bigint      not null references organization (id),
    origin_site_id         bigint      not null references site (id),
    destination_site_id    bigint      not null references site (id),
    status                 varchar(16) not null default 'PLANNED' check (status in ('PLANNED', 'DEPARTED', 'ARRIVED')),
    departed_at            timestamptz,
    arrived_at             timestamptz,
    created_at             timestamptz not null default now(),
    check (origin_site_id <> destination_site_id),
    check ((status = 'PLANNED' and departed_at is null and arrived_at is null)
        or (status = 'DEPARTED' and departed_at is not null and arrived_at is null)
        or (status = 'ARRIVED' and departed_at is not null and arrived_at is not null and arrived_at >= departed_at))
);
create index shipment_shipper_idx on shipment (shipper_id);
create index shipment_carrier_idx on shipment (carrier_id);
create index shipment_destination_idx on shipment (destination_site_id);

create table shipment_item (
    id          bigint generated always as identity primary key,
    shipment_id bigint         not null references shipment (id) on delete cascade,
    batch_id    bigint         not null references batch (id),
    quantity    numeric(14, 3) not null check (quantity > 0),
    unique (shipment_id, batch_id)
);
create index shipment_item_batch_idx on shipment_item (batch_id);

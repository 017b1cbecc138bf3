-- Custody: how much of each lot is where, derived from the events (owner: city.trace.stock), and who may
-- record for whom (owner: city.trace.authority). Both are rebuilt from epcis_event when found empty.

-- Every change of a quantity, with the event that caused it: the ledger that stock is the sum of.
-- item: a lot class as canonical GS1 Digital Link; place: 'site:<GLN>' or 'transit:<key>'; quantities in the
-- unit's base (KGM, LTR, H87, or the event's own code for other units).
create table stock_movement (
    id          bigint generated always as identity primary key,
    event_id    bigint          not null references epcis_event (id),
    item        text collate "C" not null,
    place       text collate "C" not null check (place ~ '^(site|transit):'),
    holder_id   bigint          references organization (id),
    destination text collate "C",
    quantity    numeric(24, 6)  not null check (quantity <> 0),
    unit        varchar(3)      not null
);
create index stock_movement_item_idx on stock_movement (item, event_id);
create index stock_movement_event_idx on stock_movement (event_id);

-- What is where now: the ledger summed per item and place, kept by the trigger below, so the two cannot
-- disagree; the check keeps a place from giving away more than it holds, whatever writes to the ledger.
create table stock (
    id          bigint generated always as identity primary key,
    item        text collate "C" not null,
    place       text collate "C" not null,
    -- for a site its organisation; in transit the carrier (or whoever sent it)
    holder_id   bigint          references organization (id),
    -- in transit: the place the goods are going to
    destination text collate "C",
    quantity    numeric(24, 6)  not null check (quantity >= 0),
    unit        varchar(3)      not null,
    unique (item, place)
);
create index stock_holder_idx on stock (holder_id, item) where quantity > 0;

-- Existing rows are updated first: an INSERT ... ON CONFLICT checks the proposed (negative) row before it
-- finds the conflict.
create function stock_apply_movements() returns trigger
    language plpgsql
as $$
begin
    with moved_sum as (
        select item, place, (array_agg(holder_id order by id desc) filter (where holder_id is not null))[1] as holder_id,
               (array_agg(destination order by id desc) filter (where destination is not null))[1] as destination,
               sum(quantity) as quantity, min(unit) as unit
        from moved group by item, place
    ), updated as (
        update stock s set quantity = s.quantity + m.quantity,
                           holder_id = coalesce(m.holder_id, s.holder_id),
                           destination = coalesce(m.destination, s.destination)
        from moved_sum m where s.item = m.item and s.place = m.place
        returning s.item, s.place
    )
    insert into stock (item, place, holder_id, destination, quantity, unit)
    select m.item, m.place, m.holder_id, m.destination, m.quantity, m.unit from moved_sum m
    where not exists (select 1 from updated u where u.item = m.item and u.place = m.place)
    on conflict (item, place) do update set quantity = stock.quantity + excluded.quantity;
    return null;
end
$$;

create trigger stock_movement_applied after insert on stock_movement
    referencing new table as moved for each statement execute function stock_apply_movements();

-- A product's owner lets another member record lots of it (commission, transform into, change, destroy):
-- granted and revoked by events the owner records, so delegations are anchored like every event.
create table delegation (
    id               bigint generated always as identity primary key,
    owner_id         bigint not null references organization (id),
    delegate_id      bigint not null references organization (id),
    -- the product class, https://id.gs1.org/01/{gtin}
    product_class    text collate "C" not null,
    granted_event_id bigint not null references epcis_event (id),
    revoked_event_id bigint references epcis_event (id),
    check (owner_id <> delegate_id),
    check (revoked_event_id is null or revoked_event_id > granted_event_id)
);
create unique index delegation_open_idx on delegation (product_class, delegate_id) where revoked_event_id is null;

-- Where a lot is now follows from stock; a batch's own status only says whether it is recalled.
update batch set status = 'ACTIVE' where status <> 'RECALLED';
alter table batch drop constraint batch_status_check;
alter table batch add constraint batch_status_check check (status in ('ACTIVE', 'RECALLED'));

-- Set when stock and delegations must be rebuilt from the events (at the next start): now, when events exist.
create table custody_rebuild (
    requested_at timestamptz not null default now()
);
insert into custody_rebuild select where exists (select 1 from epcis_event);

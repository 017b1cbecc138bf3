-- Each organisation anchors its own events from its own chain account (issue 14): the outbox and the rounds
-- know whose events they hold. Owner: city.trace.anchor.

-- the recorder of the event, copied here so that rounds are cut per organisation from this table alone
alter table anchor_outbox add column organization_id bigint references organization (id);
update anchor_outbox o set organization_id = e.organization_id from epcis_event e where e.id = o.event_id;
alter table anchor_outbox alter column organization_id set not null;
create index anchor_outbox_organization_idx on anchor_outbox (organization_id, event_id);

-- The organisation whose account anchors the round. Null: this node's own account, which anchors records that
-- are not events (the access log) and anchored every round cut before this migration (its sender column says so;
-- those rounds keep their contract, root, transaction and block, so their proofs verify as before).
alter table anchor_round add column organization_id bigint references organization (id);
-- Why a PENDING round is not signed yet: its account is not a member of the registry (never voted in, or its
-- membership lapsed), or this node has no key for it. Cleared when it is signed; sender names the account.
alter table anchor_round add column waiting_for varchar(10) check (waiting_for in ('MEMBERSHIP', 'KEY'));
create index anchor_round_waiting_idx on anchor_round (organization_id) where waiting_for is not null;

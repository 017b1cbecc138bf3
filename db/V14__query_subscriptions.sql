-- Webhook subscriptions to named queries (EPCIS REST binding, /queries/{name}/subscriptions). Owner:
-- city.trace.subscription. Every event is matched against the subscriptions once (the inbox), each event reaches
-- a subscription at most once (the primary key of epcis_subscription_event), and notifications wait in the
-- database for their delivery, so a restart neither loses nor repeats one.
create table epcis_subscription (
    id                  bigint generated always as identity primary key,
    subscription_id     uuid         not null unique,
    named_query_id      bigint       not null references epcis_named_query (id) on delete cascade,
    -- the subscriber's organisation (null: a regulator): the events it may see are the ones it is sent
    organization_id     bigint       references organization (id),
    created_by          varchar(255) not null,
    dest                varchar(2000) not null,
    -- the subscriber's signatureToken: the HMAC key of GS1-Signature, never shown again
    signature_token     varchar(256),
    stream              boolean      not null,
    -- the query schedule (second, minute, hour, dayOfMonth, month, dayOfWeek); null for a stream
    schedule            jsonb,
    report_if_empty     boolean      not null default false,
    initial_record_time timestamptz  not null,
    -- events that existed at subscription time and may match (initialRecordTime in the past): ids after
    -- backfill_after up to backfill_through are still to be matched; null when none are
    backfill_after      bigint,
    backfill_through    bigint,
    next_run_at         timestamptz,
    last_run_at         timestamptz,
    last_notified_at    timestamptz,
    created_at          timestamptz  not null,
    check (stream = (schedule is null))
);
create index epcis_subscription_query_idx on epcis_subscription (named_query_id);

-- Events stored (in the storing transaction) and not yet matched against the subscriptions.
create table epcis_subscription_inbox (
    event_id bigint primary key
);

create table epcis_notification (
    id              bigint generated always as identity primary key,
    subscription_id bigint       not null references epcis_subscription (id) on delete cascade,
    body            text         not null,
    event_count     integer      not null,
    state           varchar(16)  not null check (state in ('PENDING', 'DELIVERED', 'DEAD_LETTER')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(1000),
    created_at      timestamptz  not null,
    delivered_at    timestamptz
);
-- the delivery worker takes each subscription's oldest pending notification
create index epcis_notification_pending_idx on epcis_notification (subscription_id, id) where state = 'PENDING';

-- Which events a subscription has been given (notification null: matched, waiting for its schedule).
create table epcis_subscription_event (
    subscription_id bigint not null references epcis_subscription (id) on delete cascade,
    event_id        bigint not null,
    notification_id bigint references epcis_notification (id),
    primary key (subscription_id, event_id)
);
create index epcis_subscription_event_waiting_idx on epcis_subscription_event (subscription_id)
    where notification_id is null;

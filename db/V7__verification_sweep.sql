-- The integrity sweep (city.trace.monitor): like a Certificate Transparency monitor, it re-verifies every stored
-- event against its anchored root, page by page, in passes over the whole table. One row: where the sweep
-- stands, so that it resumes there after a restart (and one instance at a time moves it, under a row lock).
create table verification_sweep (
    id               smallint    primary key check (id = 1),
    pass             integer     not null default 1,
    pass_started_at  timestamptz not null default now(),
    -- the last event (epcis_event.id) checked in this pass
    position         bigint      not null default 0,
    checked          bigint      not null default 0,
    findings         bigint      not null default 0,
    -- the last pass that finished: when, how long it took and how many events it checked
    last_pass_finished_at timestamptz,
    last_pass_seconds     bigint,
    last_pass_checked     bigint,
    updated_at       timestamptz not null default now()
);
insert into verification_sweep (id) values (1);

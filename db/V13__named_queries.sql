-- Named queries of the EPCIS REST binding (/queries/{name}): a query's parameters under a name, a view that
-- every member runs within what it may see. Owner: city.trace.epcis.
create table epcis_named_query (
    id              bigint generated always as identity primary key,
    name            varchar(100) not null unique,
    definition      jsonb        not null,
    -- the organisation whose member created it (null: a regulator); only they may delete it
    organization_id bigint       references organization (id),
    created_by      varchar(255) not null,
    created_at      timestamptz  not null
);

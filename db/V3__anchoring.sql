-- Anchoring event fingerprints on the consortium chain in RFC 6962 Merkle batches. Owner: city.trace.anchor.

-- Events waiting for a batch: written in the same transaction as the event itself, with the 32-byte
-- SHA-256 digest of its Event Hash ID (the Merkle leaf data), so cutting a batch reads this table alone.
create table anchor_outbox (
    event_id    bigint      primary key references epcis_event (id),
    digest      bytea       not null check (length(digest) = 32),
    enqueued_at timestamptz not null default now()
);

-- One Merkle tree and the transaction that anchors its root.
-- PENDING: tree built (and maybe the transaction signed and stored); SUBMITTED: the node accepted the
-- transaction; ANCHORED: mined in block_number; FINAL: enough confirmations.
create table anchor_batch (
    id             bigint generated always as identity primary key,
    root           bytea        not null unique check (length(root) = 32),
    leaf_count     integer      not null check (leaf_count > 0),
    status         varchar(10)  not null check (status in ('PENDING', 'SUBMITTED', 'ANCHORED', 'FINAL')),
    chain_id       bigint       not null,
    contract       char(42)     not null,
    sender         char(42),
    nonce          bigint,
    -- the transaction that anchors the root; when this node signed it, the raw bytes are stored before
    -- sending, so a crash after sending never leads to a second, different transaction
    tx_hash        char(66),
    raw_tx         text,
    block_number   bigint,
    block_hash     char(66),
    block_time     timestamptz,
    created_at     timestamptz  not null default now(),
    submitted_at   timestamptz,
    anchored_at    timestamptz,
    final_at       timestamptz,
    attempts       integer      not null default 0,
    last_error     text,
    check ((raw_tx is null) = (nonce is null)),
    check (status = 'PENDING' or tx_hash is not null),
    check (status not in ('ANCHORED', 'FINAL') or block_number is not null)
);
create index anchor_batch_open_idx on anchor_batch (status, id) where status <> 'FINAL';

-- Each anchored event's place in its tree: the proof that it is in the anchored root.
create table anchor_leaf (
    event_id   bigint  primary key references epcis_event (id),
    batch_id   bigint  not null references anchor_batch (id),
    leaf_index integer not null check (leaf_index >= 0),
    -- the RFC 6962 audit path: sibling hashes of 32 bytes, concatenated, leaf level first
    audit_path bytea   not null check (length(audit_path) % 32 = 0)
);
-- no unique (batch_id, leaf_index): an event captured again under another eventID has the same fingerprint,
-- and may take the place of its twin in a batch with the same root
create index anchor_leaf_batch_idx on anchor_leaf (batch_id, leaf_index);

-- The account this node anchors from, per chain: the next nonce, kept here and reconciled with the node.
create table anchor_account (
    chain_id   bigint   not null,
    address    char(42) not null,
    next_nonce bigint   not null check (next_nonce >= 0),
    primary key (chain_id, address)
);

-- The ProvenanceRegistry this node deployed (or was told to use), per chain.
create table anchor_contract (
    chain_id    bigint      primary key,
    address     char(42)    not null,
    deployed_at timestamptz not null default now()
);

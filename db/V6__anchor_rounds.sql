-- "Batch" is a production lot (table batch); the anchoring unit, one Merkle tree and the transaction that
-- anchors its root, is an anchor round. Owner: city.trace.anchor.
alter table anchor_batch rename to anchor_round;
alter index anchor_batch_open_idx rename to anchor_round_open_idx;
alter table anchor_leaf rename column batch_id to round_id;
alter index anchor_leaf_batch_idx rename to anchor_leaf_round_idx;

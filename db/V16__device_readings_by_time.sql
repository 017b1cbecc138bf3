-- A lot's readings by when they were measured: the cold-chain check reads the batches around a new one (nearest
-- first, on either side) without going through all of the lot's batches, which grow with every trip.
create index device_reading_lot_to_idx on device_reading_lot (lot, to_time);
create index device_reading_lot_from_idx on device_reading_lot (lot, from_time);

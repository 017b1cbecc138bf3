-- A lot's readings by when they were measured: the cold-chain check and the charts read a lot's recent batches
-- (those that end after a time) without going through all of its batches, which grow with every trip.
create index device_reading_lot_time_idx on device_reading_lot (lot, to_time);

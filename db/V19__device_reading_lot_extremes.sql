-- The lowest and highest temperature (in °C) each batch measured of a lot while the lot was on board or on site
-- (null when it measured no temperature): the cold-chain check of a new batch looks at a lot's readings only when
-- one of its batches ever left the lot's band, which most lots' batches never do.
alter table device_reading_lot
    add column min_celsius double precision,
    add column max_celsius double precision;

update device_reading_lot l
set min_celsius = extremes.lowest, max_celsius = extremes.highest
from (select m.lot, m.batch_id,
             min(case r.unit when 'FAH' then (r.value - 32) * 5 / 9 when 'KEL' then r.value - 273.15 else r.value end) as lowest,
             max(case r.unit when 'FAH' then (r.value - 32) * 5 / 9 when 'KEL' then r.value - 273.15 else r.value end) as highest
      from device_reading_lot m join device_reading r on r.batch_id = m.batch_id
      where r.type in ('Temperature', 'gs1:Temperature', 'https://gs1.org/voc/Temperature')
        and r.time between m.from_time and m.to_time
      group by m.lot, m.batch_id) extremes
where l.lot = extremes.lot and l.batch_id = extremes.batch_id;

-- how low and how high a lot was ever measured: the ends of two indexes, however many batches the lot has
create index device_reading_lot_min_idx on device_reading_lot (lot, min_celsius);
create index device_reading_lot_max_idx on device_reading_lot (lot, max_celsius);

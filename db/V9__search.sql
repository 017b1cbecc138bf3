-- Indexes for the regulators' search (city.trace.search). Owner: city.trace.search.
-- Each serves one filter in the order the results are shown (event time, newest first), so a page of a
-- common value is read off the index instead of sorting every match; keyset paging continues on it.

-- "recorded by" (organisation), and a manufacturer's own records, with a time range
create index epcis_event_organization_time_idx on epcis_event (organization_id, event_time, id);
-- business step and disposition: few distinct values, each a large share of the events, so by time
create index epcis_event_biz_step_time_idx on epcis_event (biz_step, event_time, id);
create index epcis_event_disposition_time_idx on epcis_event (disposition, event_time, id);
-- a site or a city is a few GLNs, each named as read point or business location: by time too; these
-- serve the EPCIS query's READ_POINT and BIZ_LOCATION equality as well, so they replace the single-column ones
create index epcis_event_read_point_time_idx on epcis_event (read_point, event_time, id);
create index epcis_event_biz_location_time_idx on epcis_event (biz_location, event_time, id);
drop index epcis_event_read_point_idx;
drop index epcis_event_biz_location_idx;
-- a lot typed without its product: the batches of that lot (the lot's unique key starts with the product)
create index batch_lot_idx on batch (lot);
-- recalled lots are few: "recalled only" and "not recalled" start from them
create index batch_recalled_idx on batch (id) where status = 'RECALLED';

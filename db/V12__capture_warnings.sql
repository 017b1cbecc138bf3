-- What a capture job's events do that the standard allows but that looks like a mistake (a sensor reading later
-- than its event): kept beside the job's errors, never a reason to refuse. Owner: city.trace.epcis.
alter table epcis_capture add column warnings jsonb not null default '[]';

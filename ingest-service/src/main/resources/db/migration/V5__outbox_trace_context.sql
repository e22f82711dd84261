-- The W3C trace context of the request (or feed poll) that wrote the row, captured in the same transaction, so the
-- relay can publish the message as part of that trace. Rows written before this have none: the relay starts a
-- trace of their own. 55 characters is a version-00 traceparent; vendors' tracestate may run to 512.
alter table outbox_message add column traceparent varchar(55);
alter table outbox_message add column tracestate  varchar(512);

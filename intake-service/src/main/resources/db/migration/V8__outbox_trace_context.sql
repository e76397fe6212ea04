-- The W3C trace context of the transaction that wrote the event: the relay publishes it in that trace, however
-- much later, so the consumer's span descends from the span that changed the request. Null when tracing is off.
alter table outbox_event add column traceparent text, add column tracestate text;

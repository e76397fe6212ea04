-- The W3C trace context of the request's delivery: a run claimed later, on a slot's own thread, continues that
-- trace, and so do the events it publishes. Null when tracing is off.
ALTER TABLE run_queue ADD COLUMN traceparent text, ADD COLUMN tracestate text;

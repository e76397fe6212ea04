-- The W3C trace context of the outcome event that queued the mail: the sender, polling later, sends it in that trace.
-- Null when tracing is off.
alter table outgoing_mail add column traceparent text, add column tracestate text;

-- When the request was made, for the time from a request to its mail that operations watch. Null for requests
-- learnt before this column existed.
alter table recipient add column requested_at timestamptz;

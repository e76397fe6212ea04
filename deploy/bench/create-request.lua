-- wrk script: creates upgrade requests, each for a database of its own (one test run per database is the rule).
-- Each wrk thread has its own Lua state: the thread number keeps their database names apart.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local counter = 0
function request()
  counter = counter + 1
  local body = string.format(
    '{"contract":"M2026-0042","email":"bench@acme.example","database":"bench-%d-%d-%d","targetVersion":"17.0","purpose":"test"}',
    os.time(), id, counter)
  return wrk.format("POST", "/api/v1/requests", {["Content-Type"] = "application/json"}, body)
end

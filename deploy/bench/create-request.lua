-- wrk script: creates upgrade requests, each for a database of its own (one test run per database is the rule).
counter = 0
request = function()
  counter = counter + 1
  local body = string.format(
    '{"contract":"M2026-0042","email":"bench@acme.example","database":"bench-%d-%d","targetVersion":"17.0","purpose":"test"}',
    math.random(1, 1000000000), counter)
  return wrk.format("POST", "/api/v1/requests", {["Content-Type"] = "application/json"}, body)
end

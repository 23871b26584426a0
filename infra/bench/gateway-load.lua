-- wrk script for infra/bench/gateway-load: GETs the metrics paths listed in $GL_PATHS (one a line)
-- in turn, each thread starting at its own offset, with "Authorization: Bearer $GL_TOKEN".
-- GL_DELAY_MS > 0 paces each connection (wrk waits that long before each request).
-- GL_COUNT=1 counts responses by status (costs a Lua call per response, so off for throughput).
-- done() prints one machine-readable line: "RESULT key=value ...", latencies in ms.

local token = os.getenv("GL_TOKEN") or error("GL_TOKEN is not set")
local paths_file = os.getenv("GL_PATHS") or error("GL_PATHS is not set")
local delay_ms = tonumber(os.getenv("GL_DELAY_MS") or "0")
local count = os.getenv("GL_COUNT") == "1"

local paths = {}
for line in io.lines(paths_file) do
  if line ~= "" then paths[#paths + 1] = line end
end
if #paths == 0 then error("no paths in " .. paths_file) end

wrk.headers["Authorization"] = "Bearer " .. token

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local index

function init(args)
  -- spread the threads over the list so that they do not scrape the same container together
  index = (id * 7919) % #paths
  statuses = {}
  if count then
    function response(status, headers, body)
      statuses[status] = (statuses[status] or 0) + 1
    end
  end
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

if delay_ms > 0 then
  function delay()
    return delay_ms
  end
end

function done(summary, latency, requests)
  local by_status = {}
  for _, thread in ipairs(threads) do
    local counted = thread:get("statuses")
    if counted then
      for status, n in pairs(counted) do by_status[status] = (by_status[status] or 0) + n end
    end
  end
  local codes = {}
  for status, n in pairs(by_status) do codes[#codes + 1] = "s" .. status .. "=" .. n end
  table.sort(codes)
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d %s\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout, table.concat(codes, " ")))
end

-- wrk script of bench/run.sh. BENCH_MODE=read (default): plain GETs of the URL, wrk's fastest path (no Lua per
-- request). BENCH_MODE=write: a write mix with the bearer token in BENCH_TOKEN, where each connection creates a
-- movie, patches it, then deletes it. Either way done() prints one line "BENCH_RESULT {json}".

local mode = os.getenv("BENCH_MODE") or "read"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

-- Per-thread counters (globals, so that done() can read them with thread:get). In read mode no response() is
-- defined, to keep wrk at full speed: wrk then counts statuses >= 400 itself (summary.errors.status).
non2xx = 0
statuses = ""

if mode == "write" then
  local base = "/api/v1/movie"
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or ""),
  }
  -- Ids whose creation (resp. patch) has been answered. Responses are not matched to requests: a 201 carries a
  -- new movie to patch, a 200 a patched movie to delete, so a movie moves on only after its previous step.
  local to_patch, to_delete = {}, {}
  local sequence = 0
  local seen = {}

  function request()
    local id = table.remove(to_delete)
    if id then
      return wrk.format("DELETE", base .. "/" .. id, headers, nil)
    end
    id = table.remove(to_patch)
    if id then
      return wrk.format("PATCH", base .. "/" .. id, headers, '{"title":"Patched by the benchmark","year":2001}')
    end
    sequence = sequence + 1
    local body = string.format(
      '{"title":"Write mix %d-%d","description":"Created by the benchmark, patched, then deleted.","year":%d}',
      thread_number, sequence, 1950 + sequence % 70)
    return wrk.format("POST", base, headers, body)
  end

  function response(status, _, body)
    local id = body:match('"id":"([0-9a-f-]+)"')
    if status == 201 and id then
      table.insert(to_patch, id)
    elseif status == 200 and id then
      table.insert(to_delete, id)
    elseif status ~= 204 then
      non2xx = non2xx + 1
      if not seen[status] then
        seen[status] = true
        statuses = statuses .. (statuses == "" and "" or ",") .. status
      end
    end
  end
end

function done(summary, latency, _)
  local errors = summary.errors
  local non2xx_total = errors.status
  local codes = {}
  if mode == "write" then
    non2xx_total = 0
    for _, thread in ipairs(threads) do
      non2xx_total = non2xx_total + thread:get("non2xx")
      local seen = thread:get("statuses")
      if seen ~= "" then
        table.insert(codes, seen)
      end
    end
  end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"seconds":%.3f,"rps":%.1f,"bytes_per_response":%.1f,'
      .. '"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"non2xx":%d,"non2xx_statuses":"%s",'
      .. '"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d}}\n',
    summary.requests, seconds, summary.requests / seconds,
    summary.requests > 0 and summary.bytes / summary.requests or 0,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    non2xx_total, table.concat(codes, ","), errors.connect, errors.read, errors.write, errors.timeout))
end

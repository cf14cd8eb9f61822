-- What every workload script shares (bench/server/wrk/*.lua, run by bench/server.sh through wrk, which sets
-- LUA_PATH so `require "common"` finds this file). The target system and the slice come from the environment:
--   BENCH_TARGET   edgekv | etcd          which HTTP API the requests are for (see target_edgekv/target_etcd.lua)
--   BENCH_KEYS     10000                  the pre-loaded key space GETs and mixed PUTs pick from
--   BENCH_PREFIX   p-3-edgekv-c64          the PUT workload's fresh keys: <prefix>-<thread>-<n>
-- Each thread counts what it sent and what came back; done() adds the threads up and prints one line
--   RESULT {"ok":…,"errors":…,"issued":…,"seconds":…,"rps":…,"p50_ms":…,"p99_ms":…,"error_sample":"…"}
-- for bench/server.sh. Latency is wrk's own (per request, from its histogram).
local common = {}

local target_name = os.getenv("BENCH_TARGET") or error("BENCH_TARGET is not set")
common.target = require("target_" .. target_name)
common.keys = tonumber(os.getenv("BENCH_KEYS") or "10000")
common.prefix = os.getenv("BENCH_PREFIX") or "p"

-- The same 100 bytes for a key every time it is written: the key, then '.' up to 100. GETs can then be checked by
-- status alone, and the durability check can compare what it reads back.
function common.value_for(key)
  return key .. string.rep(".", 100 - #key)
end

-- A key of the pre-loaded key space (bench/server/preload.ts writes k-0 … k-<keys-1>).
function common.random_key()
  return "k-" .. math.random(0, common.keys - 1)
end

-- Per-thread counters, read back by done() through thread:get.
issued, ok, errors, error_sample = 0, 0, 0, ""

local threads = {}
local next_id = 0

function common.setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

function common.init()
  -- Each thread its own random sequence, so two threads do not read the same keys in step.
  math.randomseed(id * 7919 + os.time())
end

-- Counts one response. `good` is the target's verdict (status, and for GETs whether the key was found).
function common.count(good, status, body)
  if good then
    ok = ok + 1
  else
    errors = errors + 1
    if error_sample == "" then
      error_sample = status .. " " .. string.sub(body or "", 1, 120)
    end
  end
end

local function json_string(text)
  return '"' .. string.gsub(text, '[%c"\\]', " ") .. '"'
end

function common.done(summary, latency)
  local total = { ok = 0, errors = 0, issued = 0 }
  local sample = ""
  for _, thread in ipairs(threads) do
    total.ok = total.ok + thread:get("ok")
    total.errors = total.errors + thread:get("errors")
    total.issued = total.issued + thread:get("issued")
    if sample == "" then sample = thread:get("error_sample") end
  end
  -- wrk's own failures (connect, read, write, timeout) are errors too: the request got no answer.
  local e = summary.errors
  total.errors = total.errors + e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'RESULT {"ok":%d,"errors":%d,"issued":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,"error_sample":%s}\n',
    total.ok, total.errors, total.issued, seconds, total.ok / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, json_string(sample)))
end

return common

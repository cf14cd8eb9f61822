-- Mixed workload: 90 % GETs and 10 % PUTs of random keys of the pre-loaded key space. A PUT writes the key's usual
-- value (common.value_for), so the key space stays what the GET workload expects.
-- wrk does not say which request a response answers, and etcd answers a range miss like a put (200, no "kvs"),
-- so responses here are checked by status only; misses are caught by the GET workload.
local common = require "common"
local target = common.target

function setup(thread) common.setup(thread) end

function init() common.init() end

function request()
  issued = issued + 1
  local key = common.random_key()
  if math.random() < 0.1 then
    return target.put(key, common.value_for(key))
  end
  return target.get(key)
end

function response(status, _, body) common.count(status == 200, status, body) end

function done(summary, latency) common.done(summary, latency) end

-- PUT workload: every request writes a fresh key <prefix>-<thread>-<n> (100-byte value), never written before, so the
-- durability check after the crash knows exactly which keys each slice may have written: n = 1 … issued per
-- thread, of which `ok` were acknowledged (bench/server/verify.ts counts them back).
local common = require "common"
local target = common.target

function setup(thread) common.setup(thread) end

function init() common.init() end

function request()
  issued = issued + 1
  local key = common.prefix .. "-" .. id .. "-" .. issued
  return target.put(key, common.value_for(key))
end

function response(status, _, body) common.count(target.put_ok(status, body), status, body) end

function done(summary, latency) common.done(summary, latency) end

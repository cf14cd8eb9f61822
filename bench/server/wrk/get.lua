-- GET workload: every request reads a random key of the pre-loaded key space; a miss counts as an error.
local common = require "common"
local target = common.target

function setup(thread) common.setup(thread) end

function init() common.init() end

function request()
  issued = issued + 1
  return target.get(common.random_key())
end

function response(status, _, body) common.count(target.get_ok(status, body), status, body) end

function done(summary, latency) common.done(summary, latency) end

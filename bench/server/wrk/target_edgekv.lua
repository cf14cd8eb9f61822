-- EdgeKv's HTTP API (docs/http-api.md): PUT/GET /api/v1/namespaces/<ns>/values/<key> with a bearer token.
-- EDGEKV_NS is the namespace's id, EDGEKV_TOKEN a read-write access token of it.
local ns = os.getenv("EDGEKV_NS") or error("EDGEKV_NS is not set")
local token = os.getenv("EDGEKV_TOKEN") or error("EDGEKV_TOKEN is not set")
local base = "/api/v1/namespaces/" .. ns .. "/values/"
local auth = "Bearer " .. token

local target = {}

function target.put(key, value)
  -- application/octet-stream: stored as bytes, as etcd stores them.
  return wrk.format("PUT", base .. key,
    { ["Authorization"] = auth, ["Content-Type"] = "application/octet-stream" }, value)
end

function target.get(key)
  return wrk.format("GET", base .. key, { ["Authorization"] = auth })
end

-- A PUT answers 200 with {key, versionstamp}; a GET 200 with the bytes, 404 when the key is missing.
function target.put_ok(status)
  return status == 200
end

function target.get_ok(status)
  return status == 200
end

return target

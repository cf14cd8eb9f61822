-- etcd 3.4's HTTP/JSON gateway (grpc-gateway over the KV service): POST /v3/kv/put and /v3/kv/range with keys and
-- values in base64, as its documentation shows. Every request is a JSON body, so etcd also pays for decoding it.
local target = {}

local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

-- Standard base64 with padding (the gateway decodes proto `bytes` fields from it). Written out here: 15 lines do
-- not justify a dependency.
local function base64(text)
  local out = {}
  for i = 1, #text, 3 do
    local a, b, c = string.byte(text, i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    local chars = 2 + (b and 1 or 0) + (c and 1 or 0)
    for j = 1, 4 do
      if j <= chars then
        local index = math.floor(n / 2 ^ (6 * (4 - j))) % 64
        out[#out + 1] = string.sub(alphabet, index + 1, index + 1)
      else
        out[#out + 1] = "="
      end
    end
  end
  return table.concat(out)
end

local headers = { ["Content-Type"] = "application/json" }

function target.put(key, value)
  return wrk.format("POST", "/v3/kv/put", headers,
    '{"key":"' .. base64(key) .. '","value":"' .. base64(value) .. '"}')
end

function target.get(key)
  return wrk.format("POST", "/v3/kv/range", headers, '{"key":"' .. base64(key) .. '"}')
end

function target.put_ok(status)
  return status == 200
end

-- A range answers 200 either way; only a found key carries "kvs".
function target.get_ok(status, body)
  return status == 200 and string.find(body, '"kvs"', 1, true) ~= nil
end

return target

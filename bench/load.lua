-- wrk script: rotates POST /v1/evaluate bodies read from the files listed (one path a line) in
-- $KEYCARD_BENCH_LIST; each file's first line is its content type. With KEYCARD_BENCH_UNIQUE=1
-- every request's text ends in a comment line no other request has ("# request <thread>-<n>"), so
-- no answer can come from the service's answer cache: every request is parsed, evaluated and has
-- its fixes proven.
local bodies = {}
local n = 0
local sent = 0
local unique = os.getenv("KEYCARD_BENCH_UNIQUE") == "1"
local path = "/v1/evaluate?" .. (os.getenv("KEYCARD_BENCH_QUERY") or "ruleset=restricted")
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local function load()
  for file in io.lines(os.getenv("KEYCARD_BENCH_LIST")) do
    local f = assert(io.open(file, "rb"))
    local ctype = f:read("*l")
    local body = f:read("*a")
    f:close()
    bodies[#bodies + 1] = {ctype = ctype, body = body,
      request = wrk.format("POST", path, {["Content-Type"] = ctype}, body)}
  end
end

function init(args)
  load()
  n = math.random(#bodies)
end

function request()
  n = n % #bodies + 1
  local b = bodies[n]
  if not unique then
    return b.request
  end
  sent = sent + 1
  local text = b.body
  if text:sub(-1) ~= "\n" then
    text = text .. "\n"
  end
  return wrk.format("POST", path, {["Content-Type"] = b.ctype},
    text .. "# request " .. tostring(tid) .. "-" .. sent .. "\n")
end

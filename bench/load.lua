-- wrk script: rotates POST /v1/evaluate bodies read from the files listed (one path a line) in
-- $KEYCARD_BENCH_LIST; each file's first line is its content type. With KEYCARD_BENCH_UNIQUE=1
-- every request's text ends in a comment line no other request has ("# request <thread>-<n>"), so
-- no answer can come from the service's answer cache: every request is parsed, evaluated and has
-- its fixes proven. With KEYCARD_BENCH_OPA=<ruleset> the requests go to OPA's Data API instead
-- (POST /v1/data/keycard/<ruleset>/allow with {"input": {"content": ...}}): the verdict only, no
-- fixes to prove. With KEYCARD_BENCH_RATE=<requests/s> (and KEYCARD_BENCH_CONNECTIONS=<connections>)
-- each connection waits between its requests so that all together send about that rate: a paced
-- closed loop (wrk2's constant arrival rate is not packaged by Debian), to read latency at a given
-- rate rather than at saturation.
local bodies = {}
local n = 0
local sent = 0
local unique = os.getenv("KEYCARD_BENCH_UNIQUE") == "1"
local opa = os.getenv("KEYCARD_BENCH_OPA")
local path = opa and opa ~= "" and ("/v1/data/keycard/" .. opa .. "/allow")
  or ("/v1/evaluate?" .. (os.getenv("KEYCARD_BENCH_QUERY") or "ruleset=restricted"))
if opa == "" then opa = nil end

local function json_string(text)
  return '"' .. text:gsub('[%c"\\]', function(ch)
    local named = {['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t'}
    return named[ch] or string.format("\\u%04x", ch:byte())
  end) .. '"'
end

local function format(ctype, text)
  if opa then
    return wrk.format("POST", path, {["Content-Type"] = "application/json"},
      '{"input": {"content": ' .. json_string(text) .. '}}')
  end
  return wrk.format("POST", path, {["Content-Type"] = ctype}, text)
end
local threads = 0

local rate = tonumber(os.getenv("KEYCARD_BENCH_RATE") or "")
if rate and rate > 0 then
  local pause = math.floor(tonumber(os.getenv("KEYCARD_BENCH_CONNECTIONS")) * 1000 / rate)
  function delay()
    return pause
  end
end

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
    bodies[#bodies + 1] = {ctype = ctype, body = body, request = format(ctype, body)}
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
  return format(b.ctype, text .. "# request " .. tostring(tid) .. "-" .. sent .. "\n")
end

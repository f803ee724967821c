-- wrk script: rotates POST /v1/evaluate bodies read from the files listed (one path a line) in
-- $KEYCARD_BENCH_LIST; each file's first line is its content type.
local requests = {}
local n = 0

local function load()
  local list = os.getenv("KEYCARD_BENCH_LIST")
  for path in io.lines(list) do
    local f = assert(io.open(path, "rb"))
    local ctype = f:read("*l")
    local body = f:read("*a")
    f:close()
    local query = os.getenv("KEYCARD_BENCH_QUERY") or "ruleset=restricted"
    requests[#requests + 1] =
      wrk.format("POST", "/v1/evaluate?" .. query, {["Content-Type"] = ctype}, body)
  end
end

function init(args)
  load()
  n = math.random(#requests)
end

function request()
  n = n % #requests + 1
  return requests[n]
end

-- wrk script of scripts/benchmark-random-lots.sh: the public page of every lot in the file LOT_PATHS names (one
-- path a line), each once: thread i of WRK_THREADS (wrk's -t, 2 unless set) takes lines i, i + WRK_THREADS, …
-- and stops once all of its pages have answered. The first visits of a city's lots: each page is built.
local paths = {}
for line in io.lines(os.getenv("LOT_PATHS")) do
  paths[#paths + 1] = line
end
assert(#paths > 0, "no lot paths in " .. os.getenv("LOT_PATHS"))
local threads = tonumber(os.getenv("WRK_THREADS") or "2")

local started = 0
function setup(thread)
  started = started + 1
  thread:set("first", started)
end

local mine, next_line, answered
function init(args)
  mine = {}
  for i = first, #paths, threads do
    mine[#mine + 1] = paths[i]
  end
  next_line, answered = 1, 0
end

function request()
  -- once every page is asked for, the connections still open ask for the last one again until the thread stops
  local path = mine[math.min(next_line, #mine)]
  next_line = next_line + 1
  return wrk.format("GET", path)
end

function response(status, headers, body)
  answered = answered + 1
  if answered >= #mine then
    wrk.thread:stop()
  end
end

-- wrk script of scripts/benchmark-random-lots.sh: every request asks for the public page of a lot drawn at random
-- from the file LOT_PATHS names (one path a line, /01/{gtin}/10/{lot}), each wrk thread with its own seed.
local paths = {}
for line in io.lines(os.getenv("LOT_PATHS")) do
  paths[#paths + 1] = line
end
assert(#paths > 0, "no lot paths in " .. os.getenv("LOT_PATHS"))

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

function init(args)
  math.randomseed(os.time() * 1000 + seed)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

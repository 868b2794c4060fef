-- wrk script: each request takes the next path from the file named by WRK_PATHS (one
-- path per line), so a run mixes several queries instead of repeating one. Threads
-- start at different lines.
local paths = {}
local next_index = 1

function setup(thread)
  thread:set("offset", math.random(1, 1000))
end

function init(args)
  for line in io.lines(os.getenv("WRK_PATHS")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  next_index = (offset or 1) % #paths + 1
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end

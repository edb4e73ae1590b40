-- wrk script: requests the paths of a file (one a line, # comments skipped) in turn,
-- each thread from its own starting point; counts non-2xx answers.
-- Usage: wrk -s paths.lua URL -- FILE
local paths = {}
local counter = 0
local errors = 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" and line:sub(1, 1) ~= "#" then paths[#paths + 1] = line end
  end
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function response(status, headers, body)
  if status < 200 or status > 299 then errors = errors + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d  errors(socket) connect %d read %d write %d timeout %d  non-2xx %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    summary.errors.status))
  io.write(string.format("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end

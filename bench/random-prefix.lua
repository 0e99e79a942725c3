-- wrk: GET {BUCKET_PATH}{PREFIX} (default /range/) for a random prefix among the first $BUCKETS buckets.
local buckets = tonumber(os.getenv("BUCKETS") or "1048576")
local path = os.getenv("BUCKET_PATH") or "/range/"
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  return wrk.format("GET", string.format("%s%05X", path, math.random(0, buckets - 1)))
end

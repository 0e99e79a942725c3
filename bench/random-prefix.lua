-- wrk: GET /range/{PREFIX} for a random prefix among the first $BUCKETS buckets.
local buckets = tonumber(os.getenv("BUCKETS") or "1048576")
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  return wrk.format("GET", string.format("/range/%05X", math.random(0, buckets - 1)))
end

-- Each request a different query: message and signal numbers, words, a miss.
counter = 0
request = function()
  counter = counter + 1
  local n = counter % 100
  local qs = {"Message+" .. (n * 7 % 1995), "Signal+" .. (n * 13 % 1995), "talks", "bench+desk", "zzz" .. n}
  local q = qs[(counter % 5) + 1]
  return wrk.format("GET", "/search?q=" .. q)
end

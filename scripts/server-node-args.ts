// Node flags of the production server (scripts/server.mjs), for `npm start` (scripts/start.ts) and `npm run bench` alike.
// --max-semi-space-size=64: a 64 MB young generation instead of the default 16 MB. A request allocates a few
// hundred kB that die young (rows, JSON, web streams); with the default the server ran a scavenge every few
// dozen requests and promoted what was in flight. Measured with `npm run bench` on the scale data, back to back
// at a similar load: the creator's task list 398 → 518 req/s (p95 77.2 → 53.8 ms), the finance queue
// 446 → 514 req/s, the content board 400 → 487 req/s. Memory: at most 3 × 64 MB more heap per process.
// TIKIT_SERVER_NODE_ARGS (space-separated) replaces them, for profiling a server started as npm start starts it:
// `npm run bench` sets it from BENCH_SERVER_NODE_ARGS (e.g. "--max-semi-space-size=64 --cpu-prof
// --cpu-prof-dir=/tmp/prof"; --cpu-prof is refused in NODE_OPTIONS, so it goes here).
export const SERVER_NODE_ARGS = process.env.TIKIT_SERVER_NODE_ARGS?.trim()
  ? process.env.TIKIT_SERVER_NODE_ARGS.trim().split(/\s+/)
  : ["--max-semi-space-size=64"];

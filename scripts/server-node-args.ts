// Node flags of the production server (scripts/server.mjs), for `npm start` (scripts/start.ts) and `npm run bench` alike.
// --max-semi-space-size=64: a 64 MB young generation instead of the default 16 MB. A request allocates a few
// hundred kB that die young (rows, JSON, web streams); with the default the server ran a scavenge every few
// dozen requests and promoted what was in flight. Measured with `npm run bench` on the scale data, back to back
// at a similar load: the creator's task list 398 → 518 req/s (p95 77.2 → 53.8 ms), the finance queue
// 446 → 514 req/s, the content board 400 → 487 req/s. Memory: at most 3 × 64 MB more heap per process.
export const SERVER_NODE_ARGS = ["--max-semi-space-size=64"];

/**
 * Node flags of the long-running server processes (the API, the Temporal worker, `npm start`'s single
 * process): a young generation four times Node's default (semi-spaces of up to 64 MB instead of 16 MB; V8's
 * flags hold for every thread of the process, workflow threads included).
 *
 * Why: every action allocates short-lived objects by the megabyte — decoded payloads, the state's copies,
 * JSON, protobuf messages — and with the default young generation they outlived too many scavenges. Under
 * the procedure benchmark the garbage collector was 16 % of a worker's main thread, 12 % of its workflow
 * thread and 11 % of an API process (docs/benchmarks.md, summary of 2026-11-30 19:10Z); with this flag the
 * workers' CPU per Update fell from 17.4 to 15.8 ms and the APIs' from 6.6 to 6.0 ms in the same bench.
 * The cost is memory: a busy thread's young generation may grow to 128 MB instead of 32 MB (the worker's RSS
 * under bench:scale is in the same summary).
 *
 * package.json's `start:*` scripts and scripts/start.sh pass the same flag.
 */
export const SERVER_PROCESS_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

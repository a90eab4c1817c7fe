/**
 * How often the metrics sample the event loop's delay (prom-client's `eventLoopMonitoringPrecision`; its default
 * is 10 ms). Each sample is a timer that wakes an idle process, and on the virtual machines measured here a
 * wakeup costs tens of microseconds: at 10 ms, ~4 ms of CPU a second per idle process (a bare Node process with
 * the monitor at 10 ms: 4.2 ms/s; at 50 ms: 1.5; without it: 0.2), in each API and worker process, all day.
 * A stall of 50 ms or more is always seen; a shorter one only when it holds up a sample that falls due.
 *
 * Node's monitor records the whole interval between samples, so a reader takes this off to leave the delay
 * (bench/readPath.bench.ts).
 */
export const EVENT_LOOP_SAMPLE_MS = 50;

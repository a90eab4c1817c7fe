import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { addTotals, readHistogramTotals, totalsOf, totalsSince } from '../../../bench/support/histogramTotals';

// As the Temporal SDK's exporter and prom-client write them: buckets, sums and counts per label set.
const EXPOSITION = `# HELP temporal_activity_execution_latency Histogram of activity execution latencies
# TYPE temporal_activity_execution_latency histogram
temporal_activity_execution_latency_bucket{activity_type="recordAction",namespace="default",le="0.05"} 3
temporal_activity_execution_latency_bucket{activity_type="recordAction",namespace="default",le="+Inf"} 4
temporal_activity_execution_latency_sum{activity_type="recordAction",namespace="default"} 0.25
temporal_activity_execution_latency_count{activity_type="recordAction",namespace="default"} 4
temporal_activity_execution_latency_sum{activity_type="prescreenVersion",namespace="default"} 0.5
temporal_activity_execution_latency_count{activity_type="prescreenVersion",namespace="default"} 1
lr_http_request_duration_seconds_sum{method="POST",route="/api/v1/matters/:id/actions",status="200"} 1.5
lr_http_request_duration_seconds_count{method="POST",route="/api/v1/matters/:id/actions",status="200"} 30
lr_http_request_duration_seconds_sum{method="GET",route="/metrics",status="200"} 9
lr_http_request_duration_seconds_count{method="GET",route="/metrics",status="200"} 2
lr_unrelated_seconds_sum 7
lr_unrelated_seconds_count NaN
`;

describe('histogram totals (the procedure benchmark: where the time went)', () => {
  it('adds sums and counts over label sets, for the names asked only', () => {
    const t = totalsOf(EXPOSITION, ['temporal_activity_execution_latency', 'temporal_workflow_task_execution_latency']);
    expect(t.temporal_activity_execution_latency).toEqual({ sum: 0.75, count: 5 });
    expect(t.temporal_workflow_task_execution_latency).toEqual({ sum: 0, count: 0 });
    expect(Object.keys(t)).toHaveLength(2);
  });

  it('reads only the label sets a filter names (the POSTs, not the scrapes of /metrics)', () => {
    const name = 'lr_http_request_duration_seconds';
    expect(totalsOf(EXPOSITION, [name], { [name]: 'method="POST"' })[name]).toEqual({ sum: 1.5, count: 30 });
    expect(totalsOf(EXPOSITION, [name])[name]).toEqual({ sum: 10.5, count: 32 });
  });

  it('reads a histogram apart by one of its labels (each activity type on its own)', () => {
    const name = 'temporal_activity_execution_latency';
    const t = totalsOf(EXPOSITION, [name, 'temporal_workflow_task_execution_latency'], {}, { [name]: 'activity_type' });
    expect(t[`${name}:recordAction`]).toEqual({ sum: 0.25, count: 4 });
    expect(t[`${name}:prescreenVersion`]).toEqual({ sum: 0.5, count: 1 });
    expect(t[name]).toBeUndefined();
    expect(t.temporal_workflow_task_execution_latency).toEqual({ sum: 0, count: 0 });
  });

  it('skips values that are not numbers', () => {
    expect(totalsOf(EXPOSITION, ['lr_unrelated_seconds']).lr_unrelated_seconds).toEqual({ sum: 7, count: 0 });
  });

  it('gives what a run added between two readings, and two runs together', () => {
    const before = { a: { sum: 1, count: 2 } };
    const after = { a: { sum: 1.5, count: 5 }, b: { sum: 2, count: 1 } };
    expect(totalsSince(before, after)).toEqual({ a: { sum: 0.5, count: 3 }, b: { sum: 2, count: 1 } });
    expect(addTotals({ a: { sum: 1, count: 1 } }, { a: { sum: 2, count: 3 }, b: { sum: 1, count: 1 } })).toEqual({ a: { sum: 3, count: 4 }, b: { sum: 1, count: 1 } });
  });

  it('reads every endpoint, and names one that does not answer instead of failing the run', async () => {
    const server = http.createServer((_req, res) => res.end(EXPOSITION));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
    try {
      const closed = 'http://127.0.0.1:1/metrics';
      const { totals, unreachable } = await readHistogramTotals([url, url, closed], ['temporal_activity_execution_latency']);
      expect(totals.temporal_activity_execution_latency).toEqual({ sum: 1.5, count: 10 });
      expect(unreachable).toEqual([closed]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

import { coresDuring } from '../../../bench/support/cpuAccounting';

// Samples of cumulative CPU ms, one a second: the workers burn 800 ms in the second second only.
const samples = [
  { at: 0, cpu: { workers: 0, apis: 0 } },
  { at: 1_000, cpu: { workers: 0, apis: 500 } },
  { at: 2_000, cpu: { workers: 800, apis: 1_000 } },
  { at: 3_000, cpu: { workers: 800, apis: 1_500 } },
];

describe('coresDuring (the read benchmark: what ran while the slowest answers waited)', () => {
  it('gives cores over the whole span', () => {
    const c = coresDuring(samples, [[0, 3_000]]);
    expect(c.workers).toBeCloseTo(800 / 3_000);
    expect(c.apis).toBeCloseTo(0.5);
  });

  it('takes each interval in proportion to its overlap with the windows', () => {
    // Half of the second interval: the workers' 800 ms spread evenly, so 400 ms over 500 ms.
    expect(coresDuring(samples, [[1_250, 1_750]]).workers).toBeCloseTo(0.8);
    // Windows across two intervals: 250 ms of the first (no workers) and 250 of the second (200 ms of workers).
    expect(coresDuring(samples, [[750, 1_250]]).workers).toBeCloseTo(0.4);
  });

  it('counts overlapping windows once', () => {
    const once = coresDuring(samples, [[1_000, 2_000]]);
    const twice = coresDuring(samples, [[1_000, 1_800], [1_200, 2_000]]);
    expect(twice.workers).toBeCloseTo(once.workers!);
    expect(twice.workers).toBeCloseTo(0.8);
  });

  it('gives nothing for no window', () => {
    expect(coresDuring(samples, [])).toEqual({});
  });
});

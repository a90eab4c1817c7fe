import { parseConfig, ConfigError } from '../../../platform/config';

describe('configuration from the environment', () => {
  test('defaults give the embedded development setup', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ NODE_ENV: 'development', PORT: 3000, DATA_DIR: '.data', TEMPORAL_NAMESPACE: 'default', LOG_LEVEL: 'info' });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.TEMPORAL_ADDRESS).toBeUndefined();
    // A bounded sticky cache: each cached workflow costs ~3.5–4 MB (docs/benchmarks.md, Scale).
    expect(c.WORKER_MAX_CACHED_WORKFLOWS).toBe(500);
  });

  test.each([
    [{ PORT: 'abc' }, /^Configuration error: PORT .*\(got "abc"\)$/],
    [{ PORT: '70000' }, /^Configuration error: PORT /],
    [{ DATABASE_URL: 'mysql://db/x' }, /^Configuration error: DATABASE_URL must be a postgresql:\/\/ URL/],
    [{ TEMPORAL_ADDRESS: 'localhost' }, /^Configuration error: TEMPORAL_ADDRESS must be host:port/],
    [{ LOG_LEVEL: 'loud' }, /^Configuration error: LOG_LEVEL /],
    [{ WORKER_MAX_CACHED_WORKFLOWS: '1' }, /^Configuration error: WORKER_MAX_CACHED_WORKFLOWS /],
    [{ NODE_ENV: 'production', TEMPORAL_ADDRESS: 't:7233', SIGNING_KEY_SECRET: 'x'.repeat(32) }, /^Configuration error: DATABASE_URL is required in production/],
    [{ TEMPORAL_TLS_CERT_PATH: '/c.pem' }, /^Configuration error: TEMPORAL_TLS_KEY_PATH is required/],
  ])('%j fails with one line naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  test('empty strings count as unset, numbers and booleans are parsed', () => {
    const c = parseConfig({ DATABASE_URL: '', PORT: '8080', TEMPORAL_TLS: 'true', TEMPORAL_ADDRESS: 'temporal.example:7233' });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.PORT).toBe(8080);
    expect(c.TEMPORAL_TLS).toBe(true);
    expect(c.TEMPORAL_ADDRESS).toBe('temporal.example:7233');
  });
});

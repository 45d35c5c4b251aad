import { ALL_CASES } from '../specs/cases';
import { runConformance } from '../src/engine/runner';
import { createMockServer, MOCK_APPLICATION_ID, MOCK_OTHER_APPLICATION_ID } from '../src/mock';
import { resolveTargetConfig } from '../src/target/config';
import { startLatencyProxy } from './latency-proxy';

/**
 * Wall time of the full suite against the mock behind a loopback proxy that adds DELAY ms to every
 * answer, at each concurrency given: `npx tsx bench/conformance-latency.ts 50 1 8`.
 */
async function main(delayMs: number, concurrencies: number[]): Promise<void> {
  const adminToken = 'bench-admin-token-0123456789';
  const mock = await createMockServer({ adminToken });
  const proxy = await startLatencyProxy({ target: await mock.listen(0, '127.0.0.1'), delayMs });
  try {
    for (const concurrency of concurrencies) {
      const config = resolveTargetConfig([
        {
          baseUrl: proxy.url,
          applicationId: MOCK_APPLICATION_ID,
          otherApplicationId: MOCK_OTHER_APPLICATION_ID,
          adminToken,
          mockOnlyTokens: true,
          concurrency,
        },
      ]);
      const started = performance.now();
      const report = await runConformance({ config, cases: ALL_CASES });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const { total, passed } = report.summary;
      process.stdout.write(
        `+${delayMs} ms/response, --concurrency ${concurrency}: ${seconds} s (${passed}/${total} passed)\n`,
      );
    }
  } finally {
    await proxy.close();
    await mock.close();
  }
}

const [delay = '50', ...levels] = process.argv.slice(2);
void main(Number(delay), levels.length > 0 ? levels.map(Number) : [1, 8]);

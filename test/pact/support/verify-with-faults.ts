import { embeddedMock } from '../../../src/mock/embedded';
import { isFaultName } from '../../../src/mock/faults';
import { pactFilesFor } from '../../../src/pact/pact-file';
import { runVerification } from '../../../src/pact/verification';
import type { PactSource } from '../../../src/pact/verify';
import { resolveTargetConfig } from '../../../src/target';

/**
 * `verify-with-faults.ts SOURCE REPORT_DIR PROVIDER PROVIDER_VERSION|- [FAULT...]`: verify the embedded
 * mock run with faults. SOURCE is a pact folder, or a broker URL (results published under the version).
 */
async function verifyWithFaults([
  source,
  reportDir,
  provider,
  providerVersion,
  ...faults
]: string[]): Promise<void> {
  const fromBroker = /^https?:/.test(source);
  const pactSource: PactSource = fromBroker
    ? { kind: 'broker', brokerUrl: source }
    : { kind: 'files', pactUrls: pactFilesFor(source, provider) };
  const result = await runVerification({
    config: resolveTargetConfig([{ reportDir }]),
    provider,
    source: pactSource,
    publish: fromBroker && providerVersion !== '-' ? { providerVersion } : undefined,
    connect: { startEmbedded: embeddedMock({ faults: faults.filter(isFaultName) }) },
  });
  process.exitCode = result.outcome.passed ? 0 : 1;
}

void verifyWithFaults(process.argv.slice(2));

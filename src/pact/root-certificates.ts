import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The variables by which Pact's Rust core (rustls-native-certs) finds the system's root certificates. */
const CERTIFICATE_VARIABLES = ['SSL_CERT_FILE', 'SSL_CERT_DIR'] as const;

/**
 * Runs `work` with Pact's verifier given no root certificate, when it needs none.
 *
 * The verifier (pact_ffi) builds an HTTP client with the system's root certificates for every request it
 * sends, about five per interaction, and reads every file of /etc/ssl/certs each time: 74,000 file opens
 * for this project's 51 interactions, two thirds of a verification's time. When it speaks only plain HTTP
 * to the loopback relay and perhaps a broker at an http URL (`needsTls` false) an empty certificate
 * file and folder are enough. Node's own TLS (the relay to an https target) keeps its bundled store, unless
 * Node was told to use OpenSSL's (`--use-openssl-ca`), which reads the same variables: then nothing changes.
 */
export async function withoutRootCertificates<T>(needsTls: boolean, work: () => Promise<T>): Promise<T> {
  const nodeOptions = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  if (needsTls || nodeOptions.includes('--use-openssl-ca')) return work();
  emptyCertificates ??= pointAtEmptyCertificates();
  emptyCertificates.users += 1;
  try {
    return await work();
  } finally {
    // The last of verifications that overlap in one process puts the variables back.
    emptyCertificates.users -= 1;
    if (emptyCertificates.users === 0) {
      emptyCertificates.restore();
      emptyCertificates = undefined;
    }
  }
}

interface EmptyCertificates {
  users: number;
  restore(): void;
}

let emptyCertificates: EmptyCertificates | undefined;

function pointAtEmptyCertificates(): EmptyCertificates {
  const saved = CERTIFICATE_VARIABLES.map((name) => [name, process.env[name]] as const);
  const folder = mkdtempSync(path.join(tmpdir(), 'flows-no-certificates-'));
  const file = path.join(folder, 'none.pem');
  writeFileSync(file, '');
  process.env.SSL_CERT_FILE = file;
  process.env.SSL_CERT_DIR = folder;
  return {
    users: 0,
    restore() {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

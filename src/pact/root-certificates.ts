import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The variables by which Pact's Rust core (rustls-native-certs) finds the system's root certificates. */
const CERTIFICATE_VARIABLES = ['SSL_CERT_FILE', 'SSL_CERT_DIR'] as const;

/**
 * Runs `work` with Pact's verifier given no root certificate it could trust, when it needs none.
 *
 * The verifier (pact_ffi) builds an HTTP client with the system's root certificates for every request it
 * sends and reads every file of /etc/ssl/certs each time: 15,000 file opens for this project's 51
 * interactions with pact-core 20, a third of a verification's time. When it speaks only plain HTTP
 * to the loopback relay and perhaps a broker at an http URL (`needsTls` false) a file and folder holding
 * one placeholder root are enough. Node's own TLS (the relay to an https target) keeps its bundled store, unless
 * Node was told to use OpenSSL's (`--use-openssl-ca`), which reads the same variables: then nothing changes.
 */
export async function withoutRootCertificates<T>(needsTls: boolean, work: () => Promise<T>): Promise<T> {
  const nodeOptions = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  if (needsTls || nodeOptions.includes('--use-openssl-ca')) return work();
  placeholderCertificates ??= pointAtPlaceholderCertificates();
  placeholderCertificates.users += 1;
  try {
    return await work();
  } finally {
    // The last of verifications that overlap in one process puts the variables back.
    placeholderCertificates.users -= 1;
    if (placeholderCertificates.users === 0) {
      placeholderCertificates.restore();
      placeholderCertificates = undefined;
    }
  }
}

/**
 * A self-signed root whose private key was discarded when it was made: it can anchor no chain, so it
 * trusts nothing. pact-core 20 refuses to build its HTTP client with no root at all ("builder error").
 */
export const PLACEHOLDER_ROOT_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIB0TCCAXegAwIBAgIUM5yEq+LDRm6cBuHbqLL06s40SnowCgYIKoZIzj0EAwIw
PTE7MDkGA1UEAwwyZmxvd3MtY29uZm9ybWFuY2UgcGxhY2Vob2xkZXIgcm9vdCAo
a2V5IGRpc2NhcmRlZCkwIBcNMjYxMjA3MDkwODI2WhgPMjEyNjExMTMwOTA4MjZa
MD0xOzA5BgNVBAMMMmZsb3dzLWNvbmZvcm1hbmNlIHBsYWNlaG9sZGVyIHJvb3Qg
KGtleSBkaXNjYXJkZWQpMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEUXIbpn6v
jfPg8TQ+l8XgY4ws+Xr4cuGX7rJiYkc6RsX3ZbuFZARNwYyTwH2mwPLvtyha3Q6H
sm6cKCWvPlOtzKNTMFEwHQYDVR0OBBYEFCFwXq+oEocdJnoJvedC6JtrPB89MB8G
A1UdIwQYMBaAFCFwXq+oEocdJnoJvedC6JtrPB89MA8GA1UdEwEB/wQFMAMBAf8w
CgYIKoZIzj0EAwIDSAAwRQIhAJFdaTLb7IX0Ik7v9RmYwBBp4Pv2gg3jsp818to3
8VY7AiBkZu8upJ+L2cszka6V63K7jbWTg4IMjYWA7spDJIffCA==
-----END CERTIFICATE-----
`;

interface PlaceholderCertificates {
  users: number;
  restore(): void;
}

let placeholderCertificates: PlaceholderCertificates | undefined;

function pointAtPlaceholderCertificates(): PlaceholderCertificates {
  const saved = CERTIFICATE_VARIABLES.map((name) => [name, process.env[name]] as const);
  const folder = mkdtempSync(path.join(tmpdir(), 'flows-no-certificates-'));
  const file = path.join(folder, 'placeholder-root.pem');
  writeFileSync(file, PLACEHOLDER_ROOT_CERTIFICATE);
  process.env.SSL_CERT_FILE = file;
  process.env.SSL_CERT_DIR = folder;
  // A process stopped mid-verification (a second Ctrl-C) still leaves no folder behind.
  const removeFolder = () => rmSync(folder, { recursive: true, force: true });
  process.once('exit', removeFolder);
  return {
    users: 0,
    restore() {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      process.off('exit', removeFolder);
      removeFolder();
    },
  };
}

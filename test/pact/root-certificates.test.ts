import { expect } from 'chai';
import { X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { PLACEHOLDER_ROOT_CERTIFICATE, withoutRootCertificates } from '../../src/pact/root-certificates';

const certificateVariables = () => ({ file: process.env.SSL_CERT_FILE, dir: process.env.SSL_CERT_DIR });

describe('pact: the verifier without root certificates where it speaks only plain HTTP', () => {
  let saved: ReturnType<typeof certificateVariables>;
  beforeEach(() => (saved = certificateVariables()));
  afterEach(() => {
    for (const [name, value] of [
      ['SSL_CERT_FILE', saved.file],
      ['SSL_CERT_DIR', saved.dir],
    ] as const)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  });

  it('points both variables at a file and folder holding only the placeholder root while the work runs, then removes them', async () => {
    delete process.env.SSL_CERT_FILE;
    process.env.SSL_CERT_DIR = '/etc/ssl/certs';
    const seen = await withoutRootCertificates(false, async () => ({
      ...certificateVariables(),
      fileText: readFileSync(process.env.SSL_CERT_FILE!, 'utf8'),
      folderFiles: readdirSync(process.env.SSL_CERT_DIR!),
    }));
    expect(seen.fileText).to.equal(PLACEHOLDER_ROOT_CERTIFICATE);
    expect(seen.folderFiles).to.deep.equal(['placeholder-root.pem']);
    expect(seen.dir).to.not.equal('/etc/ssl/certs');
    expect(certificateVariables()).to.deep.equal({ file: undefined, dir: '/etc/ssl/certs' });
    expect(existsSync(seen.dir!)).to.equal(false);
  });

  it('the placeholder is a well-formed self-signed root, valid for decades (pact-core parses it)', () => {
    const root = new X509Certificate(PLACEHOLDER_ROOT_CERTIFICATE);
    expect(root.ca).to.equal(true);
    expect(root.verify(root.publicKey), 'self-signed').to.equal(true);
    expect(new Date(root.validTo).getUTCFullYear()).to.be.at.least(2100);
  });

  it('leaves the certificates alone when the verifier talks TLS (a broker, published results)', async () => {
    process.env.SSL_CERT_FILE = '/etc/ssl/certs/ca-certificates.crt';
    const seen = await withoutRootCertificates(true, async () => certificateVariables());
    expect(seen.file).to.equal('/etc/ssl/certs/ca-certificates.crt');
  });

  it('puts the variables back when the work fails', async () => {
    process.env.SSL_CERT_FILE = '/somewhere/ca.pem';
    const failing = withoutRootCertificates(false, () => Promise.reject(new Error('verifier broke')));
    await failing.then(
      () => expect.fail('should have failed'),
      (error: Error) => expect(error.message).to.equal('verifier broke'),
    );
    expect(process.env.SSL_CERT_FILE).to.equal('/somewhere/ca.pem');
  });

  it('verifications that overlap share the placeholder certificates; the last to end puts the variables back', async () => {
    process.env.SSL_CERT_DIR = '/etc/ssl/certs';
    let endFirst = () => {};
    const first = withoutRootCertificates(
      false,
      () =>
        new Promise<string | undefined>((resolve) => (endFirst = () => resolve(process.env.SSL_CERT_DIR))),
    );
    const second = await withoutRootCertificates(false, async () => process.env.SSL_CERT_DIR);
    expect(process.env.SSL_CERT_DIR, 'while the first still runs').to.equal(second);
    endFirst();
    expect(await first).to.equal(second);
    expect(process.env.SSL_CERT_DIR).to.equal('/etc/ssl/certs');
  });
});

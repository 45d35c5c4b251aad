import { UsageError } from '../errors';

/** A broker base URL: http(s), no credentials in it (they come from PACT_BROKER_* variables). */
export function brokerUrlOf(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--broker-url is not a URL: "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError('--broker-url must be http(s)');
  if (url.username || url.password)
    throw new UsageError(
      '--broker-url must not hold credentials; set PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD',
    );
  return text.replace(/\/+$/, '');
}

/** A version, branch or tag as the broker takes it: one line, no blanks. */
export function brokerValueOf(flag: string, value: string | undefined): string {
  if (value === undefined || !/^[^\s/][^\s]{0,199}$/.test(value))
    throw new UsageError(`${flag} must be a non-blank word (got "${value ?? ''}")`);
  return value;
}

/**
 * The fetch of the provider-state set-up client (the Import of `application … has flows`): it follows
 * no redirect, since following one would send the bundle, and with some clients the token, to whatever
 * host the target names. A 3xx is a failure of the state set-up, with a one-line reason.
 */
export class RedirectRefused extends Error {
  override readonly name = 'RedirectRefused';
}

/** Where a redirect pointed, without its query (which could carry anything). */
function destination(location: string | null, from: string): string {
  if (!location) return 'nowhere';
  try {
    const url = new URL(location, from);
    return `${url.origin}${url.pathname}`;
  } catch {
    return 'an unparsable Location';
  }
}

export function setupFetch(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, {
      ...init,
      redirect: 'manual',
      signal: init?.signal ?? AbortSignal.timeout(timeoutMs),
    });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      const url = new URL(input instanceof Request ? input.url : String(input));
      throw new RedirectRefused(
        `${init?.method ?? 'GET'} ${url.pathname} answered ${response.status} redirecting to ` +
          `${destination(response.headers.get('location'), url.href)}; verify follows no redirect`,
      );
    }
    return response;
  };
}

import autocannon from 'autocannon';

/** autocannon on one URL with a bearer token; connection errors throw (a broken run gives no figure). */
export async function loadWith(
  url: string,
  token: string,
  options: { readonly connections: number; readonly seconds: number },
): Promise<autocannon.Result> {
  const result = await autocannon({
    url,
    headers: { authorization: `Bearer ${token}` },
    connections: options.connections,
    duration: options.seconds,
  });
  if (result.errors > 0) throw new Error(`${url}: ${result.errors} connection errors`);
  return result;
}

/** The same, for the figures that count only 2xx answers. */
export async function loadAllOk(
  url: string,
  token: string,
  options: { readonly connections: number; readonly seconds: number },
): Promise<autocannon.Result> {
  const result = await loadWith(url, token, options);
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
  return result;
}

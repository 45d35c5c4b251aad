import type { ApplicationState } from './store';

/** Entries kept before the cache starts over; each is one serialized page. */
const MAX_ENTRIES = 512;

/**
 * Serialized collection pages, keyed by application, action and raw query, valid while the
 * application's generation is unchanged (every store mutation bumps it). A repeated Get then costs a
 * map lookup and one write of cached bytes.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { readonly generation: number; readonly body: Buffer }>();

  get(application: ApplicationState, key: string): Buffer | undefined {
    const entry = this.entries.get(`${application.id} ${key}`);
    return entry && entry.generation === application.generation ? entry.body : undefined;
  }

  set(application: ApplicationState, key: string, body: string): Buffer {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const bytes = Buffer.from(body);
    this.entries.set(`${application.id} ${key}`, { generation: application.generation, body: bytes });
    return bytes;
  }
}

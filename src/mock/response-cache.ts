import type { ApplicationState } from './store';

/** Entries kept before the cache starts over; each is one serialized page. */
export const DEFAULT_PAGE_CACHE_ENTRIES = 512;

/**
 * Serialized collection pages, keyed by application, action and raw query, valid while the
 * application's generation is unchanged (every store mutation bumps it). A repeated Get then costs a
 * map lookup and one write of cached bytes.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { readonly generation: number; readonly body: Buffer }>();

  /** With a capacity of 0 nothing is kept: every Get builds its page (for the benchmark). */
  constructor(private readonly capacity = DEFAULT_PAGE_CACHE_ENTRIES) {}

  get(application: ApplicationState, key: string): Buffer | undefined {
    const entry = this.entries.get(`${application.id} ${key}`);
    return entry && entry.generation === application.generation ? entry.body : undefined;
  }

  set(application: ApplicationState, key: string, body: string): Buffer {
    const bytes = Buffer.from(body);
    if (this.capacity === 0) return bytes;
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(`${application.id} ${key}`, { generation: application.generation, body: bytes });
    return bytes;
  }
}

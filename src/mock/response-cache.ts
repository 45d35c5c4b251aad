import type { ApplicationState } from './store';

/** Bytes of pages (and their keys) kept before the least recently used are dropped. */
export const DEFAULT_PAGE_CACHE_BYTES = 64 * 1024 * 1024;

/** What an entry costs besides its body: its key (UTF-16) and the bookkeeping, roughly. */
const entryOverhead = (key: string): number => key.length * 2 + 128;

interface Entry {
  readonly generation: number;
  readonly body: Buffer;
  readonly cost: number;
}

/**
 * Serialized collection pages, keyed by application, action and the normalised query (what changes the
 * answer, never the raw text), valid while the application's generation is unchanged (every store
 * mutation bumps it). A repeated Get then costs a map lookup and one write of cached bytes. Bounded by
 * bytes, least recently used first out: a client making pages distinct cannot grow the process.
 */
export class ResponseCache {
  /** In order of use, least recent first (a Map keeps insertion order). */
  private readonly entries = new Map<string, Entry>();
  private held = 0;

  /** With a budget of 0 nothing is kept: every Get builds its page (for the benchmark). */
  constructor(readonly maxBytes = DEFAULT_PAGE_CACHE_BYTES) {}

  /** Bytes held now (bodies, keys and bookkeeping); never above `maxBytes`. */
  get bytes(): number {
    return this.held;
  }

  get size(): number {
    return this.entries.size;
  }

  get(application: ApplicationState, key: string): Buffer | undefined {
    const fullKey = `${application.id} ${key}`;
    const entry = this.entries.get(fullKey);
    if (!entry) return undefined;
    this.entries.delete(fullKey);
    if (entry.generation !== application.generation) {
      this.held -= entry.cost;
      return undefined;
    }
    this.entries.set(fullKey, entry);
    return entry.body;
  }

  /** `generation`: the application's generation the body was built from (a later one is not cached). */
  set(application: ApplicationState, key: string, body: string, generation = application.generation): Buffer {
    const bytes = Buffer.from(body);
    const fullKey = `${application.id} ${key}`;
    const cost = bytes.length + entryOverhead(fullKey);
    if (cost > this.maxBytes || generation !== application.generation) return bytes;
    const previous = this.entries.get(fullKey);
    if (previous) {
      this.entries.delete(fullKey);
      this.held -= previous.cost;
    }
    for (const [oldest, entry] of this.entries) {
      if (this.held + cost <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.held -= entry.cost;
    }
    this.entries.set(fullKey, { generation: application.generation, body: bytes, cost });
    this.held += cost;
    return bytes;
  }
}

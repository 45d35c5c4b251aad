/**
 * Aho-Corasick over a set of secrets: one pass over a text finds every occurrence of every secret,
 * whatever their number, in time linear in the text (plus the matches). Built once per set.
 */
interface State {
  /** Children by UTF-16 code unit; most states of random tokens have one, so no Map until a second. */
  only?: number;
  onlyNext?: State;
  next?: Map<number, State>;
  fail: State;
  readonly depth: number;
  /** The length of the longest secret ending at this state (itself or along its failure links), or 0. */
  longest: number;
}

const newState = (depth: number, fail?: State): State => {
  const state = { depth, longest: 0 } as State;
  state.fail = fail ?? state;
  return state;
};

function childOf(state: State, code: number): State | undefined {
  if (state.only === code) return state.onlyNext;
  return state.next?.get(code);
}

function addChild(state: State, code: number, child: State): void {
  if (state.onlyNext === undefined && state.next === undefined) {
    state.only = code;
    state.onlyNext = child;
    return;
  }
  if (state.next === undefined) {
    state.next = new Map([[state.only as number, state.onlyNext as State]]);
    state.only = undefined;
    state.onlyNext = undefined;
  }
  state.next.set(code, child);
}

function* childrenOf(state: State): Generator<[number, State]> {
  if (state.onlyNext !== undefined) yield [state.only as number, state.onlyNext];
  if (state.next) yield* state.next;
}

export class SecretAutomaton {
  private readonly root = newState(0);

  constructor(secrets: Iterable<string>) {
    for (const secret of secrets) this.insert(secret);
    this.link();
  }

  private insert(secret: string): void {
    let state = this.root;
    for (let index = 0; index < secret.length; index++) {
      const code = secret.charCodeAt(index);
      let child = childOf(state, code);
      if (!child) {
        child = newState(state.depth + 1, this.root);
        addChild(state, code, child);
      }
      state = child;
    }
    state.longest = secret.length;
  }

  /** Failure links, breadth first; `longest` inherited along them. */
  private link(): void {
    const queue: State[] = [this.root];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      for (const [code, child] of childrenOf(state)) {
        if (state !== this.root) {
          child.fail = this.step(state.fail, code);
          if (child.longest === 0) child.longest = child.fail.longest;
        }
        queue.push(child);
      }
    }
  }

  private step(from: State, code: number): State {
    let state = from;
    for (;;) {
      const child = childOf(state, code);
      if (child) return child;
      if (state === this.root) return this.root;
      state = state.fail;
    }
  }

  /** The spans [start, end) covered by occurrences of the secrets, overlapping ones merged, in order. */
  spans(text: string): [number, number][] {
    const spans: [number, number][] = [];
    let state = this.root;
    for (let index = 0; index < text.length; index++) {
      state = this.step(state, text.charCodeAt(index));
      if (state.longest === 0) continue;
      let start = index + 1 - state.longest;
      while (spans.length > 0 && start <= spans[spans.length - 1][1] - 1)
        start = Math.min(start, (spans.pop() as [number, number])[0]);
      spans.push([start, index + 1]);
    }
    return spans;
  }

  /** The longest end of `text` that is the beginning of a secret (the automaton's state after it). */
  prefixAtEnd(text: string): number {
    let state = this.root;
    for (let index = 0; index < text.length; index++) state = this.step(state, text.charCodeAt(index));
    return state.depth;
  }
}

/** Every secret's span in the text replaced by `mark`. */
export function replaceSpans(text: string, spans: readonly [number, number][], mark: string): string {
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    out += text.slice(at, start) + mark;
    at = end;
  }
  return out + text.slice(at);
}

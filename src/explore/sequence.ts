import fc from 'fast-check';
import type { Exchange } from '../checks/context';
import { TransportError, type HttpResponse, type Transport } from '../http/transport';
import type { Answer } from '../model/resource/answer';
import { judgeStep } from '../model/resource/step';
import { emptyState, type ModelState } from '../model/resource/state';
import type { Difference } from '../model/resource/verdict';
import type { StepSpec } from './draws';
import { concreteStep, type ExploreTarget } from './requests';

/** The first difference of a sequence; thrown so that fast-check shrinks the sequence that shows it. */
export class ModelDisagrees extends Error {
  override readonly name = 'ModelDisagrees';
  constructor(
    readonly difference: Difference,
    readonly exchanges: readonly Exchange[],
  ) {
    super(`${difference.level} ${difference.rule}: ${difference.message}`);
  }
}

export interface SequenceWorld {
  readonly transport: Transport;
  readonly target: ExploreTarget;
  /** Fails on SHOULD differences too (the first phase); else they are only noted. */
  failOnShould: boolean;
  /** A fresh prefix for each sequence, so that sequences never see each other's flows. */
  nextPrefix(): string;
  requests: number;
}

interface Model {
  state: ModelState;
}
interface Real {
  readonly world: SequenceWorld;
  readonly prefix: string;
  readonly exchanges: Exchange[];
}

const answerOf = (response: HttpResponse): Answer => ({
  status: response.status,
  headers: response.headers,
  body: response.json.ok ? response.json.value : undefined,
  text: response.bodyText,
});

const NO_ANSWER = (error: Error): HttpResponse => ({
  status: 0,
  headers: {},
  bodyText: '',
  json: { ok: false, error: error.message },
  durationMs: 0,
});

/** One step of a sequence: sent to the target, replayed on the model, the answer compared with it. */
class StepCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly spec: StepSpec) {}

  check(): boolean {
    return true;
  }

  async run(model: Model, real: Real): Promise<void> {
    const { world } = real;
    const { http, model: request } = concreteStep(this.spec, real.prefix, model.state, world.target);
    const sentAt = Date.now();
    world.requests += 1;
    const response = await world.transport.send(http).catch((error: unknown) => {
      if (error instanceof TransportError) return NO_ANSWER(error);
      throw error;
    });
    real.exchanges.push({ request: http, response, sentAt });
    if (response.status === 0)
      throw new ModelDisagrees(
        {
          rule: 'answered',
          level: 'MUST',
          pointer: '',
          message: `no usable answer: ${response.json.ok ? '' : response.json.error}`,
          location: 'docs/reference-decisions.md API-wide conventions',
        },
        real.exchanges,
      );
    const verdict = judgeStep(model.state, request, answerOf(response), sentAt);
    model.state = verdict.state;
    const must = verdict.differences.find((difference) => difference.level === 'MUST');
    const should = verdict.differences.find((difference) => difference.level === 'SHOULD');
    if (must) throw new ModelDisagrees(must, real.exchanges);
    if (should && world.failOnShould) throw new ModelDisagrees(should, real.exchanges);
  }

  toString(): string {
    return JSON.stringify(this.spec);
  }
}

export const stepCommand = (spec: StepSpec): StepCommand => new StepCommand(spec);

/** Runs one sequence of commands against the target and the model side by side. */
export async function runSequence(
  world: SequenceWorld,
  commands: Iterable<fc.AsyncCommand<Model, Real>>,
): Promise<void> {
  const real: Real = { world, prefix: world.nextPrefix(), exchanges: [] };
  await fc.asyncModelRun(() => ({ model: { state: emptyState() }, real }), commands);
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import {
  createMockServer,
  MOCK_APPLICATION_ID,
  MOCK_OTHER_APPLICATION_ID,
  type FaultName,
  type MockOptions,
  type MockServer,
} from '../../src/mock';
import { FIXTURE_DIR } from '../../src/paths';

export const APP = MOCK_APPLICATION_ID;
export const OTHER_APP = MOCK_OTHER_APPLICATION_ID;
export const UNKNOWN_APP = '575ec8687ae143cd83dc4aff';
export const ADMIN = 'test-admin-token';
export const FLOWS = `/applications/${APP}/flows`;

export const readFixture = (...parts: string[]): unknown =>
  JSON.parse(readFileSync(path.join(FIXTURE_DIR, ...parts), 'utf8')) as unknown;

/** The example seed: ids 5a..01-07 are flows, 5c..01-05 versions (see the file). */
export const exampleSeed = (): unknown => readFixture('seeds', 'example.json');

export interface TestMock {
  readonly mock: MockServer;
  get(url: string, token?: string): request.Test;
  post(url: string, body?: unknown, token?: string): request.Test;
  del(url: string, token?: string): request.Test;
  close(): Promise<void>;
}

export async function startMock(options: MockOptions = {}): Promise<TestMock> {
  const mock = await createMockServer({ adminToken: ADMIN, ...options });
  const withToken = (test: request.Test, token: string | undefined) =>
    token === '' ? test : test.set('Authorization', `Bearer ${token ?? ADMIN}`);
  return {
    mock,
    get: (url, token) => withToken(request(mock.server).get(url), token),
    post: (url, body, token) => {
      const test = withToken(request(mock.server).post(url), token);
      return body === undefined ? test : test.send(body as object);
    },
    del: (url, token) => withToken(request(mock.server).delete(url), token),
    close: () => mock.close(),
  };
}

export const seeded = (faults: readonly FaultName[] = []): Promise<TestMock> =>
  startMock({ seed: exampleSeed(), faults });

export const namesOf = (body: { items: { name: string }[] }): string[] => body.items.map((item) => item.name);
export const idsOf = (body: { items: { id: string }[] }): string[] => body.items.map((item) => item.id);

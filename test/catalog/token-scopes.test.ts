import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { APPLICATION_TOKEN_SCOPES, USER_ONLY_SCOPES } from '../../specs/catalog';

/** Decision 15 names the reference's Application API Token Post; the official client ships its schema. */
const referenceEnum = (): string[] => {
  const file = require.resolve('losant-rest/lib/schemas/applicationApiTokenPost.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as {
    properties: { scope: { items: { enum: string[] } } };
  };
  return schema.properties.scope.items.enum;
};

describe('catalog: the scopes an application token may be made with (decision 15)', () => {
  it('are exactly those of the Application API Token Post of the official client', () => {
    expect([...APPLICATION_TOKEN_SCOPES].sort()).to.deep.equal([...referenceEnum()].sort());
  });

  it('hold none of the scopes only a user token gives', () => {
    const mintable = new Set<string>(APPLICATION_TOKEN_SCOPES);
    expect(USER_ONLY_SCOPES.filter((scope) => mintable.has(scope))).to.deep.equal([]);
  });
});

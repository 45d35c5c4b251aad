import { expect } from 'chai';
import { ACTIONS, pathFor, type QueryParameter } from '../../specs/catalog';
import { validatorFor } from '../../src/schemas/registry';
import { APP, seeded, type TestMock } from './helpers';

/** Invalid values of each parameter kind, from the catalog (decision 3). */
function invalidValues(parameter: QueryParameter): string[] {
  const name = parameter.name;
  switch (parameter.value.kind) {
    case 'enum':
      return [
        `${name}=bogus`,
        `${name}=${parameter.value.acceptedValues[0].toUpperCase()}x`,
        `${name}=a&${name}=b`,
      ];
    case 'nonNegativeInteger': {
      const values = [`${name}=-1`, `${name}=1.5`, `${name}=abc`, `${name}=1e3`];
      if (parameter.value.minimum !== undefined) values.push(`${name}=${parameter.value.minimum - 1}`);
      if (parameter.value.shouldMaximum !== undefined)
        values.push(`${name}=${parameter.value.shouldMaximum + 1}`);
      return values;
    }
    case 'triggerFilter':
      return [
        `${name}=webhook`,
        `${name}[type]=webhook`,
        `${name}[0][bogus]=x`,
        `${name}[0][type][deep]=x`,
        `${name}[0][type]=${'x'.repeat(1025)}`,
      ];
    case 'boolean':
      // Exactly `true` or `false`, case-sensitive (docs/decisions.md P5), as the pacts read them too.
      return [`${name}=maybe`, `${name}=TRUE`, `${name}=False`];
    default:
      return [];
  }
}

describe('mock: query validation (decision 3)', () => {
  let t: TestMock;
  before(async () => {
    t = await seeded();
  });
  after(() => t.close());

  for (const action of ACTIONS.filter((candidate) => candidate.method === 'GET')) {
    const required = action.query
      .filter((parameter) => parameter.required)
      .map((parameter) => parameter.example);
    const url = (extra: string) =>
      `${pathFor(action, { APPLICATION_ID: APP })}?${[...required, extra].filter(Boolean).join('&')}`;
    for (const parameter of action.query) {
      for (const query of invalidValues(parameter)) {
        it(`${action.id}: ${query.slice(0, 60)} gets 400 naming ${parameter.name}`, async () => {
          const response = await t.get(url(query));
          expect(response.status).to.equal(400);
          expect(validatorFor('error')(response.body)).to.deep.equal([]);
          expect(response.body.message).to.include(parameter.name);
        });
      }
      it(`${action.id}: the reference's example ${parameter.example.slice(0, 50)} is accepted`, async () => {
        const response = await t.get(url(parameter.required ? '' : parameter.example));
        expect(response.status, response.text).to.equal(200);
      });
    }
    it(`${action.id}: unknown parameters (_actions, _links, _embedded) are ignored`, async () => {
      const response = await t.get(url('_actions=false&_links=true&_embedded=true&whatever=1'));
      expect(response.status).to.equal(200);
    });
    it(`${action.id}: blank filter and filterField mean no filtering`, async () => {
      const plain = await t.get(url(''));
      const blank = await t.get(url('filter=&filterField='));
      expect(blank.status).to.equal(200);
      expect(blank.body.items).to.deep.equal(plain.body.items);
    });
  }

  it('Get by Version without version gets 400 naming it', async () => {
    const response = await t.get(`/applications/${APP}/flows/version`);
    expect(response.status).to.equal(400);
    expect(response.body.message).to.include('version');
  });

  it('Get by Version with a blank version gets 400', async () => {
    expect((await t.get(`/applications/${APP}/flows/version?version=`)).status).to.equal(400);
  });

  it('Post with includeCustomNodes=maybe gets 400 and creates nothing', async () => {
    const before = t.mock.store.application(APP)?.flows.size;
    const response = await t.post(`/applications/${APP}/flows?includeCustomNodes=maybe`, { name: 'nope' });
    expect(response.status).to.equal(400);
    expect(t.mock.store.application(APP)?.flows.size).to.equal(before);
  });

  it('too many query parameters get 400, not a crash', async () => {
    const query = Array.from({ length: 500 }, (_, index) => `p${index}=1`).join('&');
    const response = await t.get(`/applications/${APP}/flows?${query}`);
    expect(response.status).to.equal(400);
    expect(validatorFor('error')(response.body)).to.deep.equal([]);
  });

  it('a triggerFilter array over 100 entries gets 400', async () => {
    const query = Array.from({ length: 101 }, (_, index) => `triggerFilter[${index}][type]=webhook`).join(
      '&',
    );
    expect((await t.get(`/applications/${APP}/flows?${query}`)).status).to.equal(400);
  });

  it('percent-encoded garbage in a value is just a value', async () => {
    const response = await t.get(`/applications/${APP}/flows?filterField=name&filter=%E0%A4%A`);
    expect(response.status).to.equal(200);
    expect(response.body.items).to.deep.equal([]);
  });
});

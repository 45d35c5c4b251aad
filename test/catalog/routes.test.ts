import { expect } from 'chai';
import {
  ACTIONS,
  AUXILIARY_ROUTES,
  actionAt,
  actionById,
  auxiliaryRoute,
  matchPath,
  pathFor,
  pathValuesByKey,
  providerStateTemplate,
  routePattern,
  templateNames,
  type ActionSpec,
  type RouteSpec,
} from '../../specs/catalog';
import { validatorFor } from '../../src/schemas/registry';

const ALL_ROUTES: readonly RouteSpec[] = [...ACTIONS, ...AUXILIARY_ROUTES];
const APP = '575ec8687ae143cd83dc4a97';

/** Why an action's 400 recipe would not provoke a 400 (a value the parameter accepts, a body that validates). */
function recipeProblems(action: ActionSpec): string[] {
  const recipe = action.badRequest;
  switch (recipe.by) {
    case 'query': {
      const parameter = action.query.find((candidate) => candidate.name === recipe.parameter);
      if (!parameter) return [`no query parameter ${recipe.parameter}`];
      if (parameter.value.kind !== 'enum') return [`${recipe.parameter} is not an enum`];
      return parameter.value.acceptedValues.includes(recipe.value)
        ? [`${recipe.parameter} accepts ${recipe.value}`]
        : [];
    }
    case 'body':
      if (!action.requestBody) return ['a body recipe for an action without a body'];
      return validatorFor(action.requestBody.schema)(recipe.body).length === 0
        ? [`the body is a valid ${action.requestBody.schema}`]
        : [];
    case 'path': {
      const parameter = action.pathParameters.find((candidate) => candidate.name === recipe.parameter);
      if (!parameter) return [`no path parameter ${recipe.parameter}`];
      return new RegExp(parameter.pattern).test(recipe.value)
        ? [`${recipe.value} matches ${parameter.pattern}`]
        : [];
    }
  }
}

describe('catalog: routes and path parameters', () => {
  for (const route of ALL_ROUTES)
    it(`${route.method} ${route.pathTemplate}: its parameters are exactly its template's components, each example well-formed`, () => {
      expect(route.pathParameters.map((parameter) => parameter.name)).to.deep.equal(
        templateNames(route.pathTemplate),
      );
      for (const parameter of route.pathParameters)
        expect(parameter.example).to.match(new RegExp(parameter.pattern));
    });

  it('pathFor fills every parameter, percent-encoded', () => {
    const flowDelete = auxiliaryRoute('flow.delete');
    expect(pathFor(flowDelete, { APPLICATION_ID: APP, FLOW_ID: 'a/b c' })).to.equal(
      `/applications/${APP}/flows/a%2Fb%20c`,
    );
    expect(pathFor(auxiliaryRoute('auth.user'), {})).to.equal('/auth/user');
  });

  it('pathFor refuses a missing parameter, naming it and the route', () => {
    expect(() => pathFor(auxiliaryRoute('flow.delete'), { APPLICATION_ID: APP })).to.throw(
      'DELETE /applications/{APPLICATION_ID}/flows/{FLOW_ID}: no value for path parameter FLOW_ID',
    );
  });

  it('the router form, the pact form and the keyed values derive from the same template', () => {
    const revoke = auxiliaryRoute('applicationToken.delete');
    expect(routePattern(revoke)).to.equal('/applications/:applicationId/tokens/:apiTokenId');
    expect(providerStateTemplate(revoke)).to.equal('/applications/${applicationId}/tokens/${apiTokenId}');
    expect(providerStateTemplate(revoke, { API_TOKEN_ID: 'x y' })).to.equal(
      '/applications/${applicationId}/tokens/x%20y',
    );
    expect(pathValuesByKey(revoke, { applicationId: APP, other: 'ignored' })).to.deep.equal({
      APPLICATION_ID: APP,
    });
  });

  it('matchPath reads the values back; actionAt prefers the static segment', () => {
    expect(matchPath(auxiliaryRoute('flow.delete'), `/applications/${APP}/flows/f%201`)).to.deep.equal({
      APPLICATION_ID: APP,
      FLOW_ID: 'f 1',
    });
    expect(matchPath(actionById('flows.get'), `/applications/${APP}/flows/extra`)).to.equal(undefined);
    expect(matchPath(actionById('flows.get'), '/applications/%E0%A4%A/flows')).to.deep.equal({
      APPLICATION_ID: '%E0%A4%A',
    });
    expect(actionAt('GET', `/applications/${APP}/flows/version`)?.id).to.equal('flows.getByVersion');
    expect(actionAt('POST', `/applications/${APP}/flows/import`)?.id).to.equal('flows.import');
    expect(actionAt('DELETE', `/applications/${APP}/flows`)).to.equal(undefined);
  });

  it('the auxiliary routes lie outside the reference: no action shares a method and template with one', () => {
    for (const route of AUXILIARY_ROUTES) {
      expect(route.outsideReference, route.id).to.equal(true);
      expect(
        ACTIONS.some(
          (action) => action.method === route.method && action.pathTemplate === route.pathTemplate,
        ),
        route.id,
      ).to.equal(false);
    }
  });
});

describe('catalog: kinds and 400 recipes', () => {
  it('every action has a kind that fits its method: reads are GETs, creates are POSTs with a body', () => {
    for (const action of ACTIONS) {
      if (action.kind === 'create') {
        expect(action.method, action.id).to.equal('POST');
        expect(action.requestBody, action.id).to.not.equal(undefined);
      } else expect(action.method, action.id).to.equal('GET');
    }
  });

  for (const action of ACTIONS)
    it(`${action.id}: its 400 recipe (${action.badRequest.by}) is refused by the catalog's own rules`, () => {
      expect(recipeProblems(action)).to.deep.equal([]);
    });

  it('a recipe that would not provoke a 400 is caught', () => {
    const get = actionById('flows.get');
    const post = actionById('flows.post');
    expect(
      recipeProblems({ ...get, badRequest: { by: 'query', parameter: 'sortField', value: 'name' } }),
    ).to.deep.equal(['sortField accepts name']);
    expect(
      recipeProblems({ ...get, badRequest: { by: 'query', parameter: 'colour', value: 'x' } }),
    ).to.deep.equal(['no query parameter colour']);
    expect(
      recipeProblems({ ...post, badRequest: { by: 'body', body: { name: 'fine' }, breaks: 'nothing' } }),
    ).to.deep.equal(['the body is a valid workflowPost']);
    expect(
      recipeProblems({ ...get, badRequest: { by: 'path', parameter: 'APPLICATION_ID', value: APP } }),
    ).to.deep.equal([`${APP} matches ^[A-Fa-f\\d]{24}$`]);
  });
});

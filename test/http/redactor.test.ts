import { expect } from 'chai';
import { MAX_SECRET_LENGTH, Redactor, SECRET_STORE_UNITS } from '../../src/http/redact';

const SECRET = 'hunter2-Sekret-9f8e7d';

/** Each place a credential can stand, by its name, with SECRET in it. */
const PLACED: Readonly<Record<string, string>> = {
  'Authorization header': `Authorization: Bearer ${SECRET}`,
  'Cookie header': `Cookie: sid=${SECRET}`,
  'Set-Cookie header': `Set-Cookie: sid=${SECRET}; HttpOnly`,
  'X-Api-Key header': `curl -H 'X-Api-Key: ${SECRET}' http://127.0.0.1/`,
  'access_token query': `GET /flows?page=1&access_token=${SECRET}&x=1`,
  'api_key query': `GET /flows?api_key=${SECRET}`,
  'percent-encoded name': `GET /flows?access%5Ftoken=${SECRET}`,
  'form password': `email=a%40b.c&password=${SECRET}`,
  'form pwd and pass': `pwd=${SECRET}&pass=${SECRET}`,
  'JSON password': `{"email":"a@b.c","password":"${SECRET}"}`,
  'JSON apiKey, credential, clientSecret': `{"apiKey":"${SECRET}","credential":"${SECRET}","clientSecret":"${SECRET}"}`,
  'JSON password nested 12 deep': `${'{"a":'.repeat(12)}{"password":"${SECRET}"}${'}'.repeat(12)}`,
  'JSON tokens as an array': `{"tokens":["${SECRET}","${SECRET}"]}`,
  'JSON credentials as an object': `{"credentials":{"user":"${SECRET}","other":"${SECRET}"}}`,
  'JSON cut short': `{"access_token":"${SECRET.slice(0, 12)}`,
  'JSON numeric password': `{"password": 987654321123}`,
};

describe('http: one redaction, by structure', () => {
  const redactor = new Redactor();
  for (const [place, text] of Object.entries(PLACED))
    it(`${place}: the credential is gone`, () => {
      const shown = redactor.redact(text);
      expect(shown).not.to.include(SECRET.slice(0, 12));
      expect(shown).not.to.include('987654321123');
      expect(shown).to.include('[REDACTED]');
    });

  it('a body over 1 MiB: the password after it is gone', () => {
    const body = `{"filler":"${'x'.repeat(1.5 * 1024 * 1024)}","password":"${SECRET}"}`;
    expect(redactor.redact(body)).not.to.include(SECRET);
  });

  it('leaves alone what names no secret: a flow trigger’s bare key, passed counts, URLs, curl’s token label', () => {
    const text = `{"key":"trigger-1","passed":3} GET /flows?page=1&sortField=name&triggerFilter[0][key]=575ed78e https://h/x curl -H 'Authorization: Bearer <token with flows.get>'`;
    expect(redactor.redact(text)).to.equal(text);
  });
});

describe('http: one redaction, by value', () => {
  it('every secret, each in one pass over the text, wherever it stands', () => {
    const secrets = Array.from({ length: 2000 }, (_, index) => `tok-${index}-${'q'.repeat(20)}`);
    const redactor = new Redactor(secrets);
    const text = secrets.map((secret) => `echo ${secret};`).join(' ');
    const shown = redactor.redactValues(text);
    expect(shown).not.to.match(/tok-\d+/);
    expect(shown.split('[REDACTED]').length - 1).to.equal(2000);
  });

  it('overlapping secrets leave no piece of either', () => {
    expect(new Redactor(['abcdef', 'defghi']).redactValues('xabcdefghiy')).to.equal('x[REDACTED]y');
  });

  it('the store is bounded: past it a secret is not held, and is still redacted by its name', () => {
    const redactor = new Redactor();
    const big = 'p'.repeat(MAX_SECRET_LENGTH);
    for (let index = 0; index < SECRET_STORE_UNITS / MAX_SECRET_LENGTH; index++)
      redactor.add(`${index}${big.slice(String(index).length)}`);
    redactor.add(SECRET);
    expect(redactor.secrets).not.to.include(SECRET);
    expect(redactor.dropped).to.equal(1);
    expect(redactor.redact(`echo ${SECRET}`)).to.include(SECRET);
    expect(redactor.redact(`{"password":"${SECRET}"}`)).not.to.include(SECRET);
  });

  it('a secret longer than the bound for one is not held', () => {
    const redactor = new Redactor(['z'.repeat(MAX_SECRET_LENGTH + 1)]);
    expect(redactor.secrets).to.deep.equal([]);
  });
});

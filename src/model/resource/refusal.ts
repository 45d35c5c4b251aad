import { refusalLevel, type Refusal } from './access';
import { schemaDifferences, type Answer } from './answer';
import { difference, type Difference } from './verdict';

/**
 * A refused request: a status the refusal allows (MUST) and the one the decisions name (SHOULD), an
 * Error body (MUST), a Bearer challenge on every 401 (RFC 6750 §3, MUST), and no collection nor any of
 * `secretIds` (ids of what the request could not reach) in the body (MUST).
 */
export function judgeRefusal(refusal: Refusal, answer: Answer, secretIds: readonly string[]): Difference[] {
  const level = refusalLevel(refusal, answer.status);
  if (level === 'MUST' && answer.status < 400)
    return [
      difference(
        'status',
        'MUST',
        '',
        `answered ${answer.status} to a request to refuse (${refusal.reason})`,
        refusal.location,
      ),
    ];
  const found: Difference[] = [];
  if (level)
    found.push(
      difference(
        'status',
        level,
        '',
        `answered ${answer.status} (${refusal.reason}), ${refusal.should} expected`,
        `${refusal.location}; ${refusal.must.join(' or ')} conform`,
      ),
    );
  found.push(...schemaDifferences('error', answer.body));
  if (answer.status === 401 && !/^\s*bearer\b/i.test(answer.headers['www-authenticate'] ?? ''))
    found.push(
      difference('wwwAuthenticate', 'MUST', '', '401 without WWW-Authenticate: Bearer', 'RFC 6750 §3'),
    );
  const leaked = secretIds.find((id) => answer.text.toLowerCase().includes(id.toLowerCase()));
  if (leaked !== undefined)
    found.push(
      difference(
        'noForeignData',
        'MUST',
        '',
        `the refusal names ${leaked}`,
        'docs/decisions.md Levels (a refusal leaks nothing)',
      ),
    );
  return found;
}

/** The widgets' pure helpers, without a browser. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { siteHref, slug } from '../src/markdown';
import { broadcastRules } from '../src/widgets/broadcast';
import { parseIndex } from '../src/widgets/memory';
import { parseInts } from '../src/dom';

const lessonIds = ['03-expand-as', 'capstone', 'instructors'];

test('links in docs/ point at the site’s pages, the repository, or nowhere', () => {
  const at = { lessonId: '03-expand-as', lessonIds };
  assert.equal(siteHref('capstone.md', at), '#/capstone/');
  assert.equal(siteHref('instructors.md#grading', at), '#/instructors/grading');
  assert.equal(siteHref('#hints', at), '#/03-expand-as/hints');
  assert.equal(siteHref('https://example.org/x', at), 'https://example.org/x');
  assert.equal(siteHref('../katas/03-expand-as/strides.ts', at), undefined);
  assert.equal(
    siteHref('../katas/03-expand-as/strides.ts', {
      ...at,
      repoUrl: 'https://github.com/o/r/blob/main/',
    }),
    'https://github.com/o/r/blob/main/katas/03-expand-as/strides.ts',
  );
  assert.equal(slug('Where the gradient goes: `.g`'), 'where-the-gradient-goes-g');
});

test('broadcast rules line shapes up on the right and mark clashes', () => {
  const rules = broadcastRules([3, 1], [4]);
  assert.deepEqual(
    rules.map((r) => [r.a, r.b, r.clash]),
    [
      [3, undefined, false],
      [1, 4, false],
    ],
  );
  assert.match(rules[1].rule, /^a is 1: a is stretched to 4/);
  assert.deepEqual(
    broadcastRules([2, 3], [4, 5]).map((r) => r.clash),
    [true, true],
  );
});

test('index keys and size lists parse as the engine takes them', () => {
  assert.deepEqual(parseIndex('1, :'), [1, ':']);
  assert.deepEqual(parseIndex('None, ..., 0:3:2'), [null, '...', [0, 3, 2]]);
  assert.deepEqual(parseIndex(':2'), [[null, 2]]);
  assert.deepEqual(parseInts('[3, 4]'), [3, 4]);
  assert.deepEqual(parseInts(''), []);
  assert.throws(() => parseInts('3, x'), /"x" is not an integer/);
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CatalogueError, findKata, loadCatalogue } from '../catalogue';

function kataJson(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    title: `Kata ${id}`,
    files: ['a.ts'],
    tests: ['a.test.ts'],
    exports: { 'a.ts': ['a'] },
    lesson: `docs/${id}.md`,
    aliases: [],
    points: 10,
    hints: ['one', 'two', 'three'],
    ...overrides,
  };
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

function makeRoot(entries: Record<string, unknown>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-'));
  roots.push(root);
  for (const [dir, content] of Object.entries(entries)) {
    fs.mkdirSync(path.join(root, 'katas', dir), { recursive: true });
    const text = typeof content === 'string' ? content : JSON.stringify(content);
    if (content !== undefined) fs.writeFileSync(path.join(root, 'katas', dir, 'kata.json'), text);
  }
  return root;
}

describe('loadCatalogue', () => {
  test('reads every kata.json sorted by id', () => {
    const root = makeRoot({
      '03-expand-as': kataJson('03-expand-as', { aliases: ['expand'] }),
      '01-loop-matmul': kataJson('01-loop-matmul', { aliases: ['loop'] }),
      '02-broadcast-matmul': kataJson('02-broadcast-matmul'),
    });
    const katas = loadCatalogue(root);
    expect(katas.map((kata) => kata.id)).toEqual([
      '01-loop-matmul',
      '02-broadcast-matmul',
      '03-expand-as',
    ]);
    expect(katas[0]).toMatchObject({
      number: '01',
      files: ['a.ts'],
      points: 10,
      aliases: ['loop'],
    });
  });

  test.each([
    [{ title: '' }, '"title" must be a non-empty string'],
    [{ files: 'a.ts' }, '"files" must be an array of non-empty strings'],
    [{ exports: { 'b.ts': ['b'] } }, '"exports" names "b.ts", which is not in "files"'],
    [{ points: -1 }, '"points" must be a whole number'],
    [{ hints: [] }, '"hints" must list at least one entry'],
    [{ id: '01-other' }, '"id" is "01-other" but the folder is "01-loop-matmul"'],
    [{ files: ['../escape.ts'] }, '"files" must name files inside the kata folder'],
  ])('rejects %j, naming the file and field', (override, expected) => {
    const root = makeRoot({ '01-loop-matmul': kataJson('01-loop-matmul', override) });
    expect(() => loadCatalogue(root)).toThrow(CatalogueError);
    expect(() => loadCatalogue(root)).toThrow(`katas/01-loop-matmul/kata.json: ${expected}`);
  });

  test('says which kata.json is not valid JSON, or missing', () => {
    expect(() => loadCatalogue(makeRoot({ '01-x': '{ nope' }))).toThrow(
      'katas/01-x/kata.json: not valid JSON',
    );
    expect(() => loadCatalogue(makeRoot({ '01-x': undefined }))).toThrow(
      'katas/01-x/kata.json: missing',
    );
  });

  test('rejects an alias used twice', () => {
    const root = makeRoot({
      '01-a': kataJson('01-a', { aliases: ['same'] }),
      '02-b': kataJson('02-b', { aliases: ['same'] }),
    });
    expect(() => loadCatalogue(root)).toThrow('"same" is also used by 01-a');
  });
});

describe('findKata', () => {
  const katas = loadCatalogue(
    makeRoot({
      '01-loop-matmul': kataJson('01-loop-matmul', { aliases: ['loop'] }),
      '03-expand-as': kataJson('03-expand-as', { aliases: ['expand'] }),
    }),
  );

  test.each(['03', '3', '03-expand-as', 'expand-as', 'expand', ' EXPAND '])(
    'finds 03 from "%s"',
    (query) => {
      expect(findKata(query, katas).id).toBe('03-expand-as');
    },
  );

  test('accepts a number', () => {
    expect(findKata(1, katas).id).toBe('01-loop-matmul');
  });

  test('an unknown id lists the valid ones', () => {
    expect(() => findKata('09', katas)).toThrow(
      'unknown kata "09". The katas are:\n  01-loop-matmul (loop)\n  03-expand-as (expand)',
    );
  });
});

test("the repository's own catalogue loads", () => {
  const katas = loadCatalogue();
  expect(katas.length).toBeGreaterThan(0);
  expect(katas.map((kata) => kata.id)).toEqual([...katas.map((kata) => kata.id)].sort());
});

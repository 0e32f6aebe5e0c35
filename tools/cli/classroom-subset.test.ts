import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSubset, SUBSET_PATH, writeSubset } from './classroom-subset';

describe('the recorded Classroom subset', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'classroom-subset-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  test('no file: every kata', () => {
    expect(readSubset(root)).toBeUndefined();
  });

  test('a written subset reads back, and writing none removes the file', () => {
    writeSubset(root, ['01-loop-matmul', '03-expand-as']);
    expect(readSubset(root)).toEqual(['01-loop-matmul', '03-expand-as']);
    writeSubset(root, undefined);
    expect(fs.existsSync(path.join(root, SUBSET_PATH))).toBe(false);
    expect(readSubset(root)).toBeUndefined();
  });

  test('a malformed file names itself and the shape it needs', () => {
    fs.mkdirSync(path.join(root, '.github'));
    fs.writeFileSync(path.join(root, SUBSET_PATH), '{"katas": []}');
    expect(() => readSubset(root)).toThrow(
      `${SUBSET_PATH} must hold { "katas": ["01-loop-matmul", …] }`,
    );
    fs.writeFileSync(path.join(root, SUBSET_PATH), '{');
    expect(() => readSubset(root)).toThrow(/is not valid JSON/);
  });
});

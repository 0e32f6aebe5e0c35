import { replaceSection } from './doc-sections';
import { formatDuration, formatRatio } from './format';

describe('docs/benchmarks.md sections', () => {
  const doc = [
    '# Benchmarks',
    '',
    '<!-- matmul:start -->',
    'kernel table, owned by the matmul benchmark',
    '<!-- matmul:end -->',
    '',
  ].join('\n');

  it('appends a section that is not there yet and keeps the others', () => {
    const out = replaceSection(doc, 'ladder', 'ladder table');
    expect(out).toContain('kernel table, owned by the matmul benchmark');
    expect(out).toMatch(/<!-- ladder:start -->\nladder table\n<!-- ladder:end -->\n$/);
  });

  it('replaces only its own section, and twice gives the same file', () => {
    const once = replaceSection(replaceSection(doc, 'ladder', 'old'), 'ladder', 'new');
    expect(once).not.toContain('old');
    expect(once).toContain('new');
    expect(replaceSection(once, 'ladder', 'new')).toBe(once);
    expect(once.indexOf('<!-- matmul:start -->')).toBe(doc.indexOf('<!-- matmul:start -->'));
  });
});

describe('benchmark numbers are printed the way the lesson prints them', () => {
  it.each([
    [626, '626 ms'],
    [0.829, '829 µs'],
    [0.0073, '7.30 µs'],
    [1530, '1.53 s'],
  ])('%p ms reads %p', (ms, text) => expect(formatDuration(ms)).toBe(text));

  it('prints ratios with one decimal below 10x', () => {
    expect(formatRatio(3.14)).toBe('3.1x');
    expect(formatRatio(755)).toBe('755x');
  });
});

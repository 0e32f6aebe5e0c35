import pc from 'picocolors';
import { kataListView, watchFooter, watchHeader } from './watch-view';

const plain = pc.createColors(false);
const kata = { id: '02-b', title: 'Broadcasting' };

test('the header names the kata on screen, or the run in progress, under what just happened', () => {
  expect(watchHeader({ kata, running: false, note: undefined }, plain)).toBe(
    'Watching katas/: kata 02-b  Broadcasting',
  );
  expect(watchHeader({ kata, running: true, note: '✓ 01-a passes. Next: 02-b.' }, plain)).toBe(
    '✓ 01-a passes. Next: 02-b.\nWatching katas/: running kata 02-b…',
  );
  expect(watchHeader({ kata: undefined, running: true, note: undefined }, plain)).toBe(
    'Watching katas/: running every kata…',
  );
});

test('the footer is one line: the keys in a terminal, how to stop without one', () => {
  expect(watchFooter(true, plain)).toBe(
    'h hint · n next kata · p previous · l list · q quit · save to re-run',
  );
  expect(watchFooter(false, plain)).toBe('Save a file in katas/ to re-run. Ctrl-C to stop.');
});

test('the list shows every kata with its state and points at the one on screen', () => {
  const katas = [
    { id: '01-a', title: 'Loops' },
    { id: '02-b', title: 'Broadcasting' },
    { id: '03-c', title: 'Strides' },
    { id: '10-long', title: 'Later' },
  ];
  const status = { '01-a': 'done', '02-b': 'failing', '03-c': 'broken' } as const;
  expect(kataListView(katas, status, '02-b', plain).split('\n')).toEqual([
    'Every kata',
    '  ✓ 01-a     done           Loops',
    '▸ ✗ 02-b     failing        Broadcasting',
    '  ! 03-c     could not run  Strides',
    '  · 10-long  not run yet    Later',
    '',
    '1 of 4 done. n/p move the ▸ and run that kata; l goes back.',
  ]);
});

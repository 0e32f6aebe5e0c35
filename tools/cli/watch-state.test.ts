import {
  type KataStatus,
  type RunRequest,
  type WatchState,
  filesSaved,
  nextUnfinished,
  pressKey,
  runFinished,
  startWatch,
} from './watch-state';

const IDS = ['01-a', '02-b', '03-c', '04-d'];

/** A state after the first run: `statuses` in course order, `shown` on screen. */
function watching(statuses: KataStatus[], shown: string | undefined): WatchState {
  const status = Object.fromEntries(IDS.map((id, index) => [id, statuses[index]]));
  return { ...startWatch(IDS).state, status, shown };
}

const saveRun = (show: string): RunRequest => ({ katas: [show], show, afterSave: true });

describe('starting', () => {
  test('the first run tests every kata and lets the run pick the first unfinished one', () => {
    const { state, effect } = startWatch(IDS);
    expect(effect).toEqual({
      kind: 'run',
      run: { katas: 'all', show: undefined, afterSave: false },
    });
    expect(state.shown).toBeUndefined();
    expect(Object.values(state.status)).toEqual(['not-run', 'not-run', 'not-run', 'not-run']);
  });

  test('a kata named on the command line is shown first, still with every kata tested', () => {
    expect(startWatch(IDS, '03-c').effect).toEqual({
      kind: 'run',
      run: { katas: 'all', show: '03-c', afterSave: false },
    });
  });

  test('the kata the run showed goes on screen with every kata’s state', () => {
    const start = startWatch(IDS);
    if (start.effect.kind !== 'run') throw new Error('expected a run');
    const status = {
      '01-a': 'done',
      '02-b': 'failing',
      '03-c': 'broken',
      '04-d': 'failing',
    } as const;
    const { state, effect } = runFinished(start.state, start.effect.run, { shown: '02-b', status });
    expect(state.shown).toBe('02-b');
    expect(state.status).toEqual(status);
    expect(effect).toEqual({ kind: 'none' });
  });
});

describe('saving', () => {
  test('a save re-runs the kata on screen', () => {
    const state = watching(['done', 'failing', 'failing', 'failing'], '02-b');
    expect(filesSaved(state, ['02-b']).effect.run).toEqual(saveRun('02-b'));
  });

  test('a save in another kata re-runs it too, but the kata on screen stays', () => {
    const state = watching(['done', 'failing', 'failing', 'failing'], '02-b');
    expect(filesSaved(state, ['04-d', '04-d']).effect.run).toEqual({
      katas: ['02-b', '04-d'],
      show: '02-b',
      afterSave: true,
    });
  });

  test('when the kata on screen passes after a save, the next unfinished kata runs and shows', () => {
    const state = watching(['done', 'failing', 'done', 'failing'], '02-b');
    const status = { '02-b': 'done' } as const;
    const { state: after, effect } = runFinished(state, saveRun('02-b'), { shown: '02-b', status });
    expect(effect).toEqual({
      kind: 'run',
      run: { katas: ['04-d'], show: '04-d', afterSave: false },
    });
    expect(after.shown).toBe('04-d');
    expect(after.note).toBe('✓ 02-b passes. Next: 04-d.');
  });

  test('moving on wraps to an unfinished kata earlier in the course', () => {
    const state = watching(['failing', 'done', 'done', 'failing'], '04-d');
    const { effect } = runFinished(state, saveRun('04-d'), {
      shown: '04-d',
      status: { '04-d': 'done' },
    });
    expect(effect).toMatchObject({ kind: 'run', run: { show: '01-a' } });
  });

  test('when the last kata passes nothing is left on screen: the board says every kata passes', () => {
    const state = watching(['done', 'done', 'done', 'failing'], '04-d');
    const { state: after, effect } = runFinished(state, saveRun('04-d'), {
      shown: '04-d',
      status: { '04-d': 'done' },
    });
    expect(effect).toEqual({ kind: 'none' });
    expect(after.shown).toBeUndefined();
    expect(after.note).toBe(
      '✓ 04-d passes, and so does every other kata: on to the capstone, npm run train.',
    );
  });

  test('the hand-over note stays above the next kata once its run ends, until the next save', () => {
    const state = watching(['done', 'failing', 'done', 'failing'], '02-b');
    const handOver = runFinished(state, saveRun('02-b'), {
      shown: '02-b',
      status: { '02-b': 'done' },
    });
    if (handOver.effect.kind !== 'run') throw new Error('expected a run');
    const shown = runFinished(handOver.state, handOver.effect.run, {
      shown: '04-d',
      status: { '04-d': 'failing' },
    }).state;
    expect(shown).toMatchObject({ shown: '04-d', note: '✓ 02-b passes. Next: 04-d.' });
    expect(filesSaved(shown, ['04-d']).state.note).toBeUndefined();
  });

  test('a save while every kata passes runs the saved kata', () => {
    const state = watching(['done', 'done', 'done', 'done'], undefined);
    expect(filesSaved(state, ['03-c']).effect.run).toEqual(saveRun('03-c'));
  });

  test('a run that did not finish changes nothing', () => {
    const state = watching(['done', 'failing', 'failing', 'failing'], '02-b');
    expect(runFinished(state, saveRun('02-b'), undefined)).toEqual({
      state,
      effect: { kind: 'none' },
    });
  });
});

describe('katas without a result yet (the first run was stopped early)', () => {
  test('a run for a save or a key also tests them, so the board keeps every kata', () => {
    const state = watching(['done', 'failing', 'not-run', 'not-run'], '02-b');
    expect(filesSaved(state, ['02-b']).effect.run.katas).toEqual(['02-b', '03-c', '04-d']);
    expect(pressKey(state, 'p').effect).toMatchObject({
      run: { katas: ['01-a', '03-c', '04-d'], show: '01-a' },
    });
  });

  test('a save before the first run has finished starts that run again', () => {
    const { state } = startWatch(IDS, '03-c');
    expect(filesSaved(state, ['01-a']).effect.run).toEqual({
      katas: 'all',
      show: '03-c',
      afterSave: false,
    });
  });
});

describe('keys', () => {
  const state = watching(['done', 'failing', 'failing', 'failing'], '02-b');

  test('n and p run the next and previous kata in course order and show it', () => {
    expect(pressKey(state, 'n')).toMatchObject({
      state: { shown: '03-c', view: 'kata' },
      effect: { kind: 'run', run: { katas: ['03-c'], show: '03-c', afterSave: false } },
    });
    expect(pressKey(state, 'p')).toMatchObject({
      state: { shown: '01-a' },
      effect: { kind: 'run', run: { katas: ['01-a'], show: '01-a' } },
    });
  });

  test('a kata reached with n or p stays on screen even though it passes', () => {
    const moved = pressKey(state, 'p').state;
    const { state: after, effect } = runFinished(
      moved,
      { katas: ['01-a'], show: '01-a', afterSave: false },
      { shown: '01-a', status: { '01-a': 'done' } },
    );
    expect(after.shown).toBe('01-a');
    expect(effect).toEqual({ kind: 'none' });
  });

  test('n on the last kata and p on the first stay put and say why', () => {
    const last = pressKey({ ...state, shown: '04-d' }, 'n');
    expect(last.effect).toEqual({ kind: 'draw' });
    expect(last.state.note).toBe('04-d is the last kata.');
    expect(pressKey({ ...state, shown: '01-a' }, 'p').state.note).toBe('01-a is the first kata.');
  });

  test('h reveals the next hint of the kata on screen', () => {
    expect(pressKey(state, 'h')).toMatchObject({
      state: { view: 'hint' },
      effect: { kind: 'hint', kata: '02-b' },
    });
  });

  test('h does nothing when no kata is on screen (every kata passes)', () => {
    expect(pressKey({ ...state, shown: undefined }, 'h').effect).toEqual({ kind: 'none' });
  });

  test('l shows the list of every kata and goes back', () => {
    const list = pressKey(state, 'l');
    expect(list).toMatchObject({ state: { view: 'list' }, effect: { kind: 'draw' } });
    expect(pressKey(list.state, 'l')).toMatchObject({ state: { view: 'kata' } });
  });

  test('q and Ctrl-C quit; capitals work too; other keys do nothing', () => {
    expect(pressKey(state, 'q').effect).toEqual({ kind: 'quit' });
    expect(pressKey(state, '\u0003').effect).toEqual({ kind: 'quit' });
    expect(pressKey(state, 'N').effect).toMatchObject({ kind: 'run' });
    expect(pressKey(state, 'x')).toEqual({ state, effect: { kind: 'none' } });
  });

  test('a run after h or l goes back to the kata’s output', () => {
    const hinted = pressKey(state, 'h').state;
    expect(filesSaved(hinted, ['02-b']).state.view).toBe('kata');
  });
});

test('nextUnfinished looks after the given kata first, then from the start', () => {
  const state = watching(['failing', 'done', 'done', 'done'], '02-b');
  expect(nextUnfinished(state, '02-b')).toBe('01-a');
  expect(nextUnfinished(watching(['done', 'done', 'done', 'done'], undefined))).toBeUndefined();
});

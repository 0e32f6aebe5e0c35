/** The widgets by name. Each one builds its own controls inside the section it is given. */
import type { WidgetName } from '../placements';
import { mountMemory } from './memory';
import { mountBroadcast } from './broadcast';
import { mountLadder } from './ladder';
import { mountInit } from './init';
import { mountBackward } from './backward';
import { mountTraining } from './training';

const widgets: Record<WidgetName, (root: HTMLElement) => void> = {
  memory: mountMemory,
  broadcast: mountBroadcast,
  ladder: mountLadder,
  init: mountInit,
  backward: mountBackward,
  training: mountTraining,
};

export function mountWidget(name: WidgetName, root: HTMLElement): void {
  widgets[name](root);
}

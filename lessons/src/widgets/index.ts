/** The widgets by name. Each one builds its own controls inside the section it is given. */
import type { WidgetName } from '../placements';
import { mountMemory } from './memory';
import { mountBroadcast } from './broadcast';

const widgets: Record<WidgetName, (root: HTMLElement) => void> = {
  memory: mountMemory,
  broadcast: mountBroadcast,
};

export function mountWidget(name: WidgetName, root: HTMLElement): void {
  widgets[name](root);
}

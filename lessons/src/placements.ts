/**
 * Where each widget appears: after the section that starts with the given heading of a lesson
 * (the heading's text as the page shows it). The browser tests check every heading still exists.
 */
export type WidgetName = 'memory' | 'broadcast' | 'ladder' | 'init' | 'backward' | 'training';

export interface Placement {
  widget: WidgetName;
  after: string;
}

export const placements: Record<string, Placement[]> = {
  '01-loop-matmul': [{ widget: 'memory', after: 'In code' }],
  '02-broadcast-matmul': [
    { widget: 'broadcast', after: 'Step 2: broadcasting removes the loop over j' },
    { widget: 'ladder', after: 'Step 3: einsum removes the last loop' },
  ],
  '03-expand-as': [
    { widget: 'memory', after: 'Storage, shape, stride, offset' },
    { widget: 'broadcast', after: 'Broadcasting, as shapes' },
  ],
  '04-mse-grad': [{ widget: 'backward', after: 'Where the gradient goes: .g' }],
  '05-lin-grad': [{ widget: 'backward', after: 'The whole backward pass' }],
  '06-module': [{ widget: 'backward', after: 'Why it stays correct' }],
  '07-init': [{ widget: 'init', after: 'The experiment' }],
  capstone: [{ widget: 'training', after: 'What runs' }],
};

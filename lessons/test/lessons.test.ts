/**
 * The lesson site in a real browser (`npm run test:lessons`): one Chromium, one page per test,
 * against the static build in out/lessons. Screenshots land in reports/lessons/.
 */
import './context';
import './units.spec';
import './pages.spec';
import './memory.spec';
import './broadcast.spec';
import './ladder.spec';
import './init.spec';
import './backward.spec';
import './training.spec';

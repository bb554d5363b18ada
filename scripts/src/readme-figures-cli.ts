/**
 * Rewrites the figures block of data/README.md from data/seed (readme-figures.ts). The
 * normaliser does this after writing the seed; run it alone after editing the seed's generator
 * output by other means:
 *
 *   npx --yes pnpm@10 -F @tracker/scripts readme:figures
 */
import { writeReadmeFigures } from './readme-figures.js';

console.log(
  writeReadmeFigures()
    ? '[readme-figures] data/README.md: figures block rewritten'
    : '[readme-figures] data/README.md: figures block already current',
);

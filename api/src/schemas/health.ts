import { z } from 'zod';

export const Health = z
  .object({
    status: z.literal('ok'),
    database: z.object({
      migrations: z.number().int().describe('Migrations applied'),
      states: z.number().int().describe('States in the registry: read from the data, so a damaged database fails the check'),
      dataVersion: z.number().int().describe('Bumped by every change to the data; caches and ETags follow it'),
      dataChangedAt: z.string().nullable().describe('When the data last changed (an import, an edit or the first seed)'),
      lastImportAt: z.string().nullable().describe('When the newest import (or the first seed) was applied'),
    }),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;

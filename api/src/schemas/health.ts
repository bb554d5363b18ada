import { z } from 'zod';

export const Health = z
  .object({
    status: z.literal('ok'),
    database: z.object({
      migrations: z.number().int().describe('Migrations applied'),
    }),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;

import { z } from 'zod';
import { PROGRESS_GROUP_KINDS } from '../domain/group-progress.js';
import { STATUSES } from '../domain/types.js';
import { FormatQuery, IsoDate } from './common.js';
import { InstrumentId, SourceRef } from './participation.js';

/** API shapes of group progress: how many of a group's members are States Parties to an instrument, over time. */

export const AdvocacyProgressQuery = z
  .object({
    asOf: IsoDate.optional().describe('Count and list the members on this date (default: today, UTC)'),
    from: IsoDate.optional().describe("Start of each group's series (default: the instrument's adoption)"),
    to: IsoDate.optional().describe("End of each group's series (default: asOf)"),
  })
  .extend(FormatQuery.shape);
export type AdvocacyProgressQuery = z.infer<typeof AdvocacyProgressQuery>;

export const ProgressMember = z
  .object({
    iso3: z.string(),
    name: z.string().describe('English short name'),
    uncertain: z
      .boolean()
      .describe('The status rests on coarse dates, undated events or an unconfirmed report (see GET /api/instruments/{id}/status)'),
  })
  .meta({ id: 'ProgressMember' });

export const ProgressPoint = z
  .object({
    date: IsoDate,
    statesParties: z.number().int().describe('Members that are States Parties from this date until the next point'),
  })
  .meta({ id: 'ProgressPoint' });

export const GroupProgress = z
  .object({
    id: z.string().describe('Group id: a UN regional group (african, ...), m49-<code> for an M49 region, ldc or sids'),
    label: z.string().describe('English name of the group'),
    kind: z
      .enum(PROGRESS_GROUP_KINDS)
      .describe('un-group: UN regional group; region: M49 region; ldc: least developed countries; sids: small island developing States'),
    statesQuery: z
      .record(z.string(), z.string())
      .describe('The query of GET /api/states that lists the same members, e.g. {"group": "african"} or {"ldc": "true"}'),
    members: z
      .number()
      .int()
      .describe(
        'Members today, and the members counted on every date of `series`: current membership. Past membership is not recorded: the data gives LDC graduation dates but no dates of inclusion, so a graduated State is not counted as an LDC on any date',
      ),
    statesParties: z
      .number()
      .int()
      .describe('Members that are States Parties on asOf as the depositary counts them: `party` plus `withdrawal-pending`'),
    signatories: z.number().int().describe('Members that have signed and not consented to be bound on asOf'),
    byStatus: z
      .record(z.enum(STATUSES), z.array(ProgressMember))
      .describe('The members under each status on asOf, by English name; every status is present, empty when no member has it'),
    series: z
      .array(ProgressPoint)
      .describe('States Parties among the members over time: the count on `from`, then one point per date on which it changes, up to `to`'),
  })
  .meta({ id: 'GroupProgress' });
export type GroupProgress = z.infer<typeof GroupProgress>;

export const AdvocacyProgressResponse = z
  .object({
    instrumentId: InstrumentId,
    asOf: IsoDate,
    from: IsoDate.describe('Start of the series'),
    to: IsoDate.describe('End of the series'),
    dataAsOf: IsoDate.describe('The data is complete only up to this date: later events may be missing'),
    statesParties: z.number().int().describe('States Parties on asOf among all states, as GET /api/instruments/{id}/status counts them'),
    groups: z.array(GroupProgress).describe('UN regional groups, M49 regions, least developed countries, small island developing States'),
    sources: z.array(SourceRef).describe('Every source cited by the statuses on asOf'),
  })
  .meta({ id: 'AdvocacyProgress' });
export type AdvocacyProgressResponse = z.infer<typeof AdvocacyProgressResponse>;

import { z } from 'zod';
import { GROUP_COMBINATIONS } from '../domain/state-groups.js';
import { LDC_STATUSES, UN_MEMBERSHIPS, UN_REGIONAL_GROUPS } from '../domain/vocabulary.js';

const CodeName = z.object({ code: z.string(), name: z.string() });

export const State = z
  .object({
    iso3: z.string(),
    iso2: z.string(),
    isoNumeric: z.string(),
    m49Code: z.string(),
    membership: z.enum(UN_MEMBERSHIPS),
    names: z.object({ en: z.string(), fr: z.string(), es: z.string(), ar: z.string() }),
    formalNameEn: z.string().nullable(),
    region: CodeName.describe('M49 region'),
    subRegion: CodeName.describe('M49 sub-region'),
    intermediateRegion: CodeName.nullable().describe('M49 intermediate region, where there is one'),
    unRegionalGroup: z.enum(UN_REGIONAL_GROUPS).nullable().describe('UN regional group; null for states in none'),
    unRegionalGroupNote: z.string().nullable(),
    ldc: z.object({
      status: z.enum(LDC_STATUSES),
      graduatedOn: z.string().nullable(),
      scheduledGraduation: z.string().nullable(),
      note: z.string().nullable(),
    }),
    sids: z.boolean(),
    oda: z.object({
      recipient: z.boolean().nullable().describe('On the OECD DAC list of ODA recipients; null when not recorded'),
      incomeGroup: z.string().nullable(),
      listYears: z.string(),
    }),
    map: z.object({
      polygon110m: z.boolean().describe('Drawn as a polygon on the 1:110m world map'),
      marker: z.object({ lon: z.number(), lat: z.number() }).nullable().describe('Point for a marker where the state is too small to see'),
      note: z.string().nullable().describe('How the marker point was derived, or why there is none'),
    }),
    sourceIds: z.array(z.string()),
  })
  .meta({ id: 'State' });
export type State = z.infer<typeof State>;

export const BooleanParam = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

/** Filters shared by every list of states (the states list and each instrument's status). */
export const StateFilters = z.object({
  region: z
    .string()
    .regex(/^\d{3}$/, 'must be a 3-digit M49 code such as "002" (Africa) or "145" (Western Asia)')
    .optional()
    .describe('M49 region, sub-region or intermediate region code'),
  group: z.enum(UN_REGIONAL_GROUPS).optional().describe('UN regional group'),
  ldc: BooleanParam.describe('true: least developed countries now; false: the others'),
  sids: BooleanParam.describe('Small island developing states'),
  oda: BooleanParam.describe('On the OECD DAC list of ODA recipients (2022-2023)'),
  combine: z
    .enum(GROUP_COMBINATIONS)
    .optional()
    .describe(
      'How region, group, ldc, sids and oda combine: all (default: each must hold) or any (one is enough: ldc=true&sids=true&combine=any selects the LDCs and the small island developing states)',
    ),
});
export type StateFilters = z.infer<typeof StateFilters>;

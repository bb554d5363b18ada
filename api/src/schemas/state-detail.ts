import { z } from 'zod';
import { LANGUAGES } from '../domain/languages.js';
import { InstrumentId, ParticipationEvent, SourceRef, StatusDetail } from './participation.js';
import { State } from './state.js';

export const StateDetail = z
  .object({
    asOf: z.string(),
    state: State,
    instruments: z
      .array(
        StatusDetail.extend({
          instrumentId: InstrumentId,
          shortName: z.string(),
          titleLanguage: z
            .enum(LANGUAGES)
            .describe('Language of shortName (en where no official title in the language asked for is recorded)'),
          dataAsOf: z.string(),
        }),
      )
      .describe('Status today on each of the 11 instruments'),
    events: z.array(ParticipationEvent).describe('Every recorded event, oldest first, with its source'),
    sources: z.array(SourceRef).describe("Sources of the state's own data (names, groups, map)"),
    scheduledLdcGraduation: z
      .object({
        date: z.string(),
        outcome: z
          .enum(['pending', 'not-recorded'])
          .describe(
            'pending: the date is after asOf; not-recorded: the date has come and the sources record no outcome (never read as graduated)',
          ),
      })
      .nullable()
      .describe("The LDC's scheduled graduation as it stands on asOf; null when none is scheduled or the State is not recorded as an LDC"),
  })
  .meta({ id: 'StateDetail' });
export type StateDetail = z.infer<typeof StateDetail>;

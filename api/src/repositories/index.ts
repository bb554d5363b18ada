import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { createAdvocacyRepository } from './advocacy.repository.js';
import { createCatReportingRepository } from './cat-reporting.repository.js';
import { createChangesRepository } from './changes.repository.js';
import { createFollowUpRepository } from './follow-up.repository.js';
import { createInstrumentRepository } from './instrument.repository.js';
import { createMetaRepository } from './meta.repository.js';
import { createParticipationRepository } from './participation.repository.js';
import { createReaderFlagRepository } from './review.repository.js';
import { createSourceRepository } from './source.repository.js';
import { createStateRepository } from './state.repository.js';
import { createUprRepository } from './upr.repository.js';

/**
 * Assembles the repositories (the data access over one database) in one place. Services take the
 * `Repositories` type from here rather than from the Fastify plugin that decorates the app with
 * them, so the wiring runs one way: repositories <- services <- plugins/db.ts, with no cycle.
 * Writers record their changes with the functions of audit.repository.ts, inside their own
 * transaction, so that one is not part of this set; so is the UPR import's store
 * (upr-store.repository.ts), which runs its writes in a transaction of its own. The importers
 * (services/*-import.ts) make the repositories they write with over their transaction.
 */
export const createRepositories = (db: Kysely<Database>) => ({
  meta: createMetaRepository(db),
  states: createStateRepository(db),
  instruments: createInstrumentRepository(db),
  participation: createParticipationRepository(db),
  sources: createSourceRepository(db),
  catReporting: createCatReportingRepository(db),
  upr: createUprRepository(db),
  advocacy: createAdvocacyRepository(db),
  readerFlags: createReaderFlagRepository(db),
  changes: createChangesRepository(db),
  /** Reads only here (the agenda's planned actions): the follow-up service writes through its own transaction. */
  followUp: createFollowUpRepository(db),
});
export type Repositories = ReturnType<typeof createRepositories>;

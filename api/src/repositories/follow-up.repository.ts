import type { Insertable, Kysely } from 'kysely';
import type {
  Database,
  FollowUpActionTable,
  FollowUpBodyTable,
  FollowUpIndicatorTable,
  FollowUpClusterTable,
  FollowUpItemTable,
  FollowUpPlanTable,
  FollowUpUpdateTable,
} from '../db/database.js';

/** UPR follow-up plans (services/follow-up.service.ts). Writers pass their transaction as `db`. */
export function createFollowUpRepository(db: Kysely<Database>) {
  return {
    findPlan: (id: string) => db.selectFrom('followUpPlan').selectAll().where('id', '=', id).executeTakeFirst(),
    /** Plans matching the filters that `organisation` (the reader's, or null) may see: published ones and its own. */
    listPlans: (f: { stateIso3?: string; organisation?: string; cycle?: number }, readerOrganisation: string | null) => {
      let q = db
        .selectFrom('followUpPlan as p')
        .innerJoin('uprReview as r', 'r.id', 'p.reviewId')
        .selectAll('p')
        .select(['r.session', 'r.cycle']);
      q = readerOrganisation
        ? q.where((eb) => eb.or([eb('p.visibility', '=', 'published'), eb('p.organisation', '=', readerOrganisation)]))
        : q.where('p.visibility', '=', 'published');
      if (f.stateIso3) q = q.where('p.stateIso3', '=', f.stateIso3);
      if (f.organisation) q = q.where('p.organisation', '=', f.organisation);
      if (f.cycle !== undefined) q = q.where('r.cycle', '=', f.cycle);
      return q.orderBy('p.stateIso3').orderBy('r.session', 'desc').orderBy('p.organisation').execute();
    },
    /** Actions with a target date in published plans, on recommendations still in the plan (the agenda lists them). */
    publishedActionsDue: () =>
      db
        .selectFrom('followUpAction as a')
        .innerJoin('followUpPlan as p', 'p.id', 'a.planId')
        .innerJoin('followUpItem as i', 'i.id', 'a.itemId')
        .select(['a.id', 'a.planId', 'p.title as planTitle', 'p.stateIso3', 'p.publishedAt', 'a.description', 'a.targetDate'])
        .where('p.visibility', '=', 'published')
        .where('i.removedAt', 'is', null)
        .where('a.targetDate', 'is not', null)
        .orderBy('a.targetDate')
        .orderBy('a.id')
        .execute(),
    review: (id: string) =>
      db.selectFrom('uprReview').select(['id', 'stateIso3', 'session', 'cycle']).where('id', '=', id).executeTakeFirst(),
    /** The review's recommendations with what clustering reads, in the order of the report's paragraphs. */
    reviewRecommendations: (reviewId: string) =>
      db
        .selectFrom('uprRecommendation')
        .select(['id', 'paragraph', 'themes', 'sdgs', 'affectedPersons'])
        .where('reviewId', '=', reviewId)
        .orderBy('seq')
        .execute(),
    /**
     * The plan's standing recommendations with their text and response, cluster by cluster in
     * order. A UPR recommendation's text is the UPR data's; one added by hand carries its own.
     */
    planContent: async (planId: string) => {
      const [clusters, items, actions, indicators, updates, publications] = await Promise.all([
        db.selectFrom('followUpCluster').selectAll().where('planId', '=', planId).orderBy('position').execute(),
        db
          .selectFrom('followUpItem as i')
          .leftJoin('uprRecommendation as r', 'r.id', 'i.recommendationId')
          .select((eb) => [
            'i.id',
            'i.clusterId',
            'i.recommendationId',
            'i.position',
            'i.mechanism',
            eb.fn.coalesce('i.documentSymbol', 'r.documentSymbol').as('documentSymbol'),
            eb.fn.coalesce('i.paragraph', 'r.paragraph').as('paragraph'),
            eb.fn.coalesce('i.text', 'r.text', eb.val('')).as('text'),
            'r.response',
          ])
          .where('i.planId', '=', planId)
          .where('i.removedAt', 'is', null)
          .orderBy('i.position')
          .execute(),
        db.selectFrom('followUpAction').selectAll().where('planId', '=', planId).orderBy('recordedAt').orderBy('id').execute(),
        db.selectFrom('followUpIndicator').selectAll().where('planId', '=', planId).orderBy('recordedAt').orderBy('id').execute(),
        db.selectFrom('followUpUpdate').selectAll().where('planId', '=', planId).orderBy('date', 'desc').orderBy('id', 'desc').execute(),
        db
          .selectFrom('followUpPublication')
          .select(['version', 'publishedAt', 'publishedBy'])
          .where('planId', '=', planId)
          .orderBy('version')
          .execute(),
      ]);
      return { clusters, items, actions, indicators, updates, publications };
    },
    /** The plan as it was last published, or none. */
    latestPublication: (planId: string) =>
      db
        .selectFrom('followUpPublication')
        .select(['version', 'snapshot'])
        .where('planId', '=', planId)
        .orderBy('version', 'desc')
        .executeTakeFirst(),
    findItem: (planId: string, itemId: string) =>
      db
        .selectFrom('followUpItem')
        .selectAll()
        .where('planId', '=', planId)
        .where('id', '=', itemId)
        .where('removedAt', 'is', null)
        .executeTakeFirst(),
    findCluster: (planId: string, clusterId: string) =>
      db.selectFrom('followUpCluster').selectAll().where('planId', '=', planId).where('id', '=', clusterId).executeTakeFirst(),
    /** The next free position for a cluster or an item of the plan. */
    nextPosition: async (table: 'followUpCluster' | 'followUpItem', planId: string) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.val(-1)).as('last'))
            .where('planId', '=', planId)
            .executeTakeFirstOrThrow()
        ).last,
      ) + 1,
    insertCluster: (row: Insertable<FollowUpClusterTable>) => db.insertInto('followUpCluster').values(row).execute(),
    renameCluster: (clusterId: string, title: string) =>
      db.updateTable('followUpCluster').set({ title }).where('id', '=', clusterId).execute(),
    moveItem: (itemId: string, clusterId: string) => db.updateTable('followUpItem').set({ clusterId }).where('id', '=', itemId).execute(),
    removeItem: (itemId: string, at: string) => db.updateTable('followUpItem').set({ removedAt: at }).where('id', '=', itemId).execute(),
    insertIndicator: (row: Insertable<FollowUpIndicatorTable>) => db.insertInto('followUpIndicator').values(row).execute(),
    /** A State's managed list of responsible bodies, by name. */
    bodies: (stateIso3: string) =>
      db
        .selectFrom('followUpBody')
        .select(['id', 'stateIso3', 'name', 'kind', 'addedAt', 'organisation'])
        .where('stateIso3', '=', stateIso3)
        .orderBy('name')
        .execute(),
    findBodyByName: (stateIso3: string, name: string) =>
      db
        .selectFrom('followUpBody')
        .selectAll()
        .where('stateIso3', '=', stateIso3)
        .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
        .executeTakeFirst(),
    insertBody: (row: Insertable<FollowUpBodyTable>) => db.insertInto('followUpBody').values(row).execute(),
    stateExists: async (iso3: string) => !!(await db.selectFrom('state').select('iso3').where('iso3', '=', iso3).executeTakeFirst()),
    insertPlan: (plan: Insertable<FollowUpPlanTable>) => db.insertInto('followUpPlan').values(plan).execute(),
    insertClusters: (rows: Insertable<FollowUpClusterTable>[]) =>
      rows.length ? db.insertInto('followUpCluster').values(rows).execute() : undefined,
    insertItems: async (rows: Insertable<FollowUpItemTable>[]) => {
      // SQLite takes at most 32,766 bound values per statement; six per row.
      for (let i = 0; i < rows.length; i += 500)
        await db
          .insertInto('followUpItem')
          .values(rows.slice(i, i + 500))
          .execute();
    },
    insertAction: (row: Insertable<FollowUpActionTable>) => db.insertInto('followUpAction').values(row).execute(),
    insertUpdate: async (row: Insertable<FollowUpUpdateTable>) =>
      (await db.insertInto('followUpUpdate').values(row).returning('id').executeTakeFirstOrThrow()).id,
    markPublished: (planId: string, version: number, at: string) =>
      db.updateTable('followUpPlan').set({ visibility: 'published', version, publishedAt: at }).where('id', '=', planId).execute(),
    insertPublication: (row: { planId: string; version: number; publishedAt: string; publishedBy: string; snapshot: string }) =>
      db.insertInto('followUpPublication').values(row).execute(),
  };
}

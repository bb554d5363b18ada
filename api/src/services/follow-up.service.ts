import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { todayUtc } from '../domain/clock.js';
import { isOverdue, MATRIX_COLUMNS, progressAsOf, progressCounts, suggestClusters, type MatrixRow } from '../domain/follow-up.js';
import type { CsvTable } from '../lib/csv-tables.js';
import type { ActionStatus, ProgressStatus } from '../domain/vocabulary.js';
import { groupBy } from '../lib/group-by.js';
import { InputError } from '../lib/input-error.js';
import { recordChanges, type AuditEntry } from '../repositories/audit.repository.js';
import { createFollowUpRepository } from '../repositories/follow-up.repository.js';
import type { ActionInput, FollowUpPlan, PlanInput, ProgressUpdateInput, PublishInput } from '../schemas/follow-up.js';
import type { Editor } from './upr.service.js';

/**
 * UPR follow-up plans (docs: api/src/domain/README.md, "UPR follow-up plans").
 *
 * Who sees what: a draft is seen only by its organisation; a published plan by everyone. A reader
 * of another organisation (or none) sees a published plan as it was last published, never the
 * owner's changes since; the owner sees it live. Who writes: editors of the owning organisation.
 * Every write is one transaction with an audit entry (actor, organisation, before, after); the
 * public change feed does not list these entities (services/changes.service.ts), so nothing of a
 * draft reaches it.
 *
 * Results: the plan, or 'not-found' (unknown, or a draft the reader may not see: its existence is
 * not revealed), or 'forbidden' (a published plan of another organisation). Input the rules
 * refuse throws InputError (400).
 */
export function createFollowUpService(db: Kysely<Database>) {
  const newId = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}`;
  const parseList = (json: string | null) => (json === null ? null : (JSON.parse(json) as string[]));

  /** The plan as its stored rows say now, every update in it (as of today). */
  async function assemble(conn: Kysely<Database>, planId: string): Promise<FollowUpPlan | undefined> {
    const repo = createFollowUpRepository(conn);
    const plan = await repo.findPlan(planId);
    if (!plan) return undefined;
    const review = (await repo.review(plan.reviewId))!;
    const content = await repo.planContent(planId);
    const today = todayUtc();
    // One pass over each list, not one per recommendation: a plan may hold hundreds of each.
    const actionsOf = groupBy(content.actions, (a) => a.itemId);
    const updatesOf = groupBy(content.updates, (u) => u.itemId);
    const itemsOf = groupBy(content.items, (i) => i.clusterId);
    const recommendation = (i: (typeof content.items)[number]) => ({
      itemId: i.id,
      recommendationId: i.recommendationId,
      paragraph: i.paragraph,
      text: i.text,
      response: i.response,
      progress: null,
      actions: (actionsOf.get(i.id) ?? []).map((a) => {
        const status = a.status as ActionStatus;
        const { id, description, responsibleBody, targetDate } = a;
        return { id, description, responsibleBody, targetDate, status, overdue: isOverdue({ targetDate, status }, today) };
      }),
      updates: (updatesOf.get(i.id) ?? []).map(({ planId: _p, itemId: _i, ...u }) => ({ ...u, status: u.status as ProgressStatus })),
    });
    // Progress and its counts are filled in by planAsOf, the one place that reads them.
    const none = progressCounts([], new Map());
    const clusters = content.clusters.map((c) => ({
      id: c.id,
      title: c.title,
      progress: none,
      recommendations: (itemsOf.get(c.id) ?? []).map(recommendation),
    }));
    const { createdAt: _c, createdBy: _b, ...stored } = plan;
    const whole = {
      ...stored,
      session: review.session,
      cycle: review.cycle,
      asOf: today,
      progress: none,
      clusters,
      publications: content.publications,
    };
    return planAsOf(whole, today);
  }

  /**
   * Runs `write` in one transaction on a plan `editor` may write to and one of its standing
   * recommendations; 'not-found' or 'forbidden' when the plan is not the editor's to change.
   */
  async function writeToItem<T>(
    planId: string,
    itemId: string,
    editor: Editor,
    write: (trx: Kysely<Database>, stateIso3: string, at: string) => Promise<T>,
  ) {
    return db.transaction().execute(async (trx) => {
      const plan = await writable(trx, planId, editor);
      if (typeof plan === 'string') return plan;
      if (!(await createFollowUpRepository(trx).findItem(planId, itemId)))
        throw new InputError(`itemId: no recommendation "${itemId}" in this plan`);
      return write(trx, plan.stateIso3, new Date().toISOString());
    });
  }

  /** The plan a reader may write to, or why not. */
  async function writable(trx: Kysely<Database>, planId: string, editor: Editor) {
    const plan = await createFollowUpRepository(trx).findPlan(planId);
    if (!plan || (plan.visibility === 'draft' && plan.organisation !== editor.organisation)) return 'not-found' as const;
    if (plan.organisation !== editor.organisation) return 'forbidden' as const;
    return plan;
  }

  const audit = (
    editor: Editor,
    at: string,
    action: string,
    entity: string,
    entityId: string,
    before: unknown,
    after: unknown,
    stateIso3: string,
  ): AuditEntry => ({
    at,
    actor: editor.name,
    organisation: editor.organisation,
    action,
    entity,
    entityId,
    before,
    after,
    sourceId: null,
    stateIso3,
  });

  return {
    /** The plan as `reader` (an editor, or null for an anonymous reader) may see it, as of `asOf` (default today). */
    async read(planId: string, reader: Editor | null, asOf?: string): Promise<FollowUpPlan | 'not-found'> {
      const date = asOf ?? todayUtc();
      const plan = await createFollowUpRepository(db).findPlan(planId);
      if (!plan) return 'not-found';
      if (reader?.organisation === plan.organisation) return planAsOf((await assemble(db, planId))!, date);
      if (plan.visibility !== 'published') return 'not-found';
      // Others see what was last published, as it was; as of an earlier date, without the updates dated after it.
      const published = await createFollowUpRepository(db).latestPublication(planId);
      if (!published) return 'not-found';
      const snapshot = JSON.parse(published.snapshot) as FollowUpPlan;
      return asOf === undefined ? snapshot : planAsOf(snapshot, date);
    },

    /** Plans the reader may see, newest review first within each State. */
    list: (filters: { stateIso3?: string; organisation?: string; cycle?: number }, reader: Editor | null) =>
      createFollowUpRepository(db).listPlans(filters, reader?.organisation ?? null),

    async create(input: PlanInput, editor: Editor): Promise<FollowUpPlan> {
      return db
        .transaction()
        .execute(async (trx) => {
          const repo = createFollowUpRepository(trx);
          const review = await repo.review(input.reviewId);
          if (!review) throw new InputError(`reviewId: no UPR review "${input.reviewId}" (a State code and a session, e.g. SVN-48)`);
          const all = await repo.reviewRecommendations(review.id);
          let chosen = all;
          if (input.recommendations !== 'all') {
            const wanted = new Set(input.recommendations);
            chosen = all.filter((r) => wanted.has(r.id));
            const found = new Set(chosen.map((r) => r.id));
            const missing = input.recommendations.filter((id) => !found.has(id));
            if (missing.length)
              throw new InputError(`recommendations: not recommendations of review ${review.id}: ${missing.slice(0, 5).join(', ')}`);
          }
          const at = new Date().toISOString();
          const plan = {
            id: newId('plan'),
            stateIso3: review.stateIso3,
            reviewId: review.id,
            title: input.title,
            description: input.description,
            organisation: editor.organisation,
            visibility: 'draft' as const,
            createdAt: at,
            createdBy: editor.name,
            publishedAt: null,
          };
          await repo.insertPlan(plan);
          const suggested = suggestClusters(
            chosen.map((r) => ({
              id: r.id,
              themes: parseList(r.themes),
              sdgs: parseList(r.sdgs),
              affectedPersons: parseList(r.affectedPersons),
            })),
            input.clusterBy,
            'All recommendations',
          );
          const clusters = suggested.map((c, position) => ({ id: newId('cluster'), planId: plan.id, title: c.title, position }));
          await repo.insertClusters(clusters);
          const clusterOf = new Map(suggested.flatMap((c, i) => c.recommendationIds.map((id) => [id, clusters[i]!.id])));
          await repo.insertItems(
            chosen.map((r, position) => ({
              id: newId('item'),
              planId: plan.id,
              clusterId: clusterOf.get(r.id) ?? null,
              recommendationId: r.id,
              position,
              removedAt: null,
            })),
          );
          await recordChanges(trx, [
            audit(
              editor,
              at,
              'insert',
              'followUpPlan',
              plan.id,
              null,
              { ...plan, recommendations: chosen.length, clusters: clusters.length },
              plan.stateIso3,
            ),
          ]);
          return plan.id;
        })
        .then(async (id) => (await assemble(db, id))!);
    },

    async addAction(planId: string, input: ActionInput, editor: Editor) {
      return writeToItem(planId, input.itemId, editor, async (trx, stateIso3, at) => {
        const row = { id: newId('action'), planId, ...input, recordedAt: at };
        await createFollowUpRepository(trx).insertAction(row);
        await recordChanges(trx, [audit(editor, at, 'insert', 'followUpAction', row.id, null, row, stateIso3)]);
        return row;
      });
    },

    async recordUpdate(planId: string, input: ProgressUpdateInput, editor: Editor) {
      if (input.date > todayUtc()) throw new InputError('date: progress is reported as of a date that has come, not a future one');
      return writeToItem(planId, input.itemId, editor, async (trx, stateIso3, at) => {
        const row = { planId, ...input, recordedAt: at, recordedBy: editor.name, organisation: editor.organisation };
        const id = await createFollowUpRepository(trx).insertUpdate(row);
        await recordChanges(trx, [audit(editor, at, 'insert', 'followUpUpdate', String(id), null, row, stateIso3)]);
        return { id, ...row };
      });
    },

    /** Publishes the plan as it is now: a new version, kept as it was, which readers then see. */
    async publish(planId: string, input: PublishInput, editor: Editor): Promise<FollowUpPlan | 'not-found' | 'forbidden'> {
      const at = new Date().toISOString();
      return db.transaction().execute(async (trx) => {
        const plan = await writable(trx, planId, editor);
        if (typeof plan === 'string') return plan;
        const version = plan.version + 1;
        const repo = createFollowUpRepository(trx);
        await repo.markPublished(planId, version, at);
        // The plan as published, kept as it was: what every other reader sees until the next publication.
        const snapshot = (await assemble(trx, planId))!;
        const published = {
          ...snapshot,
          publications: [...snapshot.publications, { version, publishedAt: at, publishedBy: editor.organisation }],
        };
        await repo.insertPublication({
          planId,
          version,
          publishedAt: at,
          publishedBy: editor.organisation,
          snapshot: JSON.stringify(published),
        });
        await recordChanges(trx, [
          {
            ...audit(editor, at, 'publish', 'followUpPlan', planId, { version: plan.version }, { version }, plan.stateIso3),
            reason: input.reason,
          },
        ]);
        return published;
      });
    },
  };
}

/**
 * The plan as of `asOf`: each recommendation's updates dated after it left out, its progress the
 * latest of those left (domain/follow-up.ts), and the counts per cluster and for the plan. The one
 * way progress is read, for the live plan and for a published one alike.
 */
function planAsOf(plan: FollowUpPlan, asOf: string): FollowUpPlan {
  const recommendations = plan.clusters.flatMap((c) => c.recommendations);
  const latest = progressAsOf(
    recommendations.flatMap((r) => r.updates.map((u) => ({ ...u, itemId: r.itemId }))),
    asOf,
  );
  const counted = (items: readonly { itemId: string }[]) =>
    progressCounts(
      items.map((r) => r.itemId),
      latest,
    );
  const clusters = plan.clusters.map((c) => {
    const inCluster = c.recommendations.map((r) => {
      const progress = latest.get(r.itemId);
      return {
        ...r,
        updates: r.updates.filter((u) => u.date <= asOf),
        progress: progress ? (({ itemId: _i, ...u }) => u)(progress) : null,
      };
    });
    return { ...c, recommendations: inCluster, progress: counted(inCluster) };
  });
  return { ...plan, asOf, clusters, progress: counted(recommendations) };
}

/**
 * A plan as the implementation matrix mechanisms keep: one row per recommendation, its actions,
 * bodies and target dates one per line in their cells, and its latest progress with the evidence.
 */
export function planMatrix(plan: FollowUpPlan): CsvTable<MatrixRow> {
  const lines = (values: (string | null)[]) => values.filter((v): v is string => v !== null).join('\n');
  const rows = plan.clusters.flatMap((c) =>
    c.recommendations.map((r) => ({
      paragraph: r.paragraph ?? '',
      recommendation: r.text,
      response: r.response ?? '',
      cluster: c.title,
      responsibleBody: lines([...new Set(r.actions.map((a) => a.responsibleBody))]),
      action: lines(r.actions.map((a) => a.description)),
      timeline: lines(r.actions.map((a) => a.targetDate)),
      status: r.progress?.status ?? '',
      statusDate: r.progress?.date ?? '',
      evidence: r.progress ? lines([r.progress.sourceUrl, r.progress.documentSymbol]) : '',
    })),
  );
  return { filename: `follow-up-${plan.stateIso3}-${plan.reviewId}-${plan.asOf}.csv`, columns: [...MATRIX_COLUMNS], rows };
}

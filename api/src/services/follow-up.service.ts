import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { todayUtc } from '../domain/clock.js';
import { addDays } from '../domain/entry-into-force.js';
import { isOverdue, progressAsOf, progressCounts, suggestClusters } from '../domain/follow-up.js';
import { MATRIX_KEYS, planImport, readHeaders, type ImportChange, type MatrixRow } from '../domain/follow-up-matrix.js';
import { readSpreadsheet, SpreadsheetError } from '../lib/spreadsheet.js';
import type { CsvTable } from '../lib/csv-tables.js';
import type { ActionStatus, BodyKind, ProgressStatus } from '../domain/vocabulary.js';
import { groupBy } from '../lib/group-by.js';
import { InputError } from '../lib/input-error.js';
import { recordChanges, type AuditEntry } from '../repositories/audit.repository.js';
import { createFollowUpRepository } from '../repositories/follow-up.repository.js';
import type {
  ActionInput,
  BodyInput,
  ClusterInput,
  Deadline,
  FollowUpPlan,
  IndicatorInput,
  ItemMoveInput,
  OtherRecommendationInput,
  PlanInput,
  ImportPreview,
  ProgressUpdateInput,
  PublishInput,
} from '../schemas/follow-up.js';
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
    const indicatorsOf = groupBy(content.indicators, (a) => a.itemId);
    const updatesOf = groupBy(content.updates, (u) => u.itemId);
    const itemsOf = groupBy(content.items, (i) => i.clusterId);
    const recommendation = (i: (typeof content.items)[number]) => ({
      itemId: i.id,
      recommendationId: i.recommendationId,
      mechanism: i.mechanism ?? 'UPR',
      documentSymbol: i.documentSymbol,
      paragraph: i.paragraph,
      text: i.text,
      response: i.response,
      progress: null,
      actions: (actionsOf.get(i.id) ?? []).map((a) => {
        const status = a.status as ActionStatus;
        const { id, description, responsibleBody, targetDate } = a;
        return { id, description, responsibleBody, targetDate, status, overdue: false };
      }),
      indicators: (indicatorsOf.get(i.id) ?? []).map(({ id, description, baseline, target }) => ({ id, description, baseline, target })),
      updates: (updatesOf.get(i.id) ?? []).map(({ planId: _p, itemId: _i, ...u }) => ({ ...u, status: u.status as ProgressStatus })),
    });
    // Progress, its counts and overdue actions are filled in by planAsOf, the one place that reads them.
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
   * Runs `write` in one transaction on a plan `editor` may write to; 'not-found' or 'forbidden'
   * when the plan is not the editor's to change.
   */
  async function writeToPlan<T>(
    planId: string,
    editor: Editor,
    write: (trx: Kysely<Database>, stateIso3: string, at: string) => Promise<T>,
  ) {
    return db.transaction().execute(async (trx) => {
      const plan = await writable(trx, planId, editor);
      if (typeof plan === 'string') return plan;
      return write(trx, plan.stateIso3, new Date().toISOString());
    });
  }

  /** As writeToPlan, on one of the plan's standing recommendations. */
  async function writeToItem<T>(
    planId: string,
    itemId: string,
    editor: Editor,
    write: (trx: Kysely<Database>, stateIso3: string, at: string) => Promise<T>,
  ) {
    return writeToPlan(planId, editor, async (trx, stateIso3, at) => {
      if (!(await createFollowUpRepository(trx).findItem(planId, itemId)))
        throw new InputError(`itemId: no recommendation "${itemId}" in this plan`);
      return write(trx, stateIso3, at);
    });
  }

  /** A cluster of the plan, or a 400 naming it. */
  async function clusterOfPlan(trx: Kysely<Database>, planId: string, clusterId: string) {
    const cluster = await createFollowUpRepository(trx).findCluster(planId, clusterId);
    if (!cluster) throw new InputError(`clusterId: no cluster "${clusterId}" in this plan`);
    return cluster;
  }

  /**
   * A responsible body's name as the State's managed list spells it, when the list has it; the
   * name as given otherwise. Writes to a plan never add to the list: it is public, and a draft's
   * content must not reach public answers (bodies are added with POST /bodies).
   */
  async function listedName(trx: Kysely<Database>, stateIso3: string, name: string | null) {
    if (!name) return null;
    return (await createFollowUpRepository(trx).findBodyByName(stateIso3, name))?.name ?? name;
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

  /**
   * The plan as `reader` (an editor, or null for an anonymous reader) may see it, as of `asOf`
   * (default today): its own organisation sees it live; others see its last publication, with
   * progress and overdue actions read as of the date.
   */
  async function read(planId: string, reader: Editor | null, asOf?: string): Promise<FollowUpPlan | 'not-found'> {
    const date = asOf ?? todayUtc();
    const plan = await createFollowUpRepository(db).findPlan(planId);
    if (!plan) return 'not-found';
    if (reader?.organisation === plan.organisation) return planAsOf((await assemble(db, planId))!, date);
    if (plan.visibility !== 'published') return 'not-found';
    const published = await createFollowUpRepository(db).latestPublication(planId);
    if (!published) return 'not-found';
    return planAsOf(JSON.parse(published.snapshot) as FollowUpPlan, date);
  }

  return {
    read,

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
        const row = {
          id: newId('action'),
          planId,
          ...input,
          responsibleBody: await listedName(trx, stateIso3, input.responsibleBody),
          recordedAt: at,
        };
        await createFollowUpRepository(trx).insertAction(row);
        await recordChanges(trx, [audit(editor, at, 'insert', 'followUpAction', row.id, null, row, stateIso3)]);
        return row;
      });
    },

    async addIndicator(planId: string, input: IndicatorInput, editor: Editor) {
      return writeToItem(planId, input.itemId, editor, async (trx, stateIso3, at) => {
        const row = { id: newId('indicator'), planId, ...input, recordedAt: at };
        await createFollowUpRepository(trx).insertIndicator(row);
        await recordChanges(trx, [audit(editor, at, 'insert', 'followUpIndicator', row.id, null, row, stateIso3)]);
        return row;
      });
    },

    async addCluster(planId: string, input: ClusterInput, editor: Editor) {
      return writeToPlan(planId, editor, async (trx, stateIso3, at) => {
        const repo = createFollowUpRepository(trx);
        const row = { id: newId('cluster'), planId, title: input.title, position: await repo.nextPosition('followUpCluster', planId) };
        await repo.insertCluster(row);
        await recordChanges(trx, [audit(editor, at, 'insert', 'followUpCluster', row.id, null, row, stateIso3)]);
        return row;
      });
    },

    async renameCluster(planId: string, clusterId: string, input: ClusterInput, editor: Editor) {
      return writeToPlan(planId, editor, async (trx, stateIso3, at) => {
        const before = await clusterOfPlan(trx, planId, clusterId);
        await createFollowUpRepository(trx).renameCluster(clusterId, input.title);
        const after = { ...before, title: input.title };
        await recordChanges(trx, [audit(editor, at, 'update', 'followUpCluster', clusterId, before, after, stateIso3)]);
        return after;
      });
    },

    /** Moves a recommendation to another cluster of the plan. */
    async moveItem(planId: string, itemId: string, input: ItemMoveInput, editor: Editor) {
      return writeToItem(planId, itemId, editor, async (trx, stateIso3, at) => {
        await clusterOfPlan(trx, planId, input.clusterId);
        const repo = createFollowUpRepository(trx);
        const before = (await repo.findItem(planId, itemId))!;
        await repo.moveItem(itemId, input.clusterId);
        const after = { ...before, clusterId: input.clusterId };
        await recordChanges(trx, [audit(editor, at, 'update', 'followUpItem', itemId, before, after, stateIso3)]);
        return after;
      });
    },

    /** Takes a recommendation out of the plan: it is marked removed, never deleted, with its actions and updates kept. */
    async removeItem(planId: string, itemId: string, input: PublishInput, editor: Editor) {
      return writeToItem(planId, itemId, editor, async (trx, stateIso3, at) => {
        const repo = createFollowUpRepository(trx);
        const before = (await repo.findItem(planId, itemId))!;
        await repo.removeItem(itemId, at);
        const after = { ...before, removedAt: at };
        await recordChanges(trx, [
          { ...audit(editor, at, 'remove', 'followUpItem', itemId, before, after, stateIso3), reason: input.reason },
        ]);
        return after;
      });
    },

    /** Adds a recommendation of another mechanism (e.g. a CAT concluding-observations paragraph) by hand. */
    async addOtherRecommendation(planId: string, input: OtherRecommendationInput, editor: Editor) {
      return writeToPlan(planId, editor, async (trx, stateIso3, at) => {
        await clusterOfPlan(trx, planId, input.clusterId);
        const repo = createFollowUpRepository(trx);
        const { clusterId, ...what } = input;
        const row = {
          id: newId('item'),
          planId,
          clusterId,
          recommendationId: null,
          position: await repo.nextPosition('followUpItem', planId),
          removedAt: null,
          ...what,
        };
        await repo.insertItems([row]);
        await recordChanges(trx, [audit(editor, at, 'insert', 'followUpItem', row.id, null, row, stateIso3)]);
        return row;
      });
    },

    /** A State's managed list of responsible bodies (public: names of public institutions). */
    listBodies: (stateIso3: string) =>
      createFollowUpRepository(db)
        .bodies(stateIso3)
        .then((rows) => rows.map((b) => ({ ...b, kind: b.kind as BodyKind }))),

    async addBody(input: BodyInput, editor: Editor) {
      return db.transaction().execute(async (trx) => {
        const repo = createFollowUpRepository(trx);
        if (!(await repo.stateExists(input.stateIso3))) throw new InputError(`stateIso3: no State "${input.stateIso3}" in the registry`);
        const known = await repo.findBodyByName(input.stateIso3, input.name);
        if (known) throw new InputError(`name: "${known.name}" is already in ${input.stateIso3}'s list of responsible bodies`);
        const at = new Date().toISOString();
        const body = { id: newId('body'), ...input, addedAt: at, addedBy: editor.name, organisation: editor.organisation };
        await repo.insertBody(body);
        await recordChanges(trx, [audit(editor, at, 'insert', 'followUpBody', body.id, null, body, input.stateIso3)]);
        const { addedBy: _a, ...shown } = body;
        return shown;
      });
    },

    /**
     * Actions due from today to `days` ahead, and those overdue, in the plans the reader may see
     * (others' as last published, its own as they are), soonest first.
     */
    async deadlines(filters: { days: number; organisation?: string; stateIso3?: string }, reader: Editor | null) {
      const from = todayUtc();
      const to = addDays(from, filters.days);
      const listed = await createFollowUpRepository(db).listPlans(filters, reader?.organisation ?? null);
      const deadlines: Deadline[] = [];
      for (const summary of listed) {
        const plan = await read(summary.id, reader);
        if (plan === 'not-found') continue;
        for (const r of plan.clusters.flatMap((c) => c.recommendations))
          for (const a of r.actions) {
            if (a.targetDate === null || a.targetDate > to) continue;
            if (a.targetDate < from && !a.overdue) continue;
            if (a.status === 'completed' || a.status === 'cancelled') continue;
            const { id: actionId, description, responsibleBody, status, overdue } = a;
            deadlines.push({
              planId: plan.id,
              planTitle: plan.title,
              organisation: plan.organisation,
              stateIso3: plan.stateIso3,
              actionId,
              description,
              responsibleBody,
              targetDate: a.targetDate,
              status,
              overdue,
              recommendation: r.paragraph ? `${r.paragraph} ${r.text}` : r.text,
            });
          }
      }
      deadlines.sort((a, b) => a.targetDate.localeCompare(b.targetDate) || a.actionId.localeCompare(b.actionId));
      return { from, to, deadlines };
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

    /**
     * Imports an implementation matrix (XLSX or CSV) into the plan: a preview of what each row
     * would change (dry run), or all of it applied in one transaction, or nothing when any row is
     * refused or a match by text is not confirmed (domain/follow-up-matrix.ts, planImport).
     */
    async importMatrix(
      planId: string,
      file: Buffer,
      options: { dryRun: boolean; confirm: ReadonlySet<number> },
      editor: Editor,
    ): Promise<ImportPreview | 'not-found' | 'forbidden'> {
      const sheet = await readMatrix(file);
      return writeToPlan(planId, editor, async (trx, stateIso3, at) => {
        const repo = createFollowUpRepository(trx);
        const plan = (await assemble(trx, planId))!;
        const recommendations = plan.clusters.flatMap((c) => c.recommendations.map((r) => ({ ...r, clusterTitle: c.title })));
        const byItem = new Map(recommendations.map((r) => [r.itemId, r]));
        const planned = planImport(
          sheet,
          {
            targets: recommendations.map((r) => ({ ...r, actions: r.actions.map((a) => a.description) })),
            clusterTitles: plan.clusters.map((c) => c.title),
            today: todayUtc(),
          },
          options.confirm,
        );
        const toConfirm = planned.rows.filter((r) => !r.confirmed);
        const preview: ImportPreview = {
          applied: false,
          rows: planned.rows.map((r) => ({
            ...r,
            paragraph: byItem.get(r.itemId)!.paragraph,
            text: byItem.get(r.itemId)!.text,
            changes: r.changes.map((c) => ({ kind: c.kind, detail: describeChange(c) })),
          })),
          refused: planned.refused,
          summary: {
            rows: sheet.length,
            matched: planned.rows.length,
            toConfirm: toConfirm.length,
            refused: planned.refused.length,
            changes: planned.rows.reduce((n, r) => n + r.changes.length, 0),
          },
        };
        if (options.dryRun) return preview;
        if (planned.refused.length || toConfirm.length)
          throw new InputError(
            `Nothing was imported: ${planned.refused.length} rows refused and ${toConfirm.length} matches by text not confirmed (confirm=row numbers). Preview with dryRun=true.`,
            [
              ...planned.refused.map((r) => ({ path: `row ${r.row}`, message: r.message })),
              ...toConfirm.map((r) => ({
                path: `row ${r.row}`,
                message: `matched by text (similarity ${r.score}): confirm it or give its paragraph`,
              })),
            ],
          );
        const clusterIds = new Map(plan.clusters.map((c) => [c.title.toLowerCase(), c.id]));
        let position = await repo.nextPosition('followUpCluster', planId);
        const entries: AuditEntry[] = [];
        for (const change of planned.rows.flatMap((r) => r.changes)) {
          switch (change.kind) {
            case 'new-cluster': {
              const row = { id: newId('cluster'), planId, title: change.title, position: position++ };
              await repo.insertCluster(row);
              clusterIds.set(change.title.toLowerCase(), row.id);
              entries.push(audit(editor, at, 'insert', 'followUpCluster', row.id, null, row, stateIso3));
              break;
            }
            case 'cluster': {
              const clusterId = clusterIds.get(change.title.toLowerCase())!;
              await repo.moveItem(change.itemId, clusterId);
              entries.push(audit(editor, at, 'update', 'followUpItem', change.itemId, null, { clusterId }, stateIso3));
              break;
            }
            case 'action': {
              const { kind: _k, ...fields } = change;
              const responsibleBody = await listedName(trx, stateIso3, change.responsibleBody);
              const row = { id: newId('action'), planId, ...fields, responsibleBody, status: 'planned', recordedAt: at };
              await repo.insertAction(row);
              entries.push(audit(editor, at, 'insert', 'followUpAction', row.id, null, row, stateIso3));
              break;
            }
            case 'progress': {
              const { kind: _k, ...fields } = change;
              const row = { planId, ...fields, recordedAt: at, recordedBy: editor.name, organisation: editor.organisation };
              const id = await repo.insertUpdate(row);
              entries.push(audit(editor, at, 'insert', 'followUpUpdate', String(id), null, row, stateIso3));
              break;
            }
          }
        }
        entries.push(audit(editor, at, 'import', 'followUpPlan', planId, null, preview.summary, stateIso3));
        await recordChanges(trx, entries);
        return { ...preview, applied: true };
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

/** A matrix file's rows by column (XLSX recognised by its ZIP signature, anything else read as CSV), or a 400 saying why not. */
async function readMatrix(file: Buffer) {
  const kind = file.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) ? 'xlsx' : 'csv';
  try {
    const sheet = await readSpreadsheet(file, kind);
    const read = readHeaders(sheet.headers);
    if ('error' in read) throw new InputError(`file: ${read.error}`);
    return sheet.rows.map(({ row, cells }) => ({
      row,
      cells: Object.fromEntries(read.columns.flatMap((key, i) => (key ? [[key, cells[i] ?? '']] : []))),
    }));
  } catch (error) {
    if (error instanceof SpreadsheetError) throw new InputError(`file: ${error.message}`);
    throw error;
  }
}

/** A change an import brings, in words for the preview. */
function describeChange(change: ImportChange): string {
  switch (change.kind) {
    case 'new-cluster':
      return `new cluster "${change.title}"`;
    case 'cluster':
      return `moves to the cluster "${change.title}"`;
    case 'action':
      return `action "${change.description}"${change.responsibleBody ? `, by ${change.responsibleBody}` : ''}${change.targetDate ? `, due ${change.targetDate}` : ''}`;
    case 'progress':
      return `progress: ${change.status} as of ${change.date}`;
  }
}

/**
 * The plan as of `asOf`: each recommendation's updates dated after it left out, its progress the
 * latest of those left (domain/follow-up.ts), its actions overdue as of the date, and the counts
 * per cluster and for the plan. The one way progress is read, for the live plan and for a
 * published one alike.
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
        // Overdue as of the date asked: a plan published months ago has actions overdue since.
        actions: r.actions.map((a) => ({ ...a, overdue: isOverdue(a, asOf) })),
        updates: r.updates.filter((u) => u.date <= asOf),
        progress: progress ? (({ itemId: _i, ...u }) => u)(progress) : null,
      };
    });
    return { ...c, recommendations: inCluster, progress: counted(inCluster) };
  });
  return { ...plan, asOf, clusters, progress: counted(recommendations) };
}

/**
 * A plan as the implementation matrix mechanisms keep (domain/follow-up-matrix.ts): one row per
 * planned action, a recommendation without an action on a row of its own, with its latest
 * progress and the evidence. The same layout as an import reads, so a plan exported and imported
 * again changes nothing.
 */
export function planMatrix(plan: FollowUpPlan): CsvTable<MatrixRow> {
  const rows = plan.clusters.flatMap((c) =>
    c.recommendations.flatMap((r) => {
      const progress = {
        status: r.progress?.status ?? '',
        statusDate: r.progress?.date ?? '',
        narrative: r.progress?.narrative ?? '',
        evidence: r.progress ? [r.progress.sourceUrl, r.progress.documentSymbol].filter(Boolean).join('\n') : '',
      };
      const recommendation = {
        id: r.recommendationId ?? r.itemId,
        paragraph: r.paragraph ?? '',
        recommendation: r.text,
        response: r.response ?? '',
        cluster: c.title,
      };
      const actions = r.actions.length ? r.actions : [null];
      return actions.map((a) => ({
        ...recommendation,
        responsibleBody: a?.responsibleBody ?? '',
        action: a?.description ?? '',
        timeline: a?.targetDate ?? '',
        ...progress,
      }));
    }),
  );
  return { filename: `follow-up-${plan.stateIso3}-${plan.reviewId}-${plan.asOf}.csv`, columns: [...MATRIX_KEYS], rows };
}

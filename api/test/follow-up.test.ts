import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createFollowUpService } from '../src/services/follow-up.service.js';
import { ActionInput, PlanInput, ProgressUpdateInput, PublishInput, type FollowUpPlan } from '../src/schemas/follow-up.js';
import type { ChangesResponse } from '../src/schemas/changes.js';
import { editorSession, editorToken, setup } from './helper.js';

/**
 * UPR follow-up plans on the seeded database: a plan for a real review, Slovenia's at the 48th
 * session (254 recommendations in the bundled data). The actions and updates are made up for the
 * test; no State's real progress is claimed.
 */
const NHRI = { name: 'Ana Novak', organisation: 'Human Rights Ombudsman (test)' };
const NGO = { name: 'Bor Kranjc', organisation: 'NGO coalition (test)' };
const evidence = { sourceUrl: 'https://example.org/test-evidence', documentSymbol: null };
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function seeded() {
  const { app } = await setup({ seed: true });
  return { app, plans: createFollowUpService(app.db) };
}

describe('UPR follow-up plans', () => {
  it('builds a plan from a whole review, clustered by theme; updated twice, published, and read by others as published', async () => {
    const { app, plans } = await seeded();
    const reviewCount = await app.db
      .selectFrom('uprRecommendation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('reviewId', '=', 'SVN-48')
      .executeTakeFirstOrThrow();
    expect(reviewCount.n).toBe(254);

    const plan = await plans.create(PlanInput.parse({ reviewId: 'SVN-48', title: 'Mid-term follow-up of the 4th cycle' }), NHRI);
    expect(plan).toMatchObject({
      stateIso3: 'SVN',
      session: 48,
      cycle: 4,
      organisation: NHRI.organisation,
      visibility: 'draft',
      version: 0,
    });
    const recommendations = plan.clusters.flatMap((c) => c.recommendations);
    expect(recommendations).toHaveLength(254);
    expect(new Set(recommendations.map((r) => r.recommendationId)).size).toBe(254);
    expect(plan.clusters.length).toBeGreaterThan(3);
    // Largest cluster first; each recommendation under its first theme.
    const sizes = plan.clusters.map((c) => c.recommendations.length);
    expect(sizes[0]).toBe(Math.max(...sizes));
    expect(plan.progress['no-update']).toBe(254);

    // A draft: invisible to anonymous readers and to another organisation, visible to its own.
    expect(await plans.read(plan.id, null)).toBe('not-found');
    expect(await plans.read(plan.id, NGO)).toBe('not-found');
    expect((await plans.list({ stateIso3: 'SVN' }, null)).map((p) => p.id)).not.toContain(plan.id);
    expect((await plans.list({ stateIso3: 'SVN' }, NGO)).map((p) => p.id)).not.toContain(plan.id);
    expect((await plans.list({ stateIso3: 'SVN' }, NHRI)).map((p) => p.id)).toContain(plan.id);
    expect(await plans.addAction(plan.id, ActionInput.parse({ itemId: recommendations[0]!.itemId, description: 'x y z' }), NGO)).toBe(
      'not-found',
    );

    const item = recommendations.find((r) => r.paragraph === '140.7')!;
    const action = await plans.addAction(
      plan.id,
      ActionInput.parse({
        itemId: item.itemId,
        description: 'Draft the ratification bill',
        responsibleBody: 'Ministry of Foreign Affairs',
        targetDate: daysAgo(30),
      }),
      NHRI,
    );
    expect(action).toMatchObject({ status: 'planned' });
    const first = await plans.recordUpdate(
      plan.id,
      ProgressUpdateInput.parse({
        itemId: item.itemId,
        status: 'not-started',
        date: daysAgo(200),
        narrative: 'Nothing done yet',
        ...evidence,
      }),
      NHRI,
    );
    expect(first).toMatchObject({ status: 'not-started' });
    await plans.recordUpdate(
      plan.id,
      ProgressUpdateInput.parse({
        itemId: item.itemId,
        status: 'in-progress',
        date: daysAgo(10),
        narrative: 'Bill in consultation',
        ...evidence,
      }),
      NHRI,
    );

    const live = (await plans.read(plan.id, NHRI)) as Exclude<Awaited<ReturnType<typeof plans.read>>, string>;
    const liveItem = live.clusters.flatMap((c) => c.recommendations).find((r) => r.itemId === item.itemId)!;
    expect(liveItem.progress?.status).toBe('in-progress');
    expect(liveItem.updates.map((u) => u.status)).toEqual(['in-progress', 'not-started']);
    expect(liveItem.actions[0]).toMatchObject({ responsibleBody: 'Ministry of Foreign Affairs', overdue: true });
    expect(live.progress['in-progress']).toBe(1);

    const published = await plans.publish(plan.id, PublishInput.parse({ reason: 'Mid-term report adopted' }), NHRI);
    expect(published).toMatchObject({ visibility: 'published', version: 1 });
    expect(await plans.publish(plan.id, PublishInput.parse({ reason: 'not mine' }), NGO)).toBe('forbidden');

    // Published: every reader sees it; as of a date before the second update, the first.
    const seen = (await plans.read(plan.id, null)) as Exclude<Awaited<ReturnType<typeof plans.read>>, string>;
    expect(seen.version).toBe(1);
    expect(seen.clusters.flatMap((c) => c.recommendations).find((r) => r.itemId === item.itemId)?.progress?.status).toBe('in-progress');
    const earlier = (await plans.read(plan.id, NGO, daysAgo(100))) as Exclude<Awaited<ReturnType<typeof plans.read>>, string>;
    expect(earlier.clusters.flatMap((c) => c.recommendations).find((r) => r.itemId === item.itemId)?.progress?.status).toBe('not-started');
    expect((await plans.list({ stateIso3: 'SVN', cycle: 4 }, null)).map((p) => p.id)).toContain(plan.id);

    // A change after publication stays the owner's until published again.
    await plans.recordUpdate(
      plan.id,
      ProgressUpdateInput.parse({ itemId: item.itemId, status: 'implemented', date: daysAgo(1), narrative: 'Ratified', ...evidence }),
      NHRI,
    );
    const reader = (await plans.read(plan.id, null)) as Exclude<Awaited<ReturnType<typeof plans.read>>, string>;
    expect(reader.clusters.flatMap((c) => c.recommendations).find((r) => r.itemId === item.itemId)?.progress?.status).toBe('in-progress');
    const owner = (await plans.read(plan.id, NHRI)) as Exclude<Awaited<ReturnType<typeof plans.read>>, string>;
    expect(owner.clusters.flatMap((c) => c.recommendations).find((r) => r.itemId === item.itemId)?.progress?.status).toBe('implemented');

    // Every write audited, with the organisation; none of it in the public change feed.
    const audited = await app.db
      .selectFrom('auditLog')
      .select(['action', 'entity', 'organisation'])
      .where('entity', 'like', 'followUp%')
      .orderBy('id')
      .execute();
    expect(audited.map((a) => `${a.entity}:${a.action}`)).toEqual([
      'followUpPlan:insert',
      'followUpAction:insert',
      'followUpUpdate:insert',
      'followUpUpdate:insert',
      'followUpPlan:publish',
      'followUpUpdate:insert',
    ]);
    expect(audited.every((a) => a.organisation === NHRI.organisation)).toBe(true);
    const feed = (await app.inject('/api/changes?limit=500')).json<ChangesResponse>();
    expect(JSON.stringify(feed)).not.toContain('Bill in consultation');
  });

  it('refuses what it cannot do, saying why', async () => {
    const { plans } = await seeded();
    await expect(plans.create(PlanInput.parse({ reviewId: 'XXX-99', title: 'Nothing' }), NHRI)).rejects.toThrow(/reviewId/);
    await expect(
      plans.create(PlanInput.parse({ reviewId: 'SVN-48', title: 'Some', recommendations: ['not-a-recommendation'] }), NHRI),
    ).rejects.toThrow(/not recommendations of review SVN-48/);
    const plan = await plans.create(
      PlanInput.parse({
        reviewId: 'SVN-48',
        title: 'Two recommendations',
        clusterBy: 'none',
        recommendations: ['ohchr-tl:48:SVN:7639524ba4', 'ohchr-tl:48:SVN:d35e4cb9c0'],
      }),
      NHRI,
    );
    expect(plan.clusters.map((c) => c.recommendations.length)).toEqual([2]);
    const itemId = plan.clusters[0]!.recommendations[0]!.itemId;
    await expect(
      plans.recordUpdate(
        plan.id,
        ProgressUpdateInput.parse({ itemId, status: 'implemented', date: '2999-01-01', narrative: 'Later', ...evidence }),
        NHRI,
      ),
    ).rejects.toThrow(/future/);
    await expect(plans.addAction(plan.id, ActionInput.parse({ itemId: 'item-none', description: 'Something' }), NHRI)).rejects.toThrow(
      /itemId/,
    );
    // Evidence is required, and named when missing.
    const uncited = ProgressUpdateInput.safeParse({ itemId, status: 'implemented', date: daysAgo(1), narrative: 'Done', sourceUrl: null });
    expect(uncited.success).toBe(false);
    expect(uncited.error?.issues[0]?.message).toContain('cite the evidence');
    expect(PlanInput.safeParse({ reviewId: 'SVN-48', title: 'x', clusterBy: 'colour' }).success).toBe(false);
  });
});

describe('UPR follow-up plans over HTTP', () => {
  it('keeps a draft to its organisation in every answer, cached or not; publishes; gives the matrix as CSV', async () => {
    const { app } = await setup({ seed: true });
    const owner = await editorToken(app, ['follow-up'], { organisation: NHRI.organisation });
    const other = await editorToken(app, ['follow-up'], { organisation: NGO.organisation });
    const session = await editorSession(app, { organisation: NHRI.organisation });

    const created = await app.inject({
      method: 'POST',
      url: '/api/follow-up/plans',
      payload: { reviewId: 'SVN-48', title: 'Follow-up of the 4th cycle (test)' },
      headers: owner.headers,
    });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json<FollowUpPlan>();
    const url = `/api/follow-up/plans/${plan.id}`;

    // The owner reads it (through a session too); then an anonymous reader asks the same URL: no cached copy answers.
    expect((await app.inject({ url, headers: owner.headers })).statusCode).toBe(200);
    const bySession = await app.inject({ url, headers: { cookie: session.headers.cookie } });
    expect(bySession.statusCode).toBe(200);
    expect(bySession.headers['cache-control']).toBe('no-store');
    expect((await app.inject(url)).statusCode).toBe(404);
    expect((await app.inject({ url, headers: other.headers })).statusCode).toBe(404);
    expect((await app.inject('/api/follow-up/plans?state=SVN')).json().plans).toEqual([]);
    expect((await app.inject({ url: '/api/follow-up/plans?state=SVN', headers: owner.headers })).json().plans).toHaveLength(1);
    const search = await app.inject('/api/upr/recommendations?q=Follow-up%20of%20the%204th%20cycle');
    expect(search.body).not.toContain(plan.id);

    // Another organisation cannot write to it, nor learn that it exists.
    const itemId = plan.clusters[0]!.recommendations[0]!.itemId;
    const update = { itemId, status: 'in-progress', date: daysAgo(5), narrative: 'Work started (test)', ...evidence };
    expect((await app.inject({ method: 'POST', url: `${url}/updates`, payload: update, headers: other.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `${url}/updates`, payload: update, headers: owner.headers })).statusCode).toBe(201);
    const bad = await app.inject({
      method: 'POST',
      url: `${url}/updates`,
      payload: { ...update, sourceUrl: null },
      headers: owner.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('cite the evidence');

    const published = await app.inject({
      method: 'POST',
      url: `${url}/publish`,
      payload: { reason: 'Published for the mid-term (test)' },
      headers: owner.headers,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(
      (await app.inject({ method: 'POST', url: `${url}/publish`, payload: { reason: 'Not ours' }, headers: other.headers })).statusCode,
    ).toBe(403);
    const read = await app.inject(url);
    expect(read.statusCode).toBe(200);
    expect(read.json<FollowUpPlan>().progress['in-progress']).toBe(1);
    expect((await app.inject('/api/follow-up/plans?state=SVN&cycle=4')).json().plans.map((p: { id: string }) => p.id)).toEqual([plan.id]);

    const csv = await app.inject(`${url}?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(254);
    expect(rows.find((r) => r.status === 'in-progress')).toMatchObject({ evidence: evidence.sourceUrl });

    expect((await app.inject('/api/follow-up/plans/not-a-plan')).statusCode).toBe(400);
    expect((await app.inject('/api/follow-up/plans/plan-000000000000')).statusCode).toBe(404);
    const noReview = await app.inject({
      method: 'POST',
      url: '/api/follow-up/plans',
      payload: { reviewId: 'XXX-1', title: 'Nothing' },
      headers: owner.headers,
    });
    expect(noReview.statusCode).toBe(400);
    expect(noReview.json().message).toContain('reviewId');
  });
});

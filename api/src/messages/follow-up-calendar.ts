/**
 * Planned actions of follow-up plans as an RFC 5545 calendar (domain/ics.ts): one all-day event
 * per action on its target date, its UID the action's id, so a subscribed calendar updates the
 * event when the action's date or status changes instead of adding another.
 */
import { buildIcsCalendar } from '../domain/ics.js';
import type { Deadline } from '../schemas/follow-up.js';

export function deadlinesCalendar(
  deadlines: readonly Deadline[],
  { organisation, state, dtstamp, publicUrl }: { organisation?: string; state?: string; dtstamp: string; publicUrl: string },
): string {
  return buildIcsCalendar({
    prodId: '-//Treaty tracker//UPR follow-up deadlines//EN',
    name: `UPR follow-up actions due${organisation ? ` (${organisation})` : ''}${state ? ` for ${state}` : ''}`,
    dtstamp,
    events: deadlines.map((d) => ({
      uid: `${d.actionId}@follow-up.tracker`,
      date: d.targetDate,
      summary: `${d.stateIso3}: ${d.description}`,
      description: [
        `Plan: ${d.planTitle} (${d.organisation})`,
        `Recommendation: ${d.recommendation}`,
        d.responsibleBody ? `Responsible: ${d.responsibleBody}` : null,
        `Status: ${d.status}${d.overdue ? ' (overdue)' : ''}`,
      ]
        .filter(Boolean)
        .join('\n'),
      url: `${publicUrl}/follow-up/plans/${d.planId}`,
      categories: ['UPR follow-up'],
    })),
  });
}

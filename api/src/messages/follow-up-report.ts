/**
 * The mid-term report of a follow-up plan as a Word document (the `docx` library): per cluster,
 * each recommendation with the State's response, the planned actions, indicators, and the
 * progress as of the report's date with its evidence. A4 portrait, the library's default page.
 * The dashboard's printable report (/follow-up/plans/{id}/report) shows the same content.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { FollowUpPlan } from '../schemas/follow-up.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const STATUS_WORDS: Record<string, string> = {
  'not-started': 'not started',
  'in-progress': 'in progress',
  'partially-implemented': 'partially implemented',
  implemented: 'implemented',
  'no-longer-relevant': 'no longer relevant',
  'no-update': 'no update',
  planned: 'planned',
  completed: 'completed',
  stalled: 'stalled',
  cancelled: 'cancelled',
};
const words = (code: string) => STATUS_WORDS[code] ?? code;
const counts = (progress: FollowUpPlan['progress']) =>
  Object.entries(progress)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${words(status)}`)
    .join(', ') || 'no recommendations';
const line = (label: string, value: string) =>
  new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });

export async function planReportDocx(plan: FollowUpPlan): Promise<Buffer> {
  const body: Paragraph[] = [
    new Paragraph({ text: plan.title, heading: HeadingLevel.TITLE }),
    line('State', plan.stateIso3),
    line('Review', `${plan.reviewId} (session ${plan.session}, cycle ${plan.cycle})`),
    line('Organisation', plan.organisation),
    line('Progress as of', plan.asOf),
    line(
      'Version',
      plan.visibility === 'published'
        ? `published ${plan.version} time(s), last on ${plan.publishedAt?.slice(0, 10)}`
        : 'draft, not published',
    ),
    line('Overall', counts(plan.progress)),
  ];
  if (plan.description) body.push(new Paragraph(plan.description));
  for (const cluster of plan.clusters) {
    body.push(new Paragraph({ text: cluster.title, heading: HeadingLevel.HEADING_1 }), line('Progress', counts(cluster.progress)));
    for (const r of cluster.recommendations) {
      const name = [r.mechanism !== 'UPR' ? r.mechanism : null, r.documentSymbol, r.paragraph ? `para. ${r.paragraph}` : null]
        .filter(Boolean)
        .join(', ');
      body.push(new Paragraph({ text: name || 'Recommendation', heading: HeadingLevel.HEADING_2 }), new Paragraph(r.text));
      body.push(line('Response', r.response ?? 'not recorded'));
      for (const a of r.actions)
        body.push(
          new Paragraph({
            bullet: { level: 0 },
            text: [
              a.description,
              a.responsibleBody,
              a.targetDate ? `due ${a.targetDate}` : null,
              words(a.status),
              a.overdue ? 'overdue' : null,
            ]
              .filter(Boolean)
              .join(' · '),
          }),
        );
      for (const i of r.indicators)
        body.push(
          line(
            'Indicator',
            [i.description, i.baseline ? `baseline ${i.baseline}` : null, i.target ? `target ${i.target}` : null]
              .filter(Boolean)
              .join('; '),
          ),
        );
      if (r.progress) {
        body.push(line('Status', `${words(r.progress.status)} as of ${r.progress.date}`), new Paragraph(r.progress.narrative));
        body.push(line('Evidence', [r.progress.sourceUrl, r.progress.documentSymbol].filter(Boolean).join(' · ')));
      } else body.push(line('Status', `no update as of ${plan.asOf}`));
    }
  }
  const document = new Document({
    creator: plan.organisation,
    title: plan.title,
    description: `Mid-term report of ${plan.title}, as of ${plan.asOf}`,
    sections: [{ children: body }],
  });
  return Packer.toBuffer(document);
}

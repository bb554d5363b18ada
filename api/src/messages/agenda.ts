/**
 * The agenda's words (GET /api/agenda's titles and its calendar feed) in the four languages, from
 * the catalogues agenda.<language>.json; CAT reports are named as everywhere else (cat-reporting.ts).
 * i18next does the interpolation and plurals, as for the CAT reporting text.
 */
import type { AgendaFact } from '../domain/agenda.js';
import { LANGUAGES, type Language } from '../domain/languages.js';
import { reportName } from './cat-reporting.js';
import { catWording } from './cat-reporting-en.js';
import { plainTextTranslator } from './translator.js';
import ar from './agenda.ar.json' with { type: 'json' };
import en from './agenda.en.json' with { type: 'json' };
import es from './agenda.es.json' with { type: 'json' };
import fr from './agenda.fr.json' with { type: 'json' };

const MESSAGES: Record<Language, { agendaText: Record<string, unknown> }> = { en, fr, es, ar };
const K = 'agendaText';

export type AgendaTranslate = (key: string, values?: Record<string, unknown>) => string;

function translatorIn(language: Language): AgendaTranslate {
  const t = plainTextTranslator(language, MESSAGES[language]);
  return (key, values) => t(`${K}.${key}`, values ?? {});
}

const translators = Object.fromEntries(LANGUAGES.map((l) => [l, translatorIn(l)])) as Record<Language, AgendaTranslate>;

/** The agenda's translator in a language (keys under `agendaText`). */
export const agendaWording = (language: Language): AgendaTranslate => translators[language];

/** An event's one-line title, e.g. "Rome Statute: entry into force for Ukraine". */
export function agendaTitle(fact: AgendaFact, names: { state: string | null; instrument: string | null }, language: Language): string {
  const t = agendaWording(language);
  const d = fact.details;
  const values = { state: names.state ?? '', instrument: names.instrument ?? '', session: d.session ?? '' };
  switch (fact.kind) {
    case 'cat-dialogue':
      return d.territory ? t('title.cat-dialogue-territory', { ...values, territory: d.territory }) : t('title.cat-dialogue', values);
    case 'cat-report-due':
      return d.reportNumber === undefined
        ? t('title.cat-report-due-unnumbered', values)
        : t('title.cat-report-due', {
            ...values,
            report: reportName(
              { reportNumber: d.reportNumber, lastReportNumber: d.lastReportNumber ?? d.reportNumber },
              catWording(language),
            ),
          });
    case 'entry-into-force':
      return fact.stateIso3 ? t('title.entry-into-force', values) : t('title.entry-into-force-general', values);
    case 'amendment-activation':
      return t(`title.amendment-activation-${d.activation ?? 'jurisdiction'}`, values);
    case 'follow-up-action-due':
      return t('title.follow-up-action-due', { ...values, plan: d.planTitle ?? '', action: d.action ?? '' });
    default:
      return t(`title.${fact.kind}`, values);
  }
}

/**
 * The words for an empty place in the record, from the one rule in api/src/domain/absence.ts, so
 * every page says "not applicable", "none recorded" and "not recorded" in the same cases.
 */
import {
  declarationAbsence,
  DECLARATIONS_LISTED_COMPLETELY,
  NOT_OPEN_FOR_SIGNATURE,
  signatureAbsence,
  type InstrumentId,
} from '@tracker/api/domain';
import type { TFunction } from 'i18next';
import type { StatusRow } from '$lib/status-text';
import { formatList } from '$lib/dates';

/**
 * What stands in for a missing signature date: `notApplicable` (shown as "—", read out as "not
 * applicable (accession)", or "(amendment)" for the Rome Statute's amendments, which are never
 * signed) when there is no signature to record, otherwise "not recorded".
 */
export function missingSignature(
  consent: StatusRow['consent'],
  t: TFunction,
  instrumentId?: InstrumentId,
): { text: string; notApplicable: boolean } {
  if (instrumentId && NOT_OPEN_FOR_SIGNATURE.includes(instrumentId))
    return { text: t('common.notApplicable.amendment'), notApplicable: true };
  const kind = consent?.kind;
  if (signatureAbsence(kind) === 'not-applicable') return { text: t(`common.notApplicable.${kind}`), notApplicable: true };
  return { text: t('common.notRecorded'), notApplicable: false };
}

/** A cell with no declaration under one article: "none recorded" where the source lists them all, else "not recorded". */
export const noDeclarationUnder = (instrumentId: InstrumentId, article: string, t: TFunction): string =>
  t(declarationAbsence(instrumentId, article) === 'none-recorded' ? 'common.noneRecorded' : 'common.notRecorded');

/**
 * An empty list of a State's declarations and reservations under an instrument: "none recorded
 * under art. 21, 22 and 28(1)" where a source lists those articles completely (UNCAT, OPCAT), else
 * "not recorded". Never a bare "none": the sources leave the other articles out.
 */
export function noDeclarations(instrumentId: InstrumentId, t: TFunction, locale: string): string {
  const articles = DECLARATIONS_LISTED_COMPLETELY[instrumentId];
  return articles ? t('common.noneRecordedUnder', { articles: formatList([...articles], locale) }) : t('common.notRecorded');
}

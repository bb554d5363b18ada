/**
 * Real API answers, for tests: GET /api/cat-reporting?asOf=2026-04-22 (some of the states) and
 * GET /api/cat-reporting/{ESP,NGA}?asOf=2026-04-22, as served from the bundled data (records to 2026-04-22).
 */
import type { CatReportingDetail, CatReportingRow } from '$lib/api-types';

export const LIST_2026_04_22: { asOf: string; dataAsOf: string; states: CatReportingRow[] } = {
 "asOf": "2026-04-22",
 "dataAsOf": "2026-04-22",
 "states": [
  {
   "iso3": "ALB",
   "name": "Albania",
   "region": {
    "code": "150",
    "name": "Europe"
   },
   "unRegionalGroup": "eastern-european",
   "ldc": false,
   "sids": false,
   "party": true,
   "entryIntoForce": {
    "date": "1994-06-10",
    "computed": true
   },
   "completeness": "partial",
   "completenessBasis": "Reports recorded report by report: 2nd to 3rd; not recorded: initial.",
   "historyAsOf": "2026-04-22",
   "situation": "up-to-date",
   "situationBasis": "3rd periodic report received on 2021-07-19; 4th periodic report due 2029-11-27 (computed).",
   "lastReportReceived": {
    "kind": "report",
    "reportNumber": 3,
    "lastReportNumber": 3,
    "procedure": "standard",
    "procedureBasis": "Recorded: standard (list of issues after the report).",
    "label": "3rd periodic",
    "recordId": "ALB:3",
    "due": {
     "date": "2016-01-01",
     "precision": "year",
     "notBefore": null,
     "basis": "recorded",
     "sourceId": "cat-reporting-history-17-states",
     "rule": null,
     "asStated": "2016",
     "note": null
    },
    "status": "received",
    "receivedBy": "2021-07-19",
    "overdue": null
   },
   "nextReportDue": {
    "kind": "report",
    "reportNumber": 4,
    "lastReportNumber": 4,
    "procedure": null,
    "procedureBasis": null,
    "label": "4th periodic",
    "recordId": null,
    "due": {
     "date": "2029-11-27",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "cat-reporting-history-17-states",
     "rule": "UNCAT art. 19(1): periodic report due four years after the concluding observations on the previous report, unless the Committee set another date (not recorded here)",
     "asStated": null,
     "note": "Four years after the concluding observations on the 3rd periodic report (2025-11-27)."
    },
    "status": "not-yet-due",
    "receivedBy": null,
    "overdue": null
   },
   "procedure": null,
   "latestFollowUp": {
    "kind": "follow-up",
    "reportNumber": 3,
    "lastReportNumber": 3,
    "concludingObservationsAdopted": {
     "from": "2025-11-27",
     "to": "2025-11-27",
     "precision": "day"
    },
    "label": "follow-up to the concluding observations on the 3rd periodic report",
    "recordId": "ALB:3",
    "due": {
     "date": "2026-11-27",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "cat-reporting-history-17-states",
     "rule": "Follow-up information due one year after the concluding observations",
     "asStated": null,
     "note": "One year after the concluding observations on the 3rd periodic report (2025-11-27)."
    },
    "status": "not-yet-due",
    "receivedBy": null,
    "overdue": null
   },
   "establishedOverdue": [],
   "daysOverdue": null,
   "sourceIds": [
    "cat-reporting-history-17-states",
    "ungeneva-2025-11-cat-83rd-session-opens",
    "untc-iv-9-2026-02-03"
   ]
  },
  {
   "iso3": "DZA",
   "name": "Algeria",
   "region": {
    "code": "002",
    "name": "Africa"
   },
   "unRegionalGroup": "african",
   "ldc": false,
   "sids": false,
   "party": true,
   "entryIntoForce": {
    "date": "1989-10-12",
    "computed": true
   },
   "completeness": "none",
   "completenessBasis": "No report, review or follow-up is recorded for this State in the bundled sources; only the initial report's due date can be computed (1990-10-12, from the entry into force).",
   "historyAsOf": "2026-04-22",
   "situation": "history-not-recorded",
   "situationBasis": "Initial report due 1990-10-12 (computed), not recorded as received. Reporting history not recorded: No report, review or follow-up is recorded for this State in the bundled sources; only the initial report's due date can be computed (1990-10-12, from the entry into force).",
   "lastReportReceived": null,
   "nextReportDue": {
    "kind": "report",
    "reportNumber": 1,
    "lastReportNumber": 1,
    "procedure": null,
    "procedureBasis": null,
    "label": "initial",
    "recordId": null,
    "due": {
     "date": "1990-10-12",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "untc-iv-9-2026-02-03",
     "rule": "UNCAT art. 19(1): initial report due one year after the Convention entered into force for the State",
     "asStated": null,
     "note": "Entry into force for the State: 1989-10-12 (computed from the deposit, art. 27)."
    },
    "status": "not-recorded",
    "receivedBy": null,
    "overdue": null
   },
   "procedure": null,
   "latestFollowUp": null,
   "establishedOverdue": [],
   "daysOverdue": null,
   "sourceIds": [
    "untc-iv-9-2026-02-03"
   ]
  },
  {
   "iso3": "BGD",
   "name": "Bangladesh",
   "region": {
    "code": "142",
    "name": "Asia"
   },
   "unRegionalGroup": "asia-pacific",
   "ldc": true,
   "sids": false,
   "party": true,
   "entryIntoForce": {
    "date": "1998-11-04",
    "computed": true
   },
   "completeness": "partial",
   "completenessBasis": "No report-by-report history. The sessions list (53rd to 84th sessions, 2014 to 2026, with gaps) records: report considered at the 67th session. Named as late with follow-up information on the Committee's lists of July 2023, November 2023, July 2024, November 2024, April 2025, November 2025.",
   "historyAsOf": "2026-04-22",
   "situation": "follow-up-overdue",
   "situationBasis": "Named as late with follow-up information on the Committee's list of November 2025 (83rd session, position 1 of 23).",
   "lastReportReceived": null,
   "nextReportDue": null,
   "procedure": null,
   "latestFollowUp": {
    "kind": "follow-up",
    "reportNumber": null,
    "lastReportNumber": null,
    "concludingObservationsAdopted": null,
    "label": "follow-up to concluding observations not identified in the record",
    "recordId": null,
    "due": {
     "date": null,
     "precision": null,
     "notBefore": null,
     "basis": null,
     "sourceId": null,
     "rule": null,
     "asStated": null,
     "note": "Not recorded: the concluding observations the list refers to are not recorded."
    },
    "status": "overdue",
    "receivedBy": null,
    "overdue": {
     "establishedBy": "committee-follow-up-list",
     "establishedAsOf": "2025-11-28",
     "daysOverdue": null,
     "sourceIds": [
      "ungeneva-2025-11-cat-follow-up"
     ],
     "basis": "Named as late with follow-up information on the Committee's list of November 2025 (83rd session, position 1 of 23)."
    }
   },
   "establishedOverdue": [
    {
     "kind": "follow-up",
     "reportNumber": null,
     "lastReportNumber": null,
     "concludingObservationsAdopted": null,
     "label": "follow-up to concluding observations not identified in the record",
     "recordId": null,
     "due": {
      "date": null,
      "precision": null,
      "notBefore": null,
      "basis": null,
      "sourceId": null,
      "rule": null,
      "asStated": null,
      "note": "Not recorded: the concluding observations the list refers to are not recorded."
     },
     "status": "overdue",
     "receivedBy": null,
     "overdue": {
      "establishedBy": "committee-follow-up-list",
      "establishedAsOf": "2025-11-28",
      "daysOverdue": null,
      "sourceIds": [
       "ungeneva-2025-11-cat-follow-up"
      ],
      "basis": "Named as late with follow-up information on the Committee's list of November 2025 (83rd session, position 1 of 23)."
     }
    }
   ],
   "daysOverdue": null,
   "sourceIds": [
    "cat-annual-report-a-75-44",
    "mirage-news-cat-follow-up-2024-07",
    "mirage-news-cat-follow-up-2024-11",
    "national-tribune-cat-follow-up-2023-07",
    "ungeneva-2023-11-cat-follow-up",
    "ungeneva-2025-04-cat-follow-up",
    "ungeneva-2025-11-cat-follow-up",
    "untc-iv-9-2026-02-03"
   ]
  },
  {
   "iso3": "BWA",
   "name": "Botswana",
   "region": {
    "code": "002",
    "name": "Africa"
   },
   "unRegionalGroup": "african",
   "ldc": false,
   "sids": false,
   "party": true,
   "entryIntoForce": {
    "date": "2000-10-08",
    "computed": true
   },
   "completeness": "complete",
   "completenessBasis": "Every reporting round from the initial report to the 2nd periodic report is recorded report by report, to 2026-04-22.",
   "historyAsOf": "2026-04-22",
   "situation": "up-to-date",
   "situationBasis": "Initial report received on 2022-04-04; 2nd periodic report due 2026-07-28 (computed).",
   "lastReportReceived": {
    "kind": "report",
    "reportNumber": 1,
    "lastReportNumber": 1,
    "procedure": "simplified",
    "procedureBasis": "Recorded: simplified reporting procedure.",
    "label": "initial",
    "recordId": "BWA:1",
    "due": {
     "date": "2001-10-08",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "untc-iv-9-2026-02-03",
     "rule": "UNCAT art. 19(1): initial report due one year after the Convention entered into force for the State",
     "asStated": "2001",
     "note": "Entry into force for the State: 2000-10-08 (computed from the deposit, art. 27). Agrees with the due year the source states (2001)."
    },
    "status": "received",
    "receivedBy": "2022-04-04",
    "overdue": null
   },
   "nextReportDue": {
    "kind": "report",
    "reportNumber": 2,
    "lastReportNumber": 2,
    "procedure": "simplified",
    "procedureBasis": "Recorded: simplified reporting procedure.",
    "label": "2nd periodic",
    "recordId": "BWA:2",
    "due": {
     "date": "2026-07-28",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "cat-reporting-history-17-states",
     "rule": "UNCAT art. 19(1): periodic report due four years after the concluding observations on the previous report, unless the Committee set another date (not recorded here)",
     "asStated": null,
     "note": "Four years after the concluding observations on the initial report (2022-07-28). Simplified procedure: the date the Committee set with its list of issues prior to reporting is not recorded."
    },
    "status": "not-yet-due",
    "receivedBy": null,
    "overdue": null
   },
   "procedure": "simplified",
   "latestFollowUp": {
    "kind": "follow-up",
    "reportNumber": 1,
    "lastReportNumber": 1,
    "concludingObservationsAdopted": {
     "from": "2022-07-28",
     "to": "2022-07-28",
     "precision": "day"
    },
    "label": "follow-up to the concluding observations on the initial report",
    "recordId": "BWA:1",
    "due": {
     "date": "2023-07-28",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "cat-reporting-history-17-states",
     "rule": "Follow-up information due one year after the concluding observations",
     "asStated": null,
     "note": "One year after the concluding observations on the initial report (2022-07-28)."
    },
    "status": "received",
    "receivedBy": "2023-07-28",
    "overdue": null
   },
   "establishedOverdue": [],
   "daysOverdue": null,
   "sourceIds": [
    "cat-reporting-history-17-states",
    "ungeneva-2022-07-cat-74th-session-closes",
    "untc-iv-9-2026-02-03"
   ]
  },
  {
   "iso3": "BDI",
   "name": "Burundi",
   "region": {
    "code": "002",
    "name": "Africa"
   },
   "unRegionalGroup": "african",
   "ldc": true,
   "sids": false,
   "party": true,
   "entryIntoForce": {
    "date": "1993-03-20",
    "computed": true
   },
   "completeness": "partial",
   "completenessBasis": "No report-by-report history. The sessions list (53rd to 84th sessions, 2014 to 2026, with gaps) records: report considered at the 53rd session; special report considered (requested under art. 19(1) in fine) at the 58th session; list of issues (LOI) adopted (planned) at the 76th session; report considered at the 78th session. Named as late with follow-up information on the Committee's lists of April 2025, November 2025.",
   "historyAsOf": "2026-04-22",
   "situation": "follow-up-overdue",
   "situationBasis": "Named as late with follow-up information on the Committee's list of November 2025 (83rd session, position 2 of 23).",
   "lastReportReceived": null,
   "nextReportDue": null,
   "procedure": null,
   "latestFollowUp": {
    "kind": "follow-up",
    "reportNumber": null,
    "lastReportNumber": null,
    "concludingObservationsAdopted": null,
    "label": "follow-up to concluding observations not identified in the record",
    "recordId": null,
    "due": {
     "date": null,
     "precision": null,
     "notBefore": null,
     "basis": null,
     "sourceId": null,
     "rule": null,
     "asStated": null,
     "note": "Not recorded: the concluding observations the list refers to are not recorded."
    },
    "status": "overdue",
    "receivedBy": null,
    "overdue": {
     "establishedBy": "committee-follow-up-list",
     "establishedAsOf": "2025-11-28",
     "daysOverdue": null,
     "sourceIds": [
      "ungeneva-2025-11-cat-follow-up"
     ],
     "basis": "Named as late with follow-up information on the Committee's list of November 2025 (83rd session, position 2 of 23)."
    }
   },
   "establishedOverdue": [
    {
     "kind": "follow-up",
     "reportNumber": null,
     "lastReportNumber": null,
     "concludingObservationsAdopted": null,
     "label": "follow-up to concluding observations not identified in the record",
     "recordId": null,
     "due": {
      "date": null,
      "precision": null,
      "notBefore": null,
      "basis": null,
      "sourceId": null,
      "rule": null,
      "asStated": null,
      "note": "Not recorded: the concluding observations the list refers to are not recorded."
     },
     "status": "overdue",
     "receivedBy": null,
     "overdue": {
      "establishedBy": "committee-follow-up-list",
      "establishedAsOf": "2025-11-28",
      "daysOverdue": null,
      "sourceIds": [
       "ungeneva-2025-11-cat-follow-up"
      ],
      "basis": "Named as late with follow-up information on the Committee's list of November 2025 (83rd session, position 2 of 23)."
     }
    }
   ],
   "daysOverdue": null,
   "sourceIds": [
    "cat-annual-report-a-70-44",
    "cat-annual-report-a-72-44",
    "ohchr-2023-11-cat-78th-session-closes",
    "omct-e-bulletin-75th-session",
    "ungeneva-2025-04-cat-follow-up",
    "ungeneva-2025-11-cat-follow-up",
    "untc-iv-9-2026-02-03"
   ]
  },
  {
   "iso3": "DNK",
   "name": "Denmark",
   "region": {
    "code": "150",
    "name": "Europe"
   },
   "unRegionalGroup": "western-european-others",
   "ldc": false,
   "sids": false,
   "party": true,
   "entryIntoForce": {
    "date": "1987-06-26",
    "computed": true
   },
   "completeness": "partial",
   "completenessBasis": "Reports recorded report by report: 5th to 8th; not recorded: initial to 4th.",
   "historyAsOf": "2026-04-22",
   "situation": "up-to-date",
   "situationBasis": "8th periodic report received on 2019-12-09; 9th periodic report due not before 2027-11-09 (computed).",
   "lastReportReceived": {
    "kind": "report",
    "reportNumber": 8,
    "lastReportNumber": 8,
    "procedure": "simplified",
    "procedureBasis": "Recorded: simplified reporting procedure.",
    "label": "8th periodic",
    "recordId": "DNK:8",
    "due": {
     "date": "2019-11-30",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "cat-reporting-history-17-states",
     "rule": "UNCAT art. 19(1): periodic report due four years after the concluding observations on the previous report, unless the Committee set another date (not recorded here)",
     "asStated": "2019",
     "note": "Four years after the concluding observations on the 6th-7th periodic (combined) report (2015-11-30). Simplified procedure: the date the Committee set with its list of issues prior to reporting is not recorded. Agrees with the due year the source states (2019)."
    },
    "status": "received",
    "receivedBy": "2019-12-09",
    "overdue": null
   },
   "nextReportDue": {
    "kind": "report",
    "reportNumber": 9,
    "lastReportNumber": 9,
    "procedure": null,
    "procedureBasis": null,
    "label": "9th periodic",
    "recordId": null,
    "due": {
     "date": null,
     "precision": null,
     "notBefore": "2027-11-09",
     "basis": "computed",
     "sourceId": "cat-reporting-history-17-states",
     "rule": "UNCAT art. 19(1): periodic report due four years after the concluding observations on the previous report, unless the Committee set another date (not recorded here)",
     "asStated": null,
     "note": "Not recorded: the concluding observations on the 8th periodic report are not dated in the sources; they were adopted on or after 2023-11-09, so under the rule the date is not before 2027-11-09."
    },
    "status": "not-yet-due",
    "receivedBy": null,
    "overdue": null
   },
   "procedure": null,
   "latestFollowUp": {
    "kind": "follow-up",
    "reportNumber": 8,
    "lastReportNumber": 8,
    "concludingObservationsAdopted": null,
    "label": "follow-up to the concluding observations on the 8th periodic report",
    "recordId": "DNK:8",
    "due": {
     "date": null,
     "precision": null,
     "notBefore": "2024-11-09",
     "basis": "computed",
     "sourceId": "cat-reporting-history-17-states",
     "rule": "Follow-up information due one year after the concluding observations",
     "asStated": null,
     "note": "Not recorded: the concluding observations on the 8th periodic report are not dated in the sources; they were adopted on or after 2023-11-09, so under the rule the date is not before 2024-11-09."
    },
    "status": "received",
    "receivedBy": "2025-04-06",
    "overdue": null
   },
   "establishedOverdue": [],
   "daysOverdue": null,
   "sourceIds": [
    "cat-annual-report-a-71-44",
    "cat-reporting-history-17-states",
    "ohchr-2023-11-cat-78th-session-closes",
    "untc-iv-9-2026-02-03"
   ]
  },
  {
   "iso3": "IND",
   "name": "India",
   "region": {
    "code": "142",
    "name": "Asia"
   },
   "unRegionalGroup": "asia-pacific",
   "ldc": false,
   "sids": false,
   "party": false,
   "entryIntoForce": null,
   "completeness": "none",
   "completenessBasis": "No reporting history is recorded for this State.",
   "historyAsOf": null,
   "situation": "not-a-party",
   "situationBasis": "Not a party to the Convention on 2026-04-22.",
   "lastReportReceived": null,
   "nextReportDue": null,
   "procedure": null,
   "latestFollowUp": null,
   "establishedOverdue": [],
   "daysOverdue": null,
   "sourceIds": []
  },
  {
   "iso3": "KIR",
   "name": "Kiribati",
   "region": {
    "code": "009",
    "name": "Oceania"
   },
   "unRegionalGroup": "asia-pacific",
   "ldc": true,
   "sids": true,
   "party": true,
   "entryIntoForce": {
    "date": "2019-08-21",
    "computed": true
   },
   "completeness": "complete",
   "completenessBasis": "Every reporting round from the initial report to the initial report is recorded report by report, to 2026-04-22.",
   "historyAsOf": "2026-04-22",
   "situation": "follow-up-overdue",
   "situationBasis": "Named as late with follow-up information on the Committee's list of November 2025 (83rd session, position 10 of 23).",
   "lastReportReceived": {
    "kind": "report",
    "reportNumber": 1,
    "lastReportNumber": 1,
    "procedure": "standard",
    "procedureBasis": "Recorded: standard.",
    "label": "initial",
    "recordId": "KIR:1",
    "due": {
     "date": "2020-08-21",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "untc-iv-9-2026-02-03",
     "rule": "UNCAT art. 19(1): initial report due one year after the Convention entered into force for the State",
     "asStated": "2020",
     "note": "Entry into force for the State: 2019-08-21 (computed from the deposit, art. 27). Agrees with the due year the source states (2020)."
    },
    "status": "received",
    "receivedBy": "2023-08-02",
    "overdue": null
   },
   "nextReportDue": {
    "kind": "report",
    "reportNumber": 2,
    "lastReportNumber": 2,
    "procedure": null,
    "procedureBasis": null,
    "label": "2nd periodic",
    "recordId": null,
    "due": {
     "date": "2027-11-20",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "cat-reporting-history-17-states",
     "rule": "UNCAT art. 19(1): periodic report due four years after the concluding observations on the previous report, unless the Committee set another date (not recorded here)",
     "asStated": null,
     "note": "Four years after the concluding observations on the initial report (2023-11-20)."
    },
    "status": "not-yet-due",
    "receivedBy": null,
    "overdue": null
   },
   "procedure": null,
   "latestFollowUp": {
    "kind": "follow-up",
    "reportNumber": 1,
    "lastReportNumber": 1,
    "concludingObservationsAdopted": {
     "from": "2023-11-20",
     "to": "2023-11-20",
     "precision": "day"
    },
    "label": "follow-up to the concluding observations on the initial report",
    "recordId": "KIR:1",
    "due": {
     "date": "2024-11-20",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "cat-reporting-history-17-states",
     "rule": "Follow-up information due one year after the concluding observations",
     "asStated": null,
     "note": "One year after the concluding observations on the initial report (2023-11-20)."
    },
    "status": "overdue",
    "receivedBy": null,
    "overdue": {
     "establishedBy": "committee-follow-up-list",
     "establishedAsOf": "2025-11-28",
     "daysOverdue": 373,
     "sourceIds": [
      "cat-reporting-history-17-states",
      "ungeneva-2025-11-cat-follow-up"
     ],
     "basis": "Named as late with follow-up information on the Committee's list of November 2025 (83rd session, position 10 of 23)."
    }
   },
   "establishedOverdue": [
    {
     "kind": "follow-up",
     "reportNumber": 1,
     "lastReportNumber": 1,
     "concludingObservationsAdopted": {
      "from": "2023-11-20",
      "to": "2023-11-20",
      "precision": "day"
     },
     "label": "follow-up to the concluding observations on the initial report",
     "recordId": "KIR:1",
     "due": {
      "date": "2024-11-20",
      "precision": "day",
      "notBefore": null,
      "basis": "computed",
      "sourceId": "cat-reporting-history-17-states",
      "rule": "Follow-up information due one year after the concluding observations",
      "asStated": null,
      "note": "One year after the concluding observations on the initial report (2023-11-20)."
     },
     "status": "overdue",
     "receivedBy": null,
     "overdue": {
      "establishedBy": "committee-follow-up-list",
      "establishedAsOf": "2025-11-28",
      "daysOverdue": 373,
      "sourceIds": [
       "cat-reporting-history-17-states",
       "ungeneva-2025-11-cat-follow-up"
      ],
      "basis": "Named as late with follow-up information on the Committee's list of November 2025 (83rd session, position 10 of 23)."
     }
    }
   ],
   "daysOverdue": 373,
   "sourceIds": [
    "cat-reporting-history-17-states",
    "ohchr-2023-11-cat-78th-session-closes",
    "ungeneva-2025-04-cat-follow-up",
    "ungeneva-2025-11-cat-follow-up",
    "untc-iv-9-2026-02-03"
   ]
  },
  {
   "iso3": "NGA",
   "name": "Nigeria",
   "region": {
    "code": "002",
    "name": "Africa"
   },
   "unRegionalGroup": "african",
   "ldc": false,
   "sids": false,
   "party": true,
   "entryIntoForce": {
    "date": "2001-07-28",
    "computed": true
   },
   "completeness": "complete",
   "completenessBasis": "Every reporting round from the initial report to the initial report is recorded report by report, to 2026-04-22.",
   "historyAsOf": "2026-04-22",
   "situation": "initial-report-never-submitted",
   "situationBasis": "Initial report due 2002-07-28 (computed); never submitted: the Committee considered the State without it (\"initial report never submitted\"); reporting history recorded complete to 2026-04-22.",
   "lastReportReceived": null,
   "nextReportDue": {
    "kind": "report",
    "reportNumber": 1,
    "lastReportNumber": 1,
    "procedure": null,
    "procedureBasis": null,
    "label": "initial",
    "recordId": "NGA:1",
    "due": {
     "date": "2002-07-28",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "untc-iv-9-2026-02-03",
     "rule": "UNCAT art. 19(1): initial report due one year after the Convention entered into force for the State",
     "asStated": "2002",
     "note": "Entry into force for the State: 2001-07-28 (computed from the deposit, art. 27). Agrees with the due year the source states (2002)."
    },
    "status": "overdue",
    "receivedBy": null,
    "overdue": {
     "establishedBy": "complete-history",
     "establishedAsOf": "2026-04-22",
     "daysOverdue": 8669,
     "sourceIds": [
      "cat-reporting-history-17-states",
      "omct-e-bulletin-2021-72nd-session",
      "untc-iv-9-2026-02-03"
     ],
     "basis": "Initial report due 2002-07-28 (computed); never submitted: the Committee considered the State without it (\"initial report never submitted\"); reporting history recorded complete to 2026-04-22."
    }
   },
   "procedure": null,
   "latestFollowUp": {
    "kind": "follow-up",
    "reportNumber": 1,
    "lastReportNumber": 1,
    "concludingObservationsAdopted": {
     "from": "2021-11-26",
     "to": "2021-11-26",
     "precision": "day"
    },
    "label": "follow-up to the concluding observations on the initial report",
    "recordId": "NGA:1",
    "due": {
     "date": "2022-12-03",
     "precision": "day",
     "notBefore": null,
     "basis": "recorded",
     "sourceId": "cat-reporting-history-17-states",
     "rule": null,
     "asStated": null,
     "note": null
    },
    "status": "received",
    "receivedBy": "2023-04-16",
    "overdue": null
   },
   "establishedOverdue": [
    {
     "kind": "report",
     "reportNumber": 1,
     "lastReportNumber": 1,
     "procedure": null,
     "procedureBasis": null,
     "label": "initial",
     "recordId": "NGA:1",
     "due": {
      "date": "2002-07-28",
      "precision": "day",
      "notBefore": null,
      "basis": "computed",
      "sourceId": "untc-iv-9-2026-02-03",
      "rule": "UNCAT art. 19(1): initial report due one year after the Convention entered into force for the State",
      "asStated": "2002",
      "note": "Entry into force for the State: 2001-07-28 (computed from the deposit, art. 27). Agrees with the due year the source states (2002)."
     },
     "status": "overdue",
     "receivedBy": null,
     "overdue": {
      "establishedBy": "complete-history",
      "establishedAsOf": "2026-04-22",
      "daysOverdue": 8669,
      "sourceIds": [
       "cat-reporting-history-17-states",
       "omct-e-bulletin-2021-72nd-session",
       "untc-iv-9-2026-02-03"
      ],
      "basis": "Initial report due 2002-07-28 (computed); never submitted: the Committee considered the State without it (\"initial report never submitted\"); reporting history recorded complete to 2026-04-22."
     }
    }
   ],
   "daysOverdue": 8669,
   "sourceIds": [
    "cat-reporting-history-17-states",
    "omct-e-bulletin-2021-72nd-session",
    "untc-iv-9-2026-02-03"
   ]
  },
  {
   "iso3": "SOM",
   "name": "Somalia",
   "region": {
    "code": "002",
    "name": "Africa"
   },
   "unRegionalGroup": "african",
   "ldc": true,
   "sids": false,
   "party": true,
   "entryIntoForce": {
    "date": "1990-02-23",
    "computed": true
   },
   "completeness": "complete",
   "completenessBasis": "Every reporting round from the initial report to the initial report is recorded report by report, to 2026-04-22.",
   "historyAsOf": "2026-04-22",
   "situation": "up-to-date",
   "situationBasis": "Initial report received on 2019-12-16; 2nd periodic report due 2026-11-22 (computed).",
   "lastReportReceived": {
    "kind": "report",
    "reportNumber": 1,
    "lastReportNumber": 1,
    "procedure": "simplified",
    "procedureBasis": "Recorded: simplified reporting procedure.",
    "label": "initial",
    "recordId": "SOM:1",
    "due": {
     "date": "1991-02-23",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "untc-iv-9-2026-02-03",
     "rule": "UNCAT art. 19(1): initial report due one year after the Convention entered into force for the State",
     "asStated": "1991",
     "note": "Entry into force for the State: 1990-02-23 (computed from the deposit, art. 27). Agrees with the due year the source states (1991)."
    },
    "status": "received",
    "receivedBy": "2019-12-16",
    "overdue": null
   },
   "nextReportDue": {
    "kind": "report",
    "reportNumber": 2,
    "lastReportNumber": 2,
    "procedure": null,
    "procedureBasis": null,
    "label": "2nd periodic",
    "recordId": null,
    "due": {
     "date": "2026-11-22",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "cat-reporting-history-17-states",
     "rule": "UNCAT art. 19(1): periodic report due four years after the concluding observations on the previous report, unless the Committee set another date (not recorded here)",
     "asStated": null,
     "note": "Four years after the concluding observations on the initial report (2022-11-22)."
    },
    "status": "not-yet-due",
    "receivedBy": null,
    "overdue": null
   },
   "procedure": null,
   "latestFollowUp": {
    "kind": "follow-up",
    "reportNumber": 1,
    "lastReportNumber": 1,
    "concludingObservationsAdopted": {
     "from": "2022-11-22",
     "to": "2022-11-22",
     "precision": "day"
    },
    "label": "follow-up to the concluding observations on the initial report",
    "recordId": "SOM:1",
    "due": {
     "date": "2023-11-22",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "cat-reporting-history-17-states",
     "rule": "Follow-up information due one year after the concluding observations",
     "asStated": null,
     "note": "One year after the concluding observations on the initial report (2022-11-22)."
    },
    "status": "received",
    "receivedBy": "2024-11-30",
    "overdue": null
   },
   "establishedOverdue": [],
   "daysOverdue": null,
   "sourceIds": [
    "cat-reporting-history-17-states",
    "mirage-news-cat-follow-up-2024-07",
    "national-tribune-cat-75th-session-opens",
    "ungeneva-2017-12-cat-62nd-session-closes",
    "untc-iv-9-2026-02-03"
   ]
  },
  {
   "iso3": "ESP",
   "name": "Spain",
   "region": {
    "code": "150",
    "name": "Europe"
   },
   "unRegionalGroup": "western-european-others",
   "ldc": false,
   "sids": false,
   "party": true,
   "entryIntoForce": {
    "date": "1987-11-20",
    "computed": true
   },
   "completeness": "partial",
   "completenessBasis": "Reports recorded report by report: 5th to 7th; not recorded: initial to 4th. Named as late with follow-up information on the Committee's lists of November 2024, April 2025, November 2025.",
   "historyAsOf": "2026-04-22",
   "situation": "follow-up-overdue",
   "situationBasis": "Named as late with follow-up information on the Committee's list of November 2025 (83rd session, position 19 of 23).",
   "lastReportReceived": {
    "kind": "report",
    "reportNumber": 7,
    "lastReportNumber": 7,
    "procedure": "simplified",
    "procedureBasis": "Recorded: simplified reporting procedure.",
    "label": "7th periodic",
    "recordId": "ESP:7",
    "due": {
     "date": "2019-05-15",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "cat-reporting-history-17-states",
     "rule": "UNCAT art. 19(1): periodic report due four years after the concluding observations on the previous report, unless the Committee set another date (not recorded here)",
     "asStated": null,
     "note": "Four years after the concluding observations on the 6th periodic report (2015-05-15). Simplified procedure: the date the Committee set with its list of issues prior to reporting is not recorded."
    },
    "status": "received",
    "receivedBy": "2023-07-20",
    "overdue": null
   },
   "nextReportDue": {
    "kind": "report",
    "reportNumber": 8,
    "lastReportNumber": 8,
    "procedure": null,
    "procedureBasis": null,
    "label": "8th periodic",
    "recordId": null,
    "due": {
     "date": "2027-07-27",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "cat-reporting-history-17-states",
     "rule": "UNCAT art. 19(1): periodic report due four years after the concluding observations on the previous report, unless the Committee set another date (not recorded here)",
     "asStated": null,
     "note": "Four years after the concluding observations on the 7th periodic report (2023-07-27)."
    },
    "status": "not-yet-due",
    "receivedBy": null,
    "overdue": null
   },
   "procedure": null,
   "latestFollowUp": {
    "kind": "follow-up",
    "reportNumber": 7,
    "lastReportNumber": 7,
    "concludingObservationsAdopted": {
     "from": "2023-07-27",
     "to": "2023-07-27",
     "precision": "day"
    },
    "label": "follow-up to the concluding observations on the 7th periodic report",
    "recordId": "ESP:7",
    "due": {
     "date": "2024-07-27",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "cat-reporting-history-17-states",
     "rule": "Follow-up information due one year after the concluding observations",
     "asStated": null,
     "note": "One year after the concluding observations on the 7th periodic report (2023-07-27)."
    },
    "status": "overdue",
    "receivedBy": null,
    "overdue": {
     "establishedBy": "committee-follow-up-list",
     "establishedAsOf": "2025-11-28",
     "daysOverdue": 489,
     "sourceIds": [
      "cat-reporting-history-17-states",
      "ungeneva-2025-11-cat-follow-up"
     ],
     "basis": "Named as late with follow-up information on the Committee's list of November 2025 (83rd session, position 19 of 23)."
    }
   },
   "establishedOverdue": [
    {
     "kind": "follow-up",
     "reportNumber": 7,
     "lastReportNumber": 7,
     "concludingObservationsAdopted": {
      "from": "2023-07-27",
      "to": "2023-07-27",
      "precision": "day"
     },
     "label": "follow-up to the concluding observations on the 7th periodic report",
     "recordId": "ESP:7",
     "due": {
      "date": "2024-07-27",
      "precision": "day",
      "notBefore": null,
      "basis": "computed",
      "sourceId": "cat-reporting-history-17-states",
      "rule": "Follow-up information due one year after the concluding observations",
      "asStated": null,
      "note": "One year after the concluding observations on the 7th periodic report (2023-07-27)."
     },
     "status": "overdue",
     "receivedBy": null,
     "overdue": {
      "establishedBy": "committee-follow-up-list",
      "establishedAsOf": "2025-11-28",
      "daysOverdue": 489,
      "sourceIds": [
       "cat-reporting-history-17-states",
       "ungeneva-2025-11-cat-follow-up"
      ],
      "basis": "Named as late with follow-up information on the Committee's list of November 2025 (83rd session, position 19 of 23)."
     }
    }
   ],
   "daysOverdue": 489,
   "sourceIds": [
    "cat-annual-report-a-70-44",
    "cat-annual-report-a-79-44",
    "cat-reporting-history-17-states",
    "mirage-news-cat-follow-up-2024-11",
    "ungeneva-2017-12-cat-62nd-session-closes",
    "ungeneva-2025-04-cat-follow-up",
    "ungeneva-2025-11-cat-follow-up",
    "untc-iv-9-2026-02-03"
   ]
  },
  {
   "iso3": "UKR",
   "name": "Ukraine",
   "region": {
    "code": "150",
    "name": "Europe"
   },
   "unRegionalGroup": "eastern-european",
   "ldc": false,
   "sids": false,
   "party": true,
   "entryIntoForce": {
    "date": "1987-06-26",
    "computed": true
   },
   "completeness": "partial",
   "completenessBasis": "Reports recorded report by report: 5th to 7th; not recorded: initial to 4th.",
   "historyAsOf": "2026-04-22",
   "situation": "up-to-date",
   "situationBasis": "7th periodic report received by 2025-04-24 (the date of receipt is not recorded); 8th periodic report due 2029-05-01 (computed).",
   "lastReportReceived": {
    "kind": "report",
    "reportNumber": 7,
    "lastReportNumber": 7,
    "procedure": "simplified",
    "procedureBasis": "Recorded: simplified reporting procedure.",
    "label": "7th periodic",
    "recordId": "UKR:7",
    "due": {
     "date": "2018-11-19",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "cat-reporting-history-17-states",
     "rule": "UNCAT art. 19(1): periodic report due four years after the concluding observations on the previous report, unless the Committee set another date (not recorded here)",
     "asStated": null,
     "note": "Four years after the concluding observations on the 6th periodic report (2014-11-19). Simplified procedure: the date the Committee set with its list of issues prior to reporting is not recorded."
    },
    "status": "received",
    "receivedBy": "2025-04-24",
    "overdue": null
   },
   "nextReportDue": {
    "kind": "report",
    "reportNumber": 8,
    "lastReportNumber": 8,
    "procedure": null,
    "procedureBasis": null,
    "label": "8th periodic",
    "recordId": null,
    "due": {
     "date": "2029-05-01",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "cat-reporting-history-17-states",
     "rule": "UNCAT art. 19(1): periodic report due four years after the concluding observations on the previous report, unless the Committee set another date (not recorded here)",
     "asStated": null,
     "note": "Four years after the concluding observations on the 7th periodic report (2025-05-01)."
    },
    "status": "not-yet-due",
    "receivedBy": null,
    "overdue": null
   },
   "procedure": null,
   "latestFollowUp": {
    "kind": "follow-up",
    "reportNumber": 7,
    "lastReportNumber": 7,
    "concludingObservationsAdopted": {
     "from": "2025-04-30",
     "to": "2025-05-01",
     "precision": "day"
    },
    "label": "follow-up to the concluding observations on the 7th periodic report",
    "recordId": "UKR:7",
    "due": {
     "date": "2026-05-01",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "cat-reporting-history-17-states",
     "rule": "Follow-up information due one year after the concluding observations",
     "asStated": null,
     "note": "One year after the concluding observations on the 7th periodic report (2025-05-01)."
    },
    "status": "not-yet-due",
    "receivedBy": null,
    "overdue": null
   },
   "establishedOverdue": [],
   "daysOverdue": null,
   "sourceIds": [
    "cat-annual-report-a-70-44",
    "cat-reporting-history-17-states",
    "ungeneva-2025-05-cat-82nd-session-closes",
    "untc-iv-9-2026-02-03"
   ]
  },
  {
   "iso3": "URY",
   "name": "Uruguay",
   "region": {
    "code": "019",
    "name": "Americas"
   },
   "unRegionalGroup": "latin-american-caribbean",
   "ldc": false,
   "sids": false,
   "party": true,
   "entryIntoForce": {
    "date": "1987-06-26",
    "computed": true
   },
   "completeness": "partial",
   "completenessBasis": "Reports recorded report by report: 4th; not recorded: initial to 3rd.",
   "historyAsOf": "2026-04-22",
   "situation": "up-to-date",
   "situationBasis": "4th periodic report received by 2022-05-05 (the date of receipt is not recorded); 5th periodic report due 2026-05-12 (computed).",
   "lastReportReceived": {
    "kind": "report",
    "reportNumber": 4,
    "lastReportNumber": 4,
    "procedure": "simplified",
    "procedureBasis": "Recorded: simplified reporting procedure.",
    "label": "4th periodic",
    "recordId": "URY:4",
    "due": {
     "date": null,
     "precision": null,
     "notBefore": null,
     "basis": null,
     "sourceId": null,
     "rule": null,
     "asStated": null,
     "note": "Not recorded: the previous report is not recorded, so no date can be computed."
    },
    "status": "received",
    "receivedBy": "2022-05-05",
    "overdue": null
   },
   "nextReportDue": {
    "kind": "report",
    "reportNumber": 5,
    "lastReportNumber": 5,
    "procedure": null,
    "procedureBasis": null,
    "label": "5th periodic",
    "recordId": null,
    "due": {
     "date": "2026-05-12",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "cat-reporting-history-17-states",
     "rule": "UNCAT art. 19(1): periodic report due four years after the concluding observations on the previous report, unless the Committee set another date (not recorded here)",
     "asStated": null,
     "note": "Four years after the concluding observations on the 4th periodic report (2022-05-12)."
    },
    "status": "not-yet-due",
    "receivedBy": null,
    "overdue": null
   },
   "procedure": null,
   "latestFollowUp": {
    "kind": "follow-up",
    "reportNumber": 4,
    "lastReportNumber": 4,
    "concludingObservationsAdopted": {
     "from": "2022-05-12",
     "to": "2022-05-12",
     "precision": "day"
    },
    "label": "follow-up to the concluding observations on the 4th periodic report",
    "recordId": "URY:4",
    "due": {
     "date": "2023-05-12",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "cat-reporting-history-17-states",
     "rule": "Follow-up information due one year after the concluding observations",
     "asStated": null,
     "note": "One year after the concluding observations on the 4th periodic report (2022-05-12)."
    },
    "status": "not-recorded",
    "receivedBy": null,
    "overdue": null
   },
   "establishedOverdue": [],
   "daysOverdue": null,
   "sourceIds": [
    "cat-annual-report-a-75-44",
    "cat-reporting-history-17-states",
    "ohchr-2022-04-cat-73rd-session-preview",
    "untc-iv-9-2026-02-03"
   ]
  }
 ]
};

export const SPAIN_2026_04_22: CatReportingDetail = {
 "asOf": "2026-04-22",
 "summary": {
  "iso3": "ESP",
  "name": "Spain",
  "region": {
   "code": "150",
   "name": "Europe"
  },
  "unRegionalGroup": "western-european-others",
  "ldc": false,
  "sids": false,
  "party": true,
  "entryIntoForce": {
   "date": "1987-11-20",
   "computed": true
  },
  "completeness": "partial",
  "completenessBasis": "Reports recorded report by report: 5th to 7th; not recorded: initial to 4th. Named as late with follow-up information on the Committee's lists of November 2024, April 2025, November 2025.",
  "historyAsOf": "2026-04-22",
  "situation": "follow-up-overdue",
  "situationBasis": "Named as late with follow-up information on the Committee's list of November 2025 (83rd session, position 19 of 23).",
  "lastReportReceived": {
   "kind": "report",
   "reportNumber": 7,
   "lastReportNumber": 7,
   "procedure": "simplified",
   "procedureBasis": "Recorded: simplified reporting procedure.",
   "label": "7th periodic",
   "recordId": "ESP:7",
   "due": {
    "date": "2019-05-15",
    "precision": "day",
    "notBefore": null,
    "basis": "computed",
    "sourceId": "cat-reporting-history-17-states",
    "rule": "UNCAT art. 19(1): periodic report due four years after the concluding observations on the previous report, unless the Committee set another date (not recorded here)",
    "asStated": null,
    "note": "Four years after the concluding observations on the 6th periodic report (2015-05-15). Simplified procedure: the date the Committee set with its list of issues prior to reporting is not recorded."
   },
   "status": "received",
   "receivedBy": "2023-07-20",
   "overdue": null
  },
  "nextReportDue": {
   "kind": "report",
   "reportNumber": 8,
   "lastReportNumber": 8,
   "procedure": null,
   "procedureBasis": null,
   "label": "8th periodic",
   "recordId": null,
   "due": {
    "date": "2027-07-27",
    "precision": "day",
    "notBefore": null,
    "basis": "computed",
    "sourceId": "cat-reporting-history-17-states",
    "rule": "UNCAT art. 19(1): periodic report due four years after the concluding observations on the previous report, unless the Committee set another date (not recorded here)",
    "asStated": null,
    "note": "Four years after the concluding observations on the 7th periodic report (2023-07-27)."
   },
   "status": "not-yet-due",
   "receivedBy": null,
   "overdue": null
  },
  "procedure": null,
  "latestFollowUp": {
   "kind": "follow-up",
   "reportNumber": 7,
   "lastReportNumber": 7,
   "concludingObservationsAdopted": {
    "from": "2023-07-27",
    "to": "2023-07-27",
    "precision": "day"
   },
   "label": "follow-up to the concluding observations on the 7th periodic report",
   "recordId": "ESP:7",
   "due": {
    "date": "2024-07-27",
    "precision": "day",
    "notBefore": null,
    "basis": "computed",
    "sourceId": "cat-reporting-history-17-states",
    "rule": "Follow-up information due one year after the concluding observations",
    "asStated": null,
    "note": "One year after the concluding observations on the 7th periodic report (2023-07-27)."
   },
   "status": "overdue",
   "receivedBy": null,
   "overdue": {
    "establishedBy": "committee-follow-up-list",
    "establishedAsOf": "2025-11-28",
    "daysOverdue": 489,
    "sourceIds": [
     "cat-reporting-history-17-states",
     "ungeneva-2025-11-cat-follow-up"
    ],
    "basis": "Named as late with follow-up information on the Committee's list of November 2025 (83rd session, position 19 of 23)."
   }
  },
  "establishedOverdue": [
   {
    "kind": "follow-up",
    "reportNumber": 7,
    "lastReportNumber": 7,
    "concludingObservationsAdopted": {
     "from": "2023-07-27",
     "to": "2023-07-27",
     "precision": "day"
    },
    "label": "follow-up to the concluding observations on the 7th periodic report",
    "recordId": "ESP:7",
    "due": {
     "date": "2024-07-27",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "cat-reporting-history-17-states",
     "rule": "Follow-up information due one year after the concluding observations",
     "asStated": null,
     "note": "One year after the concluding observations on the 7th periodic report (2023-07-27)."
    },
    "status": "overdue",
    "receivedBy": null,
    "overdue": {
     "establishedBy": "committee-follow-up-list",
     "establishedAsOf": "2025-11-28",
     "daysOverdue": 489,
     "sourceIds": [
      "cat-reporting-history-17-states",
      "ungeneva-2025-11-cat-follow-up"
     ],
     "basis": "Named as late with follow-up information on the Committee's list of November 2025 (83rd session, position 19 of 23)."
    }
   }
  ],
  "daysOverdue": 489,
  "sourceIds": [
   "cat-annual-report-a-70-44",
   "cat-annual-report-a-79-44",
   "cat-reporting-history-17-states",
   "mirage-news-cat-follow-up-2024-11",
   "ungeneva-2017-12-cat-62nd-session-closes",
   "ungeneva-2025-04-cat-follow-up",
   "ungeneva-2025-11-cat-follow-up",
   "untc-iv-9-2026-02-03"
  ]
 },
 "reports": [
  {
   "kind": "report",
   "reportNumber": 5,
   "lastReportNumber": 5,
   "procedure": null,
   "procedureBasis": null,
   "label": "5th periodic",
   "recordId": "ESP:5",
   "due": {
    "date": null,
    "precision": null,
    "notBefore": null,
    "basis": null,
    "sourceId": null,
    "rule": null,
    "asStated": null,
    "note": "Not recorded: the previous report is not recorded, so no date can be computed."
   },
   "status": "received",
   "receivedBy": "2009-11-30",
   "overdue": null
  },
  {
   "kind": "report",
   "reportNumber": 6,
   "lastReportNumber": 6,
   "procedure": "simplified",
   "procedureBasis": "Recorded: optional reporting procedure (LOIPR).",
   "label": "6th periodic",
   "recordId": "ESP:6",
   "due": {
    "date": null,
    "precision": null,
    "notBefore": "2013-11-01",
    "basis": "computed",
    "sourceId": "cat-reporting-history-17-states",
    "rule": "UNCAT art. 19(1): periodic report due four years after the concluding observations on the previous report, unless the Committee set another date (not recorded here)",
    "asStated": null,
    "note": "Not recorded: the concluding observations on the 5th periodic report are not dated in the sources; they were adopted on or after 2009-11-01, so under the rule the date is not before 2013-11-01. Simplified procedure: the date the Committee set with its list of issues prior to reporting is not recorded."
   },
   "status": "received",
   "receivedBy": "2015-04-28",
   "overdue": null
  },
  {
   "kind": "report",
   "reportNumber": 7,
   "lastReportNumber": 7,
   "procedure": "simplified",
   "procedureBasis": "Recorded: simplified reporting procedure.",
   "label": "7th periodic",
   "recordId": "ESP:7",
   "due": {
    "date": "2019-05-15",
    "precision": "day",
    "notBefore": null,
    "basis": "computed",
    "sourceId": "cat-reporting-history-17-states",
    "rule": "UNCAT art. 19(1): periodic report due four years after the concluding observations on the previous report, unless the Committee set another date (not recorded here)",
    "asStated": null,
    "note": "Four years after the concluding observations on the 6th periodic report (2015-05-15). Simplified procedure: the date the Committee set with its list of issues prior to reporting is not recorded."
   },
   "status": "received",
   "receivedBy": "2023-07-20",
   "overdue": null
  },
  {
   "kind": "report",
   "reportNumber": 8,
   "lastReportNumber": 8,
   "procedure": null,
   "procedureBasis": null,
   "label": "8th periodic",
   "recordId": null,
   "due": {
    "date": "2027-07-27",
    "precision": "day",
    "notBefore": null,
    "basis": "computed",
    "sourceId": "cat-reporting-history-17-states",
    "rule": "UNCAT art. 19(1): periodic report due four years after the concluding observations on the previous report, unless the Committee set another date (not recorded here)",
    "asStated": null,
    "note": "Four years after the concluding observations on the 7th periodic report (2023-07-27)."
   },
   "status": "not-yet-due",
   "receivedBy": null,
   "overdue": null
  }
 ],
 "followUps": [
  {
   "kind": "follow-up",
   "reportNumber": 5,
   "lastReportNumber": 5,
   "concludingObservationsAdopted": null,
   "label": "follow-up to the concluding observations on the 5th periodic report",
   "recordId": "ESP:5",
   "due": {
    "date": null,
    "precision": null,
    "notBefore": "2010-11-01",
    "basis": "computed",
    "sourceId": "cat-reporting-history-17-states",
    "rule": "Follow-up information due one year after the concluding observations",
    "asStated": null,
    "note": "Not recorded: the concluding observations on the 5th periodic report are not dated in the sources; they were adopted on or after 2009-11-01, so under the rule the date is not before 2010-11-01."
   },
   "status": "due-date-not-recorded",
   "receivedBy": null,
   "overdue": null
  },
  {
   "kind": "follow-up",
   "reportNumber": 6,
   "lastReportNumber": 6,
   "concludingObservationsAdopted": {
    "from": "2015-05-15",
    "to": "2015-05-15",
    "precision": "day"
   },
   "label": "follow-up to the concluding observations on the 6th periodic report",
   "recordId": "ESP:6",
   "due": {
    "date": "2016-05-15",
    "precision": "day",
    "notBefore": null,
    "basis": "computed",
    "sourceId": "cat-reporting-history-17-states",
    "rule": "Follow-up information due one year after the concluding observations",
    "asStated": null,
    "note": "One year after the concluding observations on the 6th periodic report (2015-05-15)."
   },
   "status": "not-recorded",
   "receivedBy": null,
   "overdue": null
  },
  {
   "kind": "follow-up",
   "reportNumber": 7,
   "lastReportNumber": 7,
   "concludingObservationsAdopted": {
    "from": "2023-07-27",
    "to": "2023-07-27",
    "precision": "day"
   },
   "label": "follow-up to the concluding observations on the 7th periodic report",
   "recordId": "ESP:7",
   "due": {
    "date": "2024-07-27",
    "precision": "day",
    "notBefore": null,
    "basis": "computed",
    "sourceId": "cat-reporting-history-17-states",
    "rule": "Follow-up information due one year after the concluding observations",
    "asStated": null,
    "note": "One year after the concluding observations on the 7th periodic report (2023-07-27)."
   },
   "status": "overdue",
   "receivedBy": null,
   "overdue": {
    "establishedBy": "committee-follow-up-list",
    "establishedAsOf": "2025-11-28",
    "daysOverdue": 489,
    "sourceIds": [
     "cat-reporting-history-17-states",
     "ungeneva-2025-11-cat-follow-up"
    ],
    "basis": "Named as late with follow-up information on the Committee's list of November 2025 (83rd session, position 19 of 23)."
   }
  }
 ],
 "records": [
  {
   "id": "ESP:5",
   "stateIso3": "ESP",
   "number": 5,
   "lastNumber": 5,
   "label": "5th periodic",
   "procedure": null,
   "procedureAsStated": null,
   "consideredWithoutReport": false,
   "documentSymbol": null,
   "listOfIssuesSymbol": null,
   "dueRecorded": null,
   "dueAsStated": null,
   "due": {
    "date": null,
    "precision": null,
    "notBefore": null,
    "basis": null,
    "sourceId": null,
    "rule": null,
    "asStated": null,
    "note": "Not recorded: the previous report is not recorded, so no date can be computed."
   },
   "receivedOn": null,
   "receivedAsStated": null,
   "distributedOn": null,
   "dialogueSession": 43,
   "dialogueSessionNote": "Session number derived by the source compilers from the review dates (README of the source files).",
   "dialogueDates": {
    "from": "2009-11-01",
    "to": "2009-11-01",
    "precision": "month"
   },
   "concludingObservationsSymbol": null,
   "concludingObservationsAdopted": null,
   "followUpDueRecorded": null,
   "followUpDue": {
    "date": null,
    "precision": null,
    "notBefore": "2010-11-01",
    "basis": "computed",
    "sourceId": "cat-reporting-history-17-states",
    "rule": "Follow-up information due one year after the concluding observations",
    "asStated": null,
    "note": "Not recorded: the concluding observations on the 5th periodic report are not dated in the sources; they were adopted on or after 2009-11-01, so under the rule the date is not before 2010-11-01."
   },
   "followUpReceived": null,
   "latenessAsStatedByCommittee": null,
   "otherEvents": null,
   "documents": "concluding observations on the 6th periodic report of Spain (2015), introduction",
   "sourceId": "cat-reporting-history-17-states",
   "asOf": "2026-04-22"
  },
  {
   "id": "ESP:6",
   "stateIso3": "ESP",
   "number": 6,
   "lastNumber": 6,
   "label": "6th periodic",
   "procedure": "simplified",
   "procedureAsStated": "optional reporting procedure (LOIPR)",
   "consideredWithoutReport": false,
   "documentSymbol": "CAT/C/ESP/6",
   "listOfIssuesSymbol": "CAT/C/ESP/Q/6",
   "dueRecorded": null,
   "dueAsStated": null,
   "due": {
    "date": null,
    "precision": null,
    "notBefore": "2013-11-01",
    "basis": "computed",
    "sourceId": "cat-reporting-history-17-states",
    "rule": "UNCAT art. 19(1): periodic report due four years after the concluding observations on the previous report, unless the Committee set another date (not recorded here)",
    "asStated": null,
    "note": "Not recorded: the concluding observations on the 5th periodic report are not dated in the sources; they were adopted on or after 2009-11-01, so under the rule the date is not before 2013-11-01. Simplified procedure: the date the Committee set with its list of issues prior to reporting is not recorded."
   },
   "receivedOn": null,
   "receivedAsStated": null,
   "distributedOn": null,
   "dialogueSession": 54,
   "dialogueSessionNote": null,
   "dialogueDates": {
    "from": "2015-04-28",
    "to": "2015-04-29",
    "precision": "day"
   },
   "concludingObservationsSymbol": null,
   "concludingObservationsAdopted": {
    "from": "2015-05-15",
    "to": "2015-05-15",
    "precision": "day"
   },
   "followUpDueRecorded": null,
   "followUpDue": {
    "date": "2016-05-15",
    "precision": "day",
    "notBefore": null,
    "basis": "computed",
    "sourceId": "cat-reporting-history-17-states",
    "rule": "Follow-up information due one year after the concluding observations",
    "asStated": null,
    "note": "One year after the concluding observations on the 6th periodic report (2015-05-15)."
   },
   "followUpReceived": null,
   "latenessAsStatedByCommittee": null,
   "otherEvents": null,
   "documents": "concluding observations on the 6th periodic report of Spain (2015); A/70/44",
   "sourceId": "cat-reporting-history-17-states",
   "asOf": "2026-04-22"
  },
  {
   "id": "ESP:7",
   "stateIso3": "ESP",
   "number": 7,
   "lastNumber": 7,
   "label": "7th periodic",
   "procedure": "simplified",
   "procedureAsStated": "simplified reporting procedure",
   "consideredWithoutReport": false,
   "documentSymbol": "CAT/C/ESP/7",
   "listOfIssuesSymbol": "CAT/C/ESP/QPR/7",
   "dueRecorded": null,
   "dueAsStated": null,
   "due": {
    "date": "2019-05-15",
    "precision": "day",
    "notBefore": null,
    "basis": "computed",
    "sourceId": "cat-reporting-history-17-states",
    "rule": "UNCAT art. 19(1): periodic report due four years after the concluding observations on the previous report, unless the Committee set another date (not recorded here)",
    "asStated": null,
    "note": "Four years after the concluding observations on the 6th periodic report (2015-05-15). Simplified procedure: the date the Committee set with its list of issues prior to reporting is not recorded."
   },
   "receivedOn": null,
   "receivedAsStated": null,
   "distributedOn": null,
   "dialogueSession": 77,
   "dialogueSessionNote": null,
   "dialogueDates": {
    "from": "2023-07-20",
    "to": "2023-07-21",
    "precision": "day"
   },
   "concludingObservationsSymbol": "CAT/C/ESP/CO/7",
   "concludingObservationsAdopted": {
    "from": "2023-07-27",
    "to": "2023-07-27",
    "precision": "day"
   },
   "followUpDueRecorded": null,
   "followUpDue": {
    "date": "2024-07-27",
    "precision": "day",
    "notBefore": null,
    "basis": "computed",
    "sourceId": "cat-reporting-history-17-states",
    "rule": "Follow-up information due one year after the concluding observations",
    "asStated": null,
    "note": "One year after the concluding observations on the 7th periodic report (2023-07-27)."
   },
   "followUpReceived": null,
   "latenessAsStatedByCommittee": null,
   "otherEvents": "LOIPR adopted at the 62nd session (Dec 2017); on the follow-up overdue lists of Nov 2024, Apr 2025 and Nov 2025",
   "documents": "CAT/C/ESP/CO/7",
   "sourceId": "cat-reporting-history-17-states",
   "asOf": "2026-04-22"
  }
 ],
 "activities": [
  {
   "session": 54,
   "sessionStart": "2015-04-20",
   "sessionEnd": "2015-05-15",
   "activity": {
    "stateIso3": "ESP",
    "stateAsNamed": "Spain",
    "territory": null,
    "kind": "report-considered",
    "planned": false,
    "activityAsStated": "report considered",
    "dialogueDates": null,
    "note": null,
    "sourceId": "cat-annual-report-a-70-44"
   }
  },
  {
   "session": 62,
   "sessionStart": "2017-11-06",
   "sessionEnd": "2017-12-06",
   "activity": {
    "stateIso3": "ESP",
    "stateAsNamed": "Spain",
    "territory": null,
    "kind": "list-of-issues-prior-to-reporting-adopted",
    "planned": false,
    "activityAsStated": "list of issues prior to reporting (LOIPR) adopted",
    "dialogueDates": null,
    "note": null,
    "sourceId": "ungeneva-2017-12-cat-62nd-session-closes"
   }
  },
  {
   "session": 77,
   "sessionStart": "2023-07-10",
   "sessionEnd": "2023-07-28",
   "activity": {
    "stateIso3": "ESP",
    "stateAsNamed": "Spain",
    "territory": null,
    "kind": "report-considered",
    "planned": false,
    "activityAsStated": "report considered",
    "dialogueDates": {
     "from": "2023-07-20",
     "to": "2023-07-21",
     "precision": "day"
    },
    "note": null,
    "sourceId": "cat-annual-report-a-79-44"
   }
  }
 ],
 "deadlines": [
  {
   "uid": "cat-ESP-report-8@treaty-tracker",
   "stateIso3": "ESP",
   "kind": "report",
   "label": "8th periodic report",
   "date": "2027-07-27",
   "computed": true,
   "status": "upcoming",
   "daysOverdue": null,
   "establishedAsOf": null,
   "procedure": null,
   "sourceIds": [
    "cat-reporting-history-17-states"
   ]
  },
  {
   "uid": "cat-ESP-follow-up-7@treaty-tracker",
   "stateIso3": "ESP",
   "kind": "follow-up",
   "label": "follow-up to the concluding observations on the 7th periodic report",
   "date": "2024-07-27",
   "computed": true,
   "status": "overdue",
   "daysOverdue": 489,
   "establishedAsOf": "2025-11-28",
   "procedure": null,
   "sourceIds": [
    "cat-reporting-history-17-states",
    "ungeneva-2025-11-cat-follow-up"
   ]
  }
 ],
 "sources": [
  {
   "id": "cat-annual-report-a-70-44",
   "title": "Report of the Committee against Torture to the General Assembly, A/70/44 (53rd-54th sessions)",
   "url": "https://humanrightsvoices.org/assets/attachments/documents-txt/2015.report.com.against.torture.pdf.txt",
   "asOf": "2015-05-15"
  },
  {
   "id": "cat-annual-report-a-79-44",
   "title": "Report of the Committee against Torture to the General Assembly, A/79/44 (77th-79th sessions)",
   "url": "https://docstore.ohchr.org/SelfServices/FilesHandler.ashx?enc=XHo4nG0zCsEVyP5S0kniPdLMNbcqX%2Fw%2BIk%2BbQRWTJOk8Qn6XGUFgzfUSl%2Fp7c1YRYVp8kl4fbNReLlNn4LgojQ%3D%3D",
   "asOf": "2024-05-10"
  },
  {
   "id": "cat-reporting-history-17-states",
   "title": "Report-by-report CAT reporting history of 17 States, compiled from the documents named in each row",
   "url": null,
   "asOf": null
  },
  {
   "id": "mirage-news-cat-follow-up-2024-11",
   "title": "\"UN torture panel reviews reports on \u2026\" (title shortened in the address; republished OHCHR meeting summary, 81st session)",
   "url": "https://miragenews.com/un-torture-panel-reviews-reports-on-1359782",
   "asOf": null
  },
  {
   "id": "ungeneva-2017-12-cat-62nd-session-closes",
   "title": "UN Geneva press release: the Committee against Torture concludes its sixty-second session",
   "url": "https://www.ungeneva.org/en/news-media/press-release/2017/12/committee-against-torture-concludes-sixty-second-session",
   "asOf": null
  },
  {
   "id": "ungeneva-2025-04-cat-follow-up",
   "title": "UN Geneva meeting summary (in French): \"Le Comit\u00e9 contre la torture se penche sur le suivi des articles \u2026\" (title shortened in the address; 82nd session)",
   "url": "https://ungeneva.org/en/news-media/meeting-summary/2025/04/le-comite-contre-la-torture-se-penche-sur-le-suivi-des-articles",
   "asOf": null
  },
  {
   "id": "ungeneva-2025-11-cat-follow-up",
   "title": "UN Geneva meeting summary on the follow-up reports adopted by the Committee against Torture at its 83rd session (address: \u2026/committee-against-torture-adopts-reports-follow-concluding)",
   "url": "https://www.ungeneva.org/en/news-media/meeting-summary/2025/11/committee-against-torture-adopts-reports-follow-concluding",
   "asOf": null
  },
  {
   "id": "untc-iv-9-2026-02-03",
   "title": "UNTC status page IV-9, Convention against Torture (status as at 3 February 2026)",
   "url": "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-9&chapter=4&clang=_en",
   "asOf": "2026-02-03"
  }
 ]
};

export const NIGERIA_2026_04_22: CatReportingDetail = {
 "asOf": "2026-04-22",
 "summary": {
  "iso3": "NGA",
  "name": "Nigeria",
  "region": {
   "code": "002",
   "name": "Africa"
  },
  "unRegionalGroup": "african",
  "ldc": false,
  "sids": false,
  "party": true,
  "entryIntoForce": {
   "date": "2001-07-28",
   "computed": true
  },
  "completeness": "complete",
  "completenessBasis": "Every reporting round from the initial report to the initial report is recorded report by report, to 2026-04-22.",
  "historyAsOf": "2026-04-22",
  "situation": "initial-report-never-submitted",
  "situationBasis": "Initial report due 2002-07-28 (computed); never submitted: the Committee considered the State without it (\"initial report never submitted\"); reporting history recorded complete to 2026-04-22.",
  "lastReportReceived": null,
  "nextReportDue": {
   "kind": "report",
   "reportNumber": 1,
   "lastReportNumber": 1,
   "procedure": null,
   "procedureBasis": null,
   "label": "initial",
   "recordId": "NGA:1",
   "due": {
    "date": "2002-07-28",
    "precision": "day",
    "notBefore": null,
    "basis": "computed",
    "sourceId": "untc-iv-9-2026-02-03",
    "rule": "UNCAT art. 19(1): initial report due one year after the Convention entered into force for the State",
    "asStated": "2002",
    "note": "Entry into force for the State: 2001-07-28 (computed from the deposit, art. 27). Agrees with the due year the source states (2002)."
   },
   "status": "overdue",
   "receivedBy": null,
   "overdue": {
    "establishedBy": "complete-history",
    "establishedAsOf": "2026-04-22",
    "daysOverdue": 8669,
    "sourceIds": [
     "cat-reporting-history-17-states",
     "omct-e-bulletin-2021-72nd-session",
     "untc-iv-9-2026-02-03"
    ],
    "basis": "Initial report due 2002-07-28 (computed); never submitted: the Committee considered the State without it (\"initial report never submitted\"); reporting history recorded complete to 2026-04-22."
   }
  },
  "procedure": null,
  "latestFollowUp": {
   "kind": "follow-up",
   "reportNumber": 1,
   "lastReportNumber": 1,
   "concludingObservationsAdopted": {
    "from": "2021-11-26",
    "to": "2021-11-26",
    "precision": "day"
   },
   "label": "follow-up to the concluding observations on the initial report",
   "recordId": "NGA:1",
   "due": {
    "date": "2022-12-03",
    "precision": "day",
    "notBefore": null,
    "basis": "recorded",
    "sourceId": "cat-reporting-history-17-states",
    "rule": null,
    "asStated": null,
    "note": null
   },
   "status": "received",
   "receivedBy": "2023-04-16",
   "overdue": null
  },
  "establishedOverdue": [
   {
    "kind": "report",
    "reportNumber": 1,
    "lastReportNumber": 1,
    "procedure": null,
    "procedureBasis": null,
    "label": "initial",
    "recordId": "NGA:1",
    "due": {
     "date": "2002-07-28",
     "precision": "day",
     "notBefore": null,
     "basis": "computed",
     "sourceId": "untc-iv-9-2026-02-03",
     "rule": "UNCAT art. 19(1): initial report due one year after the Convention entered into force for the State",
     "asStated": "2002",
     "note": "Entry into force for the State: 2001-07-28 (computed from the deposit, art. 27). Agrees with the due year the source states (2002)."
    },
    "status": "overdue",
    "receivedBy": null,
    "overdue": {
     "establishedBy": "complete-history",
     "establishedAsOf": "2026-04-22",
     "daysOverdue": 8669,
     "sourceIds": [
      "cat-reporting-history-17-states",
      "omct-e-bulletin-2021-72nd-session",
      "untc-iv-9-2026-02-03"
     ],
     "basis": "Initial report due 2002-07-28 (computed); never submitted: the Committee considered the State without it (\"initial report never submitted\"); reporting history recorded complete to 2026-04-22."
    }
   }
  ],
  "daysOverdue": 8669,
  "sourceIds": [
   "cat-reporting-history-17-states",
   "omct-e-bulletin-2021-72nd-session",
   "untc-iv-9-2026-02-03"
  ]
 },
 "reports": [
  {
   "kind": "report",
   "reportNumber": 1,
   "lastReportNumber": 1,
   "procedure": null,
   "procedureBasis": null,
   "label": "initial",
   "recordId": "NGA:1",
   "due": {
    "date": "2002-07-28",
    "precision": "day",
    "notBefore": null,
    "basis": "computed",
    "sourceId": "untc-iv-9-2026-02-03",
    "rule": "UNCAT art. 19(1): initial report due one year after the Convention entered into force for the State",
    "asStated": "2002",
    "note": "Entry into force for the State: 2001-07-28 (computed from the deposit, art. 27). Agrees with the due year the source states (2002)."
   },
   "status": "overdue",
   "receivedBy": null,
   "overdue": {
    "establishedBy": "complete-history",
    "establishedAsOf": "2026-04-22",
    "daysOverdue": 8669,
    "sourceIds": [
     "cat-reporting-history-17-states",
     "omct-e-bulletin-2021-72nd-session",
     "untc-iv-9-2026-02-03"
    ],
    "basis": "Initial report due 2002-07-28 (computed); never submitted: the Committee considered the State without it (\"initial report never submitted\"); reporting history recorded complete to 2026-04-22."
   }
  }
 ],
 "followUps": [
  {
   "kind": "follow-up",
   "reportNumber": 1,
   "lastReportNumber": 1,
   "concludingObservationsAdopted": {
    "from": "2021-11-26",
    "to": "2021-11-26",
    "precision": "day"
   },
   "label": "follow-up to the concluding observations on the initial report",
   "recordId": "NGA:1",
   "due": {
    "date": "2022-12-03",
    "precision": "day",
    "notBefore": null,
    "basis": "recorded",
    "sourceId": "cat-reporting-history-17-states",
    "rule": null,
    "asStated": null,
    "note": null
   },
   "status": "received",
   "receivedBy": "2023-04-16",
   "overdue": null
  }
 ],
 "records": [
  {
   "id": "NGA:1",
   "stateIso3": "NGA",
   "number": 1,
   "lastNumber": 1,
   "label": "initial",
   "procedure": null,
   "procedureAsStated": "none: considered in the absence of a report",
   "consideredWithoutReport": true,
   "documentSymbol": null,
   "listOfIssuesSymbol": null,
   "dueRecorded": {
    "date": "2002-01-01",
    "precision": "year"
   },
   "dueAsStated": "2002",
   "due": {
    "date": "2002-07-28",
    "precision": "day",
    "notBefore": null,
    "basis": "computed",
    "sourceId": "untc-iv-9-2026-02-03",
    "rule": "UNCAT art. 19(1): initial report due one year after the Convention entered into force for the State",
    "asStated": "2002",
    "note": "Entry into force for the State: 2001-07-28 (computed from the deposit, art. 27). Agrees with the due year the source states (2002)."
   },
   "receivedOn": null,
   "receivedAsStated": null,
   "distributedOn": null,
   "dialogueSession": 72,
   "dialogueSessionNote": null,
   "dialogueDates": {
    "from": "2021-11-16",
    "to": "2021-11-17",
    "precision": "day"
   },
   "concludingObservationsSymbol": "CAT/C/NGA/COAR/1",
   "concludingObservationsAdopted": {
    "from": "2021-11-26",
    "to": "2021-11-26",
    "precision": "day"
   },
   "followUpDueRecorded": "2022-12-03",
   "followUpDue": {
    "date": "2022-12-03",
    "precision": "day",
    "notBefore": null,
    "basis": "recorded",
    "sourceId": "cat-reporting-history-17-states",
    "rule": null,
    "asStated": null,
    "note": null
   },
   "followUpReceived": {
    "on": null,
    "by": "2023-04-16",
    "asStated": "a follow-up report was received between the 75th and 76th sessions"
   },
   "latenessAsStatedByCommittee": "initial report never submitted",
   "otherEvents": "COAR distributed 21 Dec 2021; follow-up information requested by 3 Dec 2022; a follow-up report was received between the 75th and 76th sessions",
   "documents": "CAT/C/NGA/COAR/1; https://www.omct.org/en/resources/reports/omct-e-bulletin-november-december-2021-72nd-session-of-the-committee-against-torture ; https://www.nationaltribune.com.au/committee-against-torture-discusses-reports-on-follow-up-to-concluding-observations-individual-communications-and-reprisals-2/",
   "sourceId": "cat-reporting-history-17-states",
   "asOf": "2026-04-22"
  }
 ],
 "activities": [
  {
   "session": 72,
   "sessionStart": "2021-11-08",
   "sessionEnd": "2021-12-03",
   "activity": {
    "stateIso3": "NGA",
    "stateAsNamed": "Nigeria",
    "territory": null,
    "kind": "considered-without-report",
    "planned": false,
    "activityAsStated": "considered in the absence of the initial report (due 2002)",
    "dialogueDates": {
     "from": "2021-11-16",
     "to": "2021-11-17",
     "precision": "day"
    },
    "note": null,
    "sourceId": "omct-e-bulletin-2021-72nd-session"
   }
  }
 ],
 "deadlines": [
  {
   "uid": "cat-NGA-report-1@treaty-tracker",
   "stateIso3": "NGA",
   "kind": "report",
   "label": "initial report",
   "date": "2002-07-28",
   "computed": true,
   "status": "overdue",
   "daysOverdue": 8669,
   "establishedAsOf": "2026-04-22",
   "procedure": null,
   "sourceIds": [
    "cat-reporting-history-17-states",
    "omct-e-bulletin-2021-72nd-session",
    "untc-iv-9-2026-02-03"
   ]
  }
 ],
 "sources": [
  {
   "id": "cat-reporting-history-17-states",
   "title": "Report-by-report CAT reporting history of 17 States, compiled from the documents named in each row",
   "url": null,
   "asOf": null
  },
  {
   "id": "omct-e-bulletin-2021-72nd-session",
   "title": "OMCT e-bulletin November-December 2021: 72nd session of the Committee against Torture",
   "url": "https://www.omct.org/en/resources/reports/omct-e-bulletin-november-december-2021-72nd-session-of-the-committee-against-torture",
   "asOf": null
  },
  {
   "id": "untc-iv-9-2026-02-03",
   "title": "UNTC status page IV-9, Convention against Torture (status as at 3 February 2026)",
   "url": "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-9&chapter=4&clang=_en",
   "asOf": "2026-02-03"
  }
 ]
};

// Priority activities (a)-(h) of the Working Group's 2009 recommendations.
export type Eligibility = 'PARTIES_AND_NON_PARTIES_WHERE_APPROPRIATE' | 'ALL_MEMBER_STATES' | 'NOT_STATED';

const SOURCE = '002_dd645cd7d5831d83.txt para 2';

export const PRIORITY_ACTIVITIES = [
  { code: '(a)', title: 'Awareness of all aspects of capacity-building, education included, in international cooperation against transnational organized crime', eligibility: 'PARTIES_AND_NON_PARTIES_WHERE_APPROPRIATE', source: SOURCE },
  { code: '(b)', title: 'Help implement the Convention and Protocols to promote cooperation, especially mutual legal assistance and extradition', eligibility: 'PARTIES_AND_NON_PARTIES_WHERE_APPROPRIATE', source: SOURCE },
  { code: '(c)', title: 'Help ratify or accede to the Convention and Protocols', eligibility: 'ALL_MEMBER_STATES', source: SOURCE },
  { code: '(d)', title: 'Build capacity of officials who answer the questionnaires and checklist; help prepare implementation reports', eligibility: 'NOT_STATED', source: SOURCE },
  { code: '(e)', title: 'Legal assistance to draft and improve national laws and standards on prevention and prosecution, and capacity to apply them', eligibility: 'PARTIES_AND_NON_PARTIES_WHERE_APPROPRIATE', source: SOURCE },
  { code: '(f)(i)', title: 'Capacity and awareness to set up a competent central authority, for mutual legal assistance especially', eligibility: 'NOT_STATED', source: SOURCE },
  { code: '(f)(ii)', title: 'Capacity and awareness for a national coordination scheme among law enforcement, forensic laboratory experts, prosecutors, judges and others', eligibility: 'NOT_STATED', source: SOURCE },
  { code: '(g)', title: 'National, bilateral and regional programmes to protect witnesses and victims', eligibility: 'PARTIES_AND_NON_PARTIES_WHERE_APPROPRIATE', source: SOURCE },
  { code: '(h)', title: 'Law enforcement cooperation under article 27', eligibility: 'PARTIES_AND_NON_PARTIES_WHERE_APPROPRIATE', source: SOURCE },
] as const satisfies readonly { code: string; title: string; eligibility: Eligibility; source: string }[];

export type PriorityActivityCode = (typeof PRIORITY_ACTIVITIES)[number]['code'];

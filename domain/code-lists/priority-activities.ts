// Priority activities (a)-(h) of the Working Group's 2009 recommendations, framed inside the priority
// areas (domain.md 3.2). `eligibility` is who may receive the activity (R7): parties and, where
// appropriate, non-parties; all Member States (ratification help); or not stated by the text.
// Pure data: safe inside Temporal workflow sandboxes.
export type Eligibility = 'PARTIES_AND_NON_PARTIES_WHERE_APPROPRIATE' | 'ALL_MEMBER_STATES' | 'NOT_STATED';

export const PRIORITY_ACTIVITIES = [
  { code: '(a)', title: 'Awareness of all aspects of capacity-building, education included, in international cooperation against transnational organized crime', eligibility: 'PARTIES_AND_NON_PARTIES_WHERE_APPROPRIATE', source: '002_dd645cd7d5831d83.txt para 2(a)' },
  { code: '(b)', title: 'Help implement the Convention and the Protocols to promote cooperation, especially mutual legal assistance and extradition', eligibility: 'PARTIES_AND_NON_PARTIES_WHERE_APPROPRIATE', source: '002_dd645cd7d5831d83.txt para 2(b)' },
  { code: '(c)', title: 'Help ratify or accede to the Convention and the Protocols', eligibility: 'ALL_MEMBER_STATES', source: '002_dd645cd7d5831d83.txt para 2(c)' },
  { code: '(d)', title: 'Build the capacity of officials who answer the questionnaires and the checklist; help prepare implementation reports', eligibility: 'NOT_STATED', source: '002_dd645cd7d5831d83.txt para 2(d)' },
  { code: '(e)', title: 'Legal assistance to draft and improve national laws and standards on prevention and prosecution, and capacity to apply them', eligibility: 'PARTIES_AND_NON_PARTIES_WHERE_APPROPRIATE', source: '002_dd645cd7d5831d83.txt para 2(e)' },
  { code: '(f)(i)', title: 'Capacity and awareness to set up a competent central authority, for mutual legal assistance especially', eligibility: 'NOT_STATED', source: '002_dd645cd7d5831d83.txt para 2(f)(i)' },
  { code: '(f)(ii)', title: 'Capacity and awareness for a national coordination scheme among law enforcement, forensic laboratory experts, prosecutors, judges and others', eligibility: 'NOT_STATED', source: '002_dd645cd7d5831d83.txt para 2(f)(ii)' },
  { code: '(g)', title: 'National, bilateral and regional programmes to protect witnesses and victims', eligibility: 'PARTIES_AND_NON_PARTIES_WHERE_APPROPRIATE', source: '002_dd645cd7d5831d83.txt para 2(g)' },
  { code: '(h)', title: 'Law enforcement cooperation under article 27 of the Convention', eligibility: 'PARTIES_AND_NON_PARTIES_WHERE_APPROPRIATE', source: '002_dd645cd7d5831d83.txt para 2(h)' },
] as const satisfies readonly { code: string; title: string; eligibility: Eligibility; source: string }[];

export type PriorityActivityCode = (typeof PRIORITY_ACTIVITIES)[number]['code'];

// A demo roster from the seed documents: nominating States of the advisory group of experts
// (000 fn 18), institutions the seeds name (SOCA trainers 003 para 23; Royal Canadian Mounted Police
// 000 para 28; Korean Institute of Criminology 001 para 16(e)), mentors placed in Kenya and Bolivia
// (003 para 69; 004 para 35), and the proposal to draw experts from beneficiary countries (000 para 46).
// Every person's name is INVENTED; the States, institutions' kinds and fields come from the seeds.
// seedDemoRoster() writes through the same zod schema and queries the API uses; running it twice adds nothing.
import type { Kysely } from 'kysely';
import { changeExpert, expertById, insertNomination } from '../db/queries/roster.js';
import type { DB } from '../db/schema.js';
import { nominationInput, type NominationInput } from '../domain/roster-inputs.js';

const ALL_2027 = [{ from: '2027-01-01', to: '2027-12-31' }];

export const DEMO_ROSTER: { id: string; nomination: Record<string, unknown> }[] = [
  { id: 'expert-demo-gbr-soca', nomination: {
    name: 'Eleanor Whitfield (invented)', nationality: 'GBR', nominatingState: 'GBR', institution: 'Serious Organised Crime Agency (SOCA) (003 para 23)',
    profile: { fields: ['EMERGING_CRIMES.KIDNAPPING', 'INVESTIGATION.CRIMINAL_INTELLIGENCE'], instruments: [{ instrument: 'UNTOC', articles: ['27'] }], languages: [{ language: 'en', level: 'NATIVE' }, { language: 'sq', level: 'B1' }], regions: ['SOUTH_EASTERN_EUROPE'], states: ['ALB'], availability: ALL_2027, capacity: 2 } } },
  { id: 'expert-demo-fra-reporting', nomination: {
    name: 'Claire Dubois-Martin (invented)', nationality: 'FRA', nominatingState: 'FRA', institution: 'Ministère de la Justice, Direction des affaires criminelles et des grâces (invented unit)',
    profile: { fields: ['REPORTING.REPORTING_OBLIGATIONS', 'REPORTING.SELF_ASSESSMENT', 'CRIMINALIZATION.LEGISLATIVE_DRAFTING'], instruments: [{ instrument: 'UNTOC', articles: ['32'] }], languages: [{ language: 'fr', level: 'NATIVE' }, { language: 'en', level: 'C1' }], regions: ['WEST_AND_CENTRAL_AFRICA'], states: ['GAB', 'TCD'], availability: ALL_2027 } } },
  { id: 'expert-demo-esp-mla', nomination: {
    name: 'Javier Ortega Ruiz (invented)', nationality: 'ESP', nominatingState: 'ESP', institution: 'Fiscalía General del Estado (central authority for MLA)',
    profile: { fields: ['INTL_COOPERATION.MLA', 'INTL_COOPERATION.EXTRADITION', 'INTL_COOPERATION.CENTRAL_AUTHORITY'], instruments: [{ instrument: 'UNTOC', articles: ['18'] }], languages: [{ language: 'es', level: 'NATIVE' }, { language: 'en', level: 'B2' }, { language: 'fr', level: 'B1' }], regions: ['CENTRAL_AMERICA', 'SOUTH_AMERICA'], states: ['HND', 'BOL'], availability: ALL_2027 } } },
  { id: 'expert-demo-can-rcmp', nomination: {
    name: 'Marc-André Tremblay (invented)', nationality: 'CAN', nominatingState: 'CAN', institution: 'Royal Canadian Mounted Police (000 para 28)',
    profile: { fields: ['EMERGING_CRIMES.IDENTITY_CRIME', 'INVESTIGATION.ELECTRONIC_EVIDENCE'], instruments: [{ instrument: 'UNTOC' }], languages: [{ language: 'en', level: 'NATIVE' }, { language: 'fr', level: 'NATIVE' }], regions: ['WESTERN_EUROPE_AND_OTHERS'], availability: ALL_2027 } } },
  { id: 'expert-demo-ken-witness', nomination: {
    name: 'Grace Wanjiru Mwangi (invented)', nationality: 'KEN', nominatingState: 'KEN', institution: 'Office of the Attorney General, witness-protection unit (004 para 35)',
    profile: { fields: ['PROTECTION.WITNESS_PROTECTION', 'PROTECTION.VICTIM_ASSISTANCE'], instruments: [{ instrument: 'UNTOC', articles: ['24'] }], languages: [{ language: 'en', level: 'C2' }], regions: ['EAST_AFRICA'], states: ['UGA', 'TZA', 'RWA'], availability: ALL_2027, conflicts: { states: ['KEN'] } } } },
  { id: 'expert-demo-bra-firearms', nomination: {
    name: 'Rafael Souza Lima (invented)', nationality: 'BRA', nominatingState: 'BRA', institution: 'Polícia Federal, firearms control division (004 para 53: EU-funded firearms project States)',
    profile: { fields: ['FIREARMS.MARKING', 'FIREARMS.TRACING', 'FIREARMS.RECORD_KEEPING'], instruments: [{ instrument: 'FA', articles: ['5'] }], languages: [{ language: 'pt', level: 'NATIVE' }, { language: 'es', level: 'C1' }], regions: ['SOUTH_AMERICA'], states: ['BOL', 'PRY'], availability: ALL_2027 } } },
  { id: 'expert-demo-nam-aml', nomination: {
    name: 'Tuyeni Shikongo (invented)', nationality: 'NAM', nominatingState: 'NAM', institution: 'Financial Intelligence Centre (AML advice, 004 para 19)',
    profile: { fields: ['FINANCIAL_CRIME.MONEY_LAUNDERING', 'FINANCIAL_CRIME.FIU'], instruments: [{ instrument: 'UNTOC', articles: ['7'] }], languages: [{ language: 'en', level: 'C2' }], regions: ['SOUTHERN_AFRICA'], states: ['BWA'], availability: ALL_2027 } } },
  { id: 'expert-demo-nor-tip', nomination: {
    name: 'Ingrid Solberg (invented)', nationality: 'NOR', nominatingState: 'NOR', institution: 'National Criminal Investigation Service (invented unit)',
    profile: { fields: ['TIP.CRIMINAL_JUSTICE', 'TIP.VICTIM_PROTECTION', 'SOM.CRIMINAL_JUSTICE'], instruments: [{ instrument: 'TIP', articles: ['5'] }, { instrument: 'SOM', articles: ['6'] }], languages: [{ language: 'en', level: 'C2' }, { language: 'es', level: 'B2' }], regions: ['EAST_AFRICA', 'CENTRAL_AMERICA'], availability: ALL_2027 } } },
];

/** Nominates and accepts each demo expert once; returns how many were added. */
export async function seedDemoRoster(db: Kysely<DB>): Promise<number> {
  let added = 0;
  for (const { id, nomination } of DEMO_ROSTER) {
    if (await expertById(db, id)) continue;
    const input: NominationInput = nominationInput.parse(nomination);
    await insertNomination(db, id, input, { subject: `demo-focal-point-${input.nominatingState}`, role: 'STATE_FOCAL_POINT', stateCode: input.nominatingState });
    await changeExpert(db, id, { status: 'ACTIVE' }, 'ACCEPT', { subject: id, role: 'EXPERT' }, {});
    added++;
  }
  return added;
}

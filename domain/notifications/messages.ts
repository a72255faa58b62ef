// The text of each notice in the recipient's language (English, French, Spanish), as plain text and
// HTML, with a link to the project page. Pure: the sending activity renders with it.
import type { NoticeTopic } from './audiences.js';

export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export function languageOf(value: string | null | undefined): Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'en';
}

export interface NoticeToRender {
  topic: NoticeTopic;
  projectId: string | null;
  projectTitle: string | null;
  params: Record<string, unknown>;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

type P = { title: string; question: string; deadline: string; message: string; slot: string };
type Template = { subject: (p: P) => string; body: (p: P) => string[] };

const T: Record<Language, Record<NoticeTopic, Template>> = {
  en: {
    INFORMATION_REQUESTED: { subject: (p) => `Information requested: ${p.title}`, body: (p) => [`The Secretariat asks for information on "${p.title}":`, p.question, `Please answer by ${p.deadline}.`] },
    INFORMATION_REMINDER: { subject: (p) => `Reminder: information still awaited for ${p.title}`, body: (p) => [`The information requested for "${p.title}" has not yet been provided.`, p.question, p.deadline ? `The request lapses on ${p.deadline}.` : ''] },
    INFORMATION_ESCALATION: { subject: (p) => `Information request lapsed: ${p.title}`, body: (p) => [`The information request for "${p.title}" lapsed without an answer; the programme manager decides how to proceed.`] },
    FUNDING_REMINDER: { subject: (p) => `Budget not yet covered: ${p.title}`, body: (p) => [`The budget of "${p.title}" is not yet covered by pledges.`, p.message] },
    FUNDING_ESCALATION: { subject: (p) => `Escalation: funding of ${p.title}`, body: (p) => [`"${p.title}" is still waiting for funding.`, p.message] },
    PROGRESS_REPORT_DUE: { subject: (p) => `Progress report due: ${p.title}`, body: (p) => [`A progress report on "${p.title}" is due.`] },
    EVALUATION_ASSIGNED: { subject: (p) => `Evaluation assigned: ${p.title}`, body: (p) => [`You have been assigned the outcome evaluation of "${p.title}".`] },
    EVALUATION_REMINDER: { subject: (p) => `Reminder: outcome assessment of ${p.title}`, body: (p) => [`The outcome assessment of "${p.title}" is due.`] },
    EVALUATION_ESCALATION: { subject: (p) => `Evaluation overdue: ${p.title}`, body: (p) => [`The outcome assessment of "${p.title}" is past its deadline.`, p.message] },
    EXPERT_INVITED: { subject: (p) => `Invitation to serve as an expert: ${p.slot}`, body: (p) => [`You are invited to serve as an expert (${p.slot}).`, p.deadline ? `Please answer by ${p.deadline}.` : ''] },
    EXPERT_INVITATION_REMINDER: { subject: (p) => `Reminder: expert invitation ${p.slot}`, body: (p) => [`Your answer to the invitation (${p.slot}) is still awaited.`] },
    INVITATIONS_EXHAUSTED: { subject: (p) => `No expert accepted: ${p.slot}`, body: (p) => [`None of the candidates accepted the invitation (${p.slot}); choose again.`] },
  },
  fr: {
    INFORMATION_REQUESTED: { subject: (p) => `Demande d'informations : ${p.title}`, body: (p) => [`Le Secrétariat demande des informations sur « ${p.title} » :`, p.question, `Merci de répondre avant le ${p.deadline}.`] },
    INFORMATION_REMINDER: { subject: (p) => `Rappel : informations attendues pour ${p.title}`, body: (p) => [`Les informations demandées pour « ${p.title} » n'ont pas encore été fournies.`, p.question, p.deadline ? `La demande expire le ${p.deadline}.` : ''] },
    INFORMATION_ESCALATION: { subject: (p) => `Demande d'informations expirée : ${p.title}`, body: (p) => [`La demande d'informations pour « ${p.title} » a expiré sans réponse ; le gestionnaire de programme décide de la suite.`] },
    FUNDING_REMINDER: { subject: (p) => `Budget non encore couvert : ${p.title}`, body: (p) => [`Le budget de « ${p.title} » n'est pas encore couvert par des annonces de contributions.`, p.message] },
    FUNDING_ESCALATION: { subject: (p) => `Signalement : financement de ${p.title}`, body: (p) => [`« ${p.title} » attend toujours son financement.`, p.message] },
    PROGRESS_REPORT_DUE: { subject: (p) => `Rapport d'étape attendu : ${p.title}`, body: (p) => [`Un rapport d'étape sur « ${p.title} » est attendu.`] },
    EVALUATION_ASSIGNED: { subject: (p) => `Évaluation confiée : ${p.title}`, body: (p) => [`L'évaluation des résultats de « ${p.title} » vous a été confiée.`] },
    EVALUATION_REMINDER: { subject: (p) => `Rappel : évaluation des résultats de ${p.title}`, body: (p) => [`L'évaluation des résultats de « ${p.title} » est attendue.`] },
    EVALUATION_ESCALATION: { subject: (p) => `Évaluation en retard : ${p.title}`, body: (p) => [`L'évaluation des résultats de « ${p.title} » a dépassé son échéance.`, p.message] },
    EXPERT_INVITED: { subject: (p) => `Invitation à intervenir comme expert : ${p.slot}`, body: (p) => [`Vous êtes invité(e) à intervenir comme expert (${p.slot}).`, p.deadline ? `Merci de répondre avant le ${p.deadline}.` : ''] },
    EXPERT_INVITATION_REMINDER: { subject: (p) => `Rappel : invitation ${p.slot}`, body: (p) => [`Votre réponse à l'invitation (${p.slot}) est toujours attendue.`] },
    INVITATIONS_EXHAUSTED: { subject: (p) => `Aucun expert n'a accepté : ${p.slot}`, body: (p) => [`Aucun des candidats n'a accepté l'invitation (${p.slot}) ; un nouveau choix est nécessaire.`] },
  },
  es: {
    INFORMATION_REQUESTED: { subject: (p) => `Solicitud de información: ${p.title}`, body: (p) => [`La Secretaría solicita información sobre «${p.title}»:`, p.question, `Sírvase responder antes del ${p.deadline}.`] },
    INFORMATION_REMINDER: { subject: (p) => `Recordatorio: información pendiente para ${p.title}`, body: (p) => [`Todavía no se ha facilitado la información solicitada para «${p.title}».`, p.question, p.deadline ? `La solicitud vence el ${p.deadline}.` : ''] },
    INFORMATION_ESCALATION: { subject: (p) => `Solicitud de información vencida: ${p.title}`, body: (p) => [`La solicitud de información para «${p.title}» venció sin respuesta; el director de programa decide cómo proceder.`] },
    FUNDING_REMINDER: { subject: (p) => `Presupuesto aún no cubierto: ${p.title}`, body: (p) => [`El presupuesto de «${p.title}» aún no está cubierto por promesas de contribución.`, p.message] },
    FUNDING_ESCALATION: { subject: (p) => `Escalamiento: financiación de ${p.title}`, body: (p) => [`«${p.title}» sigue a la espera de financiación.`, p.message] },
    PROGRESS_REPORT_DUE: { subject: (p) => `Informe de situación pendiente: ${p.title}`, body: (p) => [`Se espera un informe de situación sobre «${p.title}».`] },
    EVALUATION_ASSIGNED: { subject: (p) => `Evaluación asignada: ${p.title}`, body: (p) => [`Se le ha asignado la evaluación de resultados de «${p.title}».`] },
    EVALUATION_REMINDER: { subject: (p) => `Recordatorio: evaluación de resultados de ${p.title}`, body: (p) => [`La evaluación de resultados de «${p.title}» está pendiente.`] },
    EVALUATION_ESCALATION: { subject: (p) => `Evaluación atrasada: ${p.title}`, body: (p) => [`La evaluación de resultados de «${p.title}» superó su plazo.`, p.message] },
    EXPERT_INVITED: { subject: (p) => `Invitación a participar como experto: ${p.slot}`, body: (p) => [`Se le invita a participar como experto (${p.slot}).`, p.deadline ? `Sírvase responder antes del ${p.deadline}.` : ''] },
    EXPERT_INVITATION_REMINDER: { subject: (p) => `Recordatorio: invitación ${p.slot}`, body: (p) => [`Su respuesta a la invitación (${p.slot}) sigue pendiente.`] },
    INVITATIONS_EXHAUSTED: { subject: (p) => `Ningún experto aceptó: ${p.slot}`, body: (p) => [`Ninguno de los candidatos aceptó la invitación (${p.slot}); elija de nuevo.`] },
  },
};

const LINK_LABEL: Record<Language, string> = { en: 'Open the project', fr: 'Ouvrir le projet', es: 'Abrir el proyecto' };
const DIGEST: Record<Language, { subject: (n: number) => string; intro: string }> = {
  en: { subject: (n) => `palermo daily digest: ${n} notice${n === 1 ? '' : 's'}`, intro: 'Your notices since the last digest:' },
  fr: { subject: (n) => `Résumé quotidien palermo : ${n} avis`, intro: 'Vos avis depuis le dernier résumé :' },
  es: { subject: (n) => `Resumen diario de palermo: ${n} aviso${n === 1 ? '' : 's'}`, intro: 'Sus avisos desde el último resumen:' },
};
const FOOTER: Record<Language, string> = {
  en: 'You receive this because of your role in palermo. Choose immediate mail or a daily digest with setNotificationPreferences.',
  fr: 'Vous recevez ce message en raison de votre rôle dans palermo. Choisissez un envoi immédiat ou un résumé quotidien avec setNotificationPreferences.',
  es: 'Recibe este mensaje por su función en palermo. Elija envío inmediato o resumen diario con setNotificationPreferences.',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** `2026-11-25T10:40:00.000Z` -> `2026-11-25 10:40 UTC`, the same in every language. */
export function formatInstant(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function projectLink(publicUrl: string, projectId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/projects/${encodeURIComponent(projectId)}`;
}

function parts(n: NoticeToRender, language: Language) {
  const str = (k: string) => (typeof n.params[k] === 'string' ? (n.params[k] as string) : '');
  const p: P = { title: n.projectTitle ?? n.projectId ?? '', question: str('question'), deadline: str('deadline') ? formatInstant(str('deadline')) : '', message: str('message'), slot: str('slot') };
  const template = T[language][n.topic];
  return { subject: template.subject(p), lines: template.body(p).filter((l) => l.trim() !== '') };
}

export function renderNotice(n: NoticeToRender, language: Language, publicUrl: string): RenderedMessage {
  const { subject, lines } = parts(n, language);
  const link = n.projectId ? projectLink(publicUrl, n.projectId) : null;
  const text = [...lines, ...(link ? [`${LINK_LABEL[language]}: ${link}`] : []), `-- \n${FOOTER[language]}`].join('\n\n');
  const html = [
    `<!doctype html><html lang="${language}"><body>`,
    ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    ...(link ? [`<p><a href="${escapeHtml(link)}">${escapeHtml(LINK_LABEL[language])}</a></p>`] : []),
    `<p style="color:#666;font-size:small">${escapeHtml(FOOTER[language])}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

/** Several waiting notices in one message, each with its own link. */
export function renderDigest(notices: readonly NoticeToRender[], language: Language, publicUrl: string): RenderedMessage {
  const d = DIGEST[language];
  const items = notices.map((n) => ({ ...parts(n, language), link: n.projectId ? projectLink(publicUrl, n.projectId) : null }));
  const text = [d.intro, ...items.map((i) => [`* ${i.subject}`, ...i.lines.map((l) => `  ${l}`), ...(i.link ? [`  ${LINK_LABEL[language]}: ${i.link}`] : [])].join('\n')), FOOTER[language]].join('\n\n');
  const html = [
    `<!doctype html><html lang="${language}"><body>`,
    `<p>${escapeHtml(d.intro)}</p><ul>`,
    ...items.map((i) => `<li><strong>${escapeHtml(i.subject)}</strong>${i.lines.map((l) => `<br>${escapeHtml(l)}`).join('')}${i.link ? `<br><a href="${escapeHtml(i.link)}">${escapeHtml(LINK_LABEL[language])}</a>` : ''}</li>`),
    `</ul><p style="color:#666;font-size:small">${escapeHtml(FOOTER[language])}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: d.subject(notices.length), text, html };
}

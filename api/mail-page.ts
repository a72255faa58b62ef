// GET /mail: the messages the embedded default's SMTP server caught, newest first, so a new user sees
// the reminders palermo sends. Open without a token only when PALERMO_MAIL_PAGE_OPEN=true (npm start's
// embedded default sets it; everything listens on 127.0.0.1 there); otherwise a programme manager's
// bearer token is needed. GET /mail/<id> shows one message's HTML part.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml } from '../domain/notifications/messages.js';
import type { ApiDeps } from './context.js';
import { bearerActor, sendText } from './http-auth.js';

export async function serveMailPage(deps: ApiDeps, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const one = /^\/mail\/(\d{1,9})$/.exec(path);
  if (path !== '/mail' && !one) return false;
  // The caught HTML is palermo's own, but it is shown sandboxed: no scripts, nothing loaded from outside.
  const send = (status: number, body: string, type?: string) =>
    sendText(res, status, body, type, { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox" });
  if (process.env.PALERMO_MAIL_PAGE_OPEN !== 'true') {
    const caller = await bearerActor(deps, req);
    if ('refusal' in caller) return send(caller.status, caller.refusal);
    if (caller.actor.role !== 'PROGRAMME_MANAGER') return send(403, 'FORBIDDEN: the caught mail is for PROGRAMME_MANAGER\n');
  }
  if (one) {
    const mail = await deps.db.selectFrom('caught_mail').selectAll().where('id', '=', Number(one[1])).executeTakeFirst();
    if (!mail) return send(404, `NOT_FOUND: no caught message ${one[1]}\n`);
    return send(200, mail.html_body ?? `<pre>${escapeHtml(mail.text_body)}</pre>`, 'text/html; charset=utf-8');
  }
  const rows = await deps.db.selectFrom('caught_mail').selectAll().orderBy('id', 'desc').limit(200).execute();
  const items = rows.map(
    (m) => `<article><h2><a href="/mail/${m.id}">${escapeHtml(m.subject)}</a></h2>
<p><small>${escapeHtml(new Date(m.received_at).toISOString())} &middot; to ${escapeHtml(m.envelope_to.join(', '))}</small></p>
<pre>${escapeHtml(m.text_body)}</pre></article>`,
  );
  return send(
    200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>palermo: caught mail</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:auto}pre{white-space:pre-wrap;background:#f4f4f4;padding:.5rem}</style></head>
<body><h1>Caught mail (${rows.length})</h1><p>What palermo sent, as the local SMTP server received it. Newest first.</p>
${items.join('\n') || '<p>Nothing yet.</p>'}</body></html>`,
    'text/html; charset=utf-8',
  );
}

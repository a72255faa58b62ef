// The embedded default's SMTP server (npm package smtp-server, on 127.0.0.1 only): it accepts every
// message palermo sends and keeps it in the caught_mail table, which GET /mail shows. Nothing leaves
// the machine.
import type { Kysely } from 'kysely';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { DB } from '../../db/schema.js';

export async function startMailCatcher(db: Kysely<DB>, port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'], // local only, plain SMTP
    banner: 'palermo mail catcher',
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          await db
            .insertInto('caught_mail')
            .values({
              envelope_from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              envelope_to: to,
              subject: mail.subject ?? '',
              text_body: mail.text ?? '',
              html_body: typeof mail.html === 'string' ? mail.html : null,
              message_id: mail.messageId ?? null,
            })
            .execute();
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}


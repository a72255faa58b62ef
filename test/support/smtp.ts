// A real SMTP server for tests (npm smtp-server, on 127.0.0.1), parsing what arrives with mailparser.
// `reject` lets a test answer RCPT TO with an SMTP error, as a real relay would.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMessage {
  to: string[];
  mail: ParsedMail;
}

export interface SmtpSink {
  url: string;
  messages: CaughtMessage[];
  to(address: string): CaughtMessage[];
  stop(): Promise<void>;
}

export async function startSmtpSink(reject?: (recipient: string) => { code: number; message: string } | null): Promise<SmtpSink> {
  const messages: CaughtMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    onRcptTo(address, _session, callback) {
      const refusal = reject?.(address.address);
      if (!refusal) return callback();
      const err = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
      callback(err);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((m) => m.to.includes(address)),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

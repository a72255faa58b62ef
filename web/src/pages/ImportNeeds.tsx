// CSV (or JSON) import of questionnaire and checklist responses: the file is read in the browser and
// sent once (importNeeds); the page then follows needsImport(id) until it is done and shows each row
// that was not imported with its line, column and reason, paged in line order.
import { useEffect, useState, type FormEvent } from 'react';
import { useClient, useQuery } from 'urql';
import { Link } from 'wouter';
import { SelectField, TextField } from '../components/Fields';
import { ProblemNotice } from '../components/ProblemNotice';
import { useT, type MessageKey } from '../i18n';
import { IMPORT_NEEDS, NEEDS_IMPORT } from '../operations/manager-needs';
import { choiceMissing, issueAt, problemOf, type Problem } from '../outcome';
import { oneOf } from '../vocabulary';
import type { IMPORT_SOURCES } from '../../../domain/needs-import';
import '../manager.css';

// The same two as domain/needs-import.ts (checked by the type), without loading its parser into the page.
const SOURCES = ['QUESTIONNAIRE_RESPONSE', 'CHECKLIST_RESPONSE'] as const satisfies readonly (typeof IMPORT_SOURCES)[number][];

export default function ImportNeeds() {
  const { t } = useT();
  const client = useClient();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const [cycle, setCycle] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [importId, setImportId] = useState<string | null>(() => new URLSearchParams(location.search).get('import'));
  // One key per file chosen: sending the same file again returns the same import.
  const [key, setKey] = useState(() => crypto.randomUUID());

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    if (!file) {
      setProblem({ code: 'VALIDATION_FAILED', message: '', issues: [{ field: 'input.content', message: t('imp.noFile') }] });
      return;
    }
    setBusy(true);
    const content = await file.text();
    const format = /\.json$/i.test(file.name) ? 'JSON' : 'CSV';
    const chosen = oneOf(SOURCES, source);
    if (!chosen) {
      setBusy(false);
      setProblem(problemOf(choiceMissing('source', t('form.choiceRequired'))));
      return;
    }
    const r = await client.mutation(IMPORT_NEEDS, { input: { format, source: chosen, cycle: cycle.trim(), content, importKey: key } }).toPromise();
    setBusy(false);
    const result = r.error ? { __typename: 'Error', code: 'OTHER', message: r.error.message } : r.data?.importNeeds;
    const p = problemOf(result);
    setProblem(p);
    if (!p && r.data?.importNeeds.__typename === 'NeedsImport') {
      const id = r.data.importNeeds.id;
      setImportId(id);
      // The import's address stays in the URL: a reload follows the same import.
      history.replaceState(null, '', `${location.pathname}?import=${encodeURIComponent(id)}`);
    }
  }
  const err = (path: string) => issueAt(problem, path);
  return (
    <>
      <h1>{t('imp.heading')}</h1>
      <p>
        <Link href="/needs">{t('imp.back')}</Link>
      </p>
      <p>{t('imp.intro')}</p>
      <form className="import-form" onSubmit={submit} aria-label={t('imp.heading')}>
        <div className="form-grid">
          <FileField
            label={t('imp.file')}
            hint={t('imp.fileHint')}
            error={err('content') ?? err('format')}
            onChange={(f) => {
              setFile(f);
              setKey(crypto.randomUUID());
            }}
          />
          <SelectField label={t('imp.source')} value={source} onChange={setSource} required options={SOURCES.map((s) => ({ value: s, label: t(`imp.source.${s}` as MessageKey) }))} placeholder={t('common.choose')} error={err('source')} />
          <TextField label={t('imp.cycle')} hint={t('imp.cycleHint')} value={cycle} onChange={setCycle} required error={err('cycle')} />
        </div>
        <button type="submit" disabled={busy}>
          {t('imp.submit')}
        </button>
        <ProblemNotice problem={problem} />
      </form>
      {importId && <ImportProgress key={importId} id={importId} />}
    </>
  );
}

function FileField({ label, hint, error, onChange }: { label: string; hint: string; error?: string | undefined; onChange: (f: File | null) => void }) {
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor="import-file">{label}</label>
      <input id="import-file" type="file" accept=".csv,.tsv,.txt,.json,text/csv,application/json" required aria-invalid={error ? true : undefined} aria-describedby={`import-file-hint${error ? ' import-file-error' : ''}`} onChange={(e) => onChange(e.target.files?.[0] ?? null)} />
      <span className="hint" id="import-file-hint">
        {hint}
      </span>
      {error && (
        <span className="field-error" id="import-file-error">
          {error}
        </span>
      )}
    </div>
  );
}

type RowError = { cursor: string; line: number; field: string; reason: string };

function ImportProgress({ id }: { id: string }) {
  const { t, number } = useT();
  const [{ data, error }, refetch] = useQuery({ query: NEEDS_IMPORT, variables: { id, after: null } });
  const client = useClient();
  const [more, setMore] = useState<RowError[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const imp = data?.needsImport.__typename === 'NeedsImport' ? data.needsImport : null;
  const running = !imp || imp.status === 'RUNNING';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), 1000);
    return () => clearInterval(timer);
  }, [running, refetch]);
  if (error) return <p role="alert">{t('common.error', { message: error.message })}</p>;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  if (!imp) return <p role="alert">{t('common.error', { message: data.needsImport.__typename !== 'NeedsImport' ? data.needsImport.message : '' })}</p>;
  const page = imp.errors.__typename === 'ImportRowErrorPage' ? imp.errors : null;
  const rows: RowError[] = [...(page?.items ?? []), ...more];
  const hasNext = more.length ? cursor !== null : Boolean(page?.hasNextPage);
  async function loadMore() {
    const after = more.length ? cursor : (page?.endCursor ?? null);
    const r = await client.query(NEEDS_IMPORT, { id, after }, { requestPolicy: 'network-only' }).toPromise();
    const next = r.data?.needsImport.__typename === 'NeedsImport' && r.data.needsImport.errors.__typename === 'ImportRowErrorPage' ? r.data.needsImport.errors : null;
    if (!next) return;
    setMore((m) => [...m, ...next.items]);
    setCursor(next.hasNextPage ? next.endCursor : null);
  }
  return (
    <section aria-labelledby="import-progress" className="import-progress">
      <h2 id="import-progress">{t('imp.progress')}</h2>
      <p role="status">
        {running
          ? t('imp.running', { processed: number(imp.processedRows), total: number(imp.totalRows) })
          : t('imp.done', { imported: imp.imported, present: imp.alreadyPresent, errors: imp.errorCount, total: imp.totalRows })}
      </p>
      {imp.totalRows > 0 && <progress max={imp.totalRows} value={imp.processedRows} aria-label={t('imp.progress')} />}
      {rows.length > 0 && (
        <table className="projects row-errors">
          <caption>{t('imp.errors', { count: imp.errorCount })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imp.col.line')}</th>
              <th scope="col">{t('imp.col.column')}</th>
              <th scope="col">{t('imp.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.cursor}>
                <td>{e.line === 0 ? t('imp.wholeFile') : e.line}</td>
                <td>{e.field}</td>
                <td>{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!running && hasNext && (
        <button type="button" onClick={() => void loadMore()}>
          {t('imp.more')}
        </button>
      )}
    </section>
  );
}

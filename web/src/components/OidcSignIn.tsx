// Sign-in through the organisation's OpenID Connect provider (a real deployment), and the page the
// provider sends the browser back to (/auth/callback).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { authConfig, beginOidcSignIn, completeOidcSignIn, type AuthConfig } from '../oidc';
import type { Session } from '../session';

export function OidcSignIn({ fallback }: { fallback: ReactNode }) {
  const { t } = useT();
  const [config, setConfig] = useState<AuthConfig | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    authConfig().then(setConfig, (e: unknown) => setError(String(e)));
  }, []);
  if (error) return <p role="alert">{t('roles.oidc.failed', { reason: error })}</p>;
  if (!config) return <p role="status">{t('common.loading')}</p>;
  if (config.mode !== 'oidc') return <>{fallback}</>;
  return (
    <section aria-labelledby="oidc-heading">
      <h2 id="oidc-heading">{t('roles.oidc.heading')}</h2>
      <p>{t('roles.oidc.intro', { issuer: new URL(config.issuer).host })}</p>
      <button type="button" onClick={() => beginOidcSignIn(config).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))}>
        {t('roles.oidc.signIn')}
      </button>
    </section>
  );
}

export function OidcCallback({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const { t } = useT();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return; // the code is single-use: StrictMode's second effect must not spend it again
    started.current = true;
    completeOidcSignIn(new URL(window.location.href)).then(
      (session) => {
        // The code and state leave the address bar and the history.
        window.history.replaceState(null, '', '/');
        onSignedIn(session);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [onSignedIn]);
  return (
    <>
      <h1>{t('signIn.title')}</h1>
      {error ? (
        <>
          <p role="alert">{t('roles.oidc.failed', { reason: error })}</p>
          <p>
            <a href="/">{t('roles.oidc.signIn')}</a>
          </p>
        </>
      ) : (
        <p role="status">{t('roles.oidc.finishing')}</p>
      )}
    </>
  );
}

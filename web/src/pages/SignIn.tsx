import { useEffect, useState } from 'react';
import { OidcSignIn } from '../components/OidcSignIn';
import { useT } from '../i18n';
import { demoIdentities, demoSignIn, type DemoIdentity, type Session } from '../session';

export function SignIn({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const { t, code } = useT();
  const [identities, setIdentities] = useState<DemoIdentity[] | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    demoIdentities().then(setIdentities, (e: unknown) => setError(String(e)));
  }, []);
  const label = (i: DemoIdentity) =>
    i.role === 'STATE_FOCAL_POINT' && i.state ? t('signIn.focalPointOf', { state: i.state }) : i.role === 'DONOR' && i.organisation ? t('signIn.donorOf', { organisation: i.organisation }) : code('role', i.role);
  return (
    <>
      <h1>{t('signIn.title')}</h1>
      {error && <p role="alert">{t('signIn.failed', { reason: error })}</p>}
      {identities === undefined && !error && <p role="status">{t('common.loading')}</p>}
      {identities === null && <OidcSignIn fallback={<p>{t('signIn.off')}</p>} />}
      {identities && (
        <section className="demo" aria-labelledby="demo-heading">
          <h2 id="demo-heading">
            {t('signIn.demoHeading')} <span className="badge">{t('signIn.demoBadge')}</span>
          </h2>
          <p>{t('signIn.demoNotice')}</p>
          <ul className="identities">
            {identities.map((i) => (
              <li key={i.id}>
                <button
                  type="button"
                  data-identity={i.id}
                  onClick={() => demoSignIn(i.id).then(onSignedIn, (e: unknown) => setError(String(e)))}
                >
                  {t('signIn.as', { who: label(i) })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

// Routes by role. The urql client carries the session's bearer token; signing out drops both.
import { lazy, Suspense, useMemo, useState } from 'react';
import { cacheExchange, Client, fetchExchange, Provider } from 'urql';
import { Redirect, Route, Switch } from 'wouter';
import { Layout } from './components/Layout';
import { useT } from './i18n';
import { MyProjects } from './pages/MyProjects';
import { ProjectPage } from './pages/ProjectPage';
import { SignIn } from './pages/SignIn';
import { clearSession, loadSession, type Session } from './session';

// Pages a role may never open are split out of the first download.
const NewRequest = lazy(() => import('./pages/NewRequest'));
const Inbox = lazy(() => import('./pages/Inbox'));
const Portfolio = lazy(() => import('./pages/Portfolio'));
const PlanEditor = lazy(() => import('./pages/PlanEditor'));
const Invitations = lazy(() => import('./pages/Invitations'));
const PriorityWeights = lazy(() => import('./pages/PriorityWeights'));
const NeedsPool = lazy(() => import('./pages/NeedsPool'));
const OutcomeAssessmentForm = lazy(() => import('./pages/OutcomeAssessmentForm'));
// The programme manager's matching and import pages (issue 12).
const ExpertMatching = lazy(() => import('./pages/ExpertMatching'));
const ImportNeeds = lazy(() => import('./pages/ImportNeeds'));

function clientFor(session: Session) {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ headers: { authorization: `Bearer ${session.token}` } }),
  });
}

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const client = useMemo(() => (session ? clientFor(session) : null), [session]);
  const { t } = useT();

  if (!session || !client) {
    return (
      <Layout session={null} onSignOut={() => {}}>
        <SignIn onSignedIn={setSession} />
      </Layout>
    );
  }
  const home = session.role === 'PROGRAMME_MANAGER' ? '/inbox' : session.role === 'EXPERT' ? '/invitations' : '/projects';
  return (
    <Provider value={client}>
      <Layout
        session={session}
        onSignOut={() => {
          clearSession();
          setSession(null);
        }}
      >
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <Switch>
            <Route path="/projects/:id/plan">{(p) => <PlanEditor projectId={decodeURIComponent(p.id)} />}</Route>
            <Route path="/projects/:id/matching">{(p) => (session.role === 'PROGRAMME_MANAGER' ? <ExpertMatching projectId={decodeURIComponent(p.id)} /> : <Redirect to={home} />)}</Route>
            <Route path="/needs/import">{session.role === 'PROGRAMME_MANAGER' || session.role === 'CONFERENCE_ADMIN' ? <ImportNeeds /> : <Redirect to={home} />}</Route>
            <Route path="/projects/:id/assessment">{(p) => <OutcomeAssessmentForm projectId={decodeURIComponent(p.id)} />}</Route>
            <Route path="/projects/:id">{(p) => <ProjectPage session={session} projectId={decodeURIComponent(p.id)} />}</Route>
            <Route path="/projects">{session.role === 'PROGRAMME_MANAGER' || session.role === 'CONFERENCE_ADMIN' ? <Portfolio /> : <MyProjects />}</Route>
            <Route path="/requests/new">{session.role === 'STATE_FOCAL_POINT' ? <NewRequest session={session} /> : <Redirect to={home} />}</Route>
            <Route path="/invitations">{session.role === 'EXPERT' ? <Invitations session={session} /> : <Redirect to={home} />}</Route>
            <Route path="/weights">{session.role === 'CONFERENCE_ADMIN' ? <PriorityWeights /> : <Redirect to={home} />}</Route>
            <Route path="/needs">
              <NeedsPool />
            </Route>
            <Route path="/inbox">
              <Inbox />
            </Route>
            <Route>
              <Redirect to={home} />
            </Route>
          </Switch>
        </Suspense>
      </Layout>
    </Provider>
  );
}

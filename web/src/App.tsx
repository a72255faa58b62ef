// Routes by role. The urql client carries the session's bearer token; signing out drops both.
import { lazy, Suspense, useMemo, useState } from 'react';
import { createClient as createSseClient } from 'graphql-sse';
import { cacheExchange, Client, fetchExchange, Provider, subscriptionExchange } from 'urql';
import { Redirect, Route, Switch } from 'wouter';
import { Layout } from './components/Layout';
import { OidcCallback } from './components/OidcSignIn';
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
// web-roles: donor, focal point extras, expert profile, Conference administrator, reports.
const Funding = lazy(() => import('./pages/Funding'));
const DonorPortfolio = lazy(() => import('./pages/DonorPortfolio'));
const Reports = lazy(() => import('./pages/Reports'));
const StateNeeds = lazy(() => import('./pages/StateNeeds'));
const NominateExpert = lazy(() => import('./pages/NominateExpert'));
const ExpertProfile = lazy(() => import('./pages/ExpertProfile'));
const PrioritySnapshots = lazy(() => import('./pages/PrioritySnapshots'));
// The programme manager's matching and import pages (issue 12).
const ExpertMatching = lazy(() => import('./pages/ExpertMatching'));
const ImportNeeds = lazy(() => import('./pages/ImportNeeds'));
const RecordNeed = lazy(() => import('./pages/RecordNeed'));

function clientFor(session: Session) {
  // Subscriptions over SSE with a fetch-based client: EventSource cannot send the bearer token.
  const sse = createSseClient({ url: '/graphql', headers: () => ({ authorization: `Bearer ${session.token}` }) });
  return new Client({
    url: '/graphql',
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: sse.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
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
        {window.location.pathname === '/auth/callback' ? <OidcCallback onSignedIn={setSession} /> : <SignIn onSignedIn={setSession} />}
      </Layout>
    );
  }
  const home = session.role === 'PROGRAMME_MANAGER' ? '/inbox' : session.role === 'EXPERT' ? '/invitations' : session.role === 'DONOR' ? '/funding' : '/projects';
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
            <Route path="/needs/new">{session.role === 'PROGRAMME_MANAGER' ? <RecordNeed /> : <Redirect to={home} />}</Route>
            <Route path="/projects/:id/assessment">{(p) => <OutcomeAssessmentForm projectId={decodeURIComponent(p.id)} />}</Route>
            <Route path="/projects/:id">{(p) => <ProjectPage session={session} projectId={decodeURIComponent(p.id)} />}</Route>
            <Route path="/projects">{session.role === 'PROGRAMME_MANAGER' || session.role === 'CONFERENCE_ADMIN' ? <Portfolio /> : <MyProjects />}</Route>
            <Route path="/requests/new">{session.role === 'STATE_FOCAL_POINT' ? <NewRequest session={session} /> : <Redirect to={home} />}</Route>
            <Route path="/invitations">{session.role === 'EXPERT' ? <Invitations session={session} /> : <Redirect to={home} />}</Route>
            <Route path="/weights">{session.role === 'CONFERENCE_ADMIN' ? <PriorityWeights /> : <Redirect to={home} />}</Route>
            <Route path="/funding">{session.role === 'DONOR' ? <Funding session={session} /> : <Redirect to={home} />}</Route>
            <Route path="/portfolio">{session.role === 'DONOR' ? <DonorPortfolio session={session} /> : <Redirect to={home} />}</Route>
            <Route path="/reports">{['DONOR', 'PROGRAMME_MANAGER', 'CONFERENCE_ADMIN'].includes(session.role) ? <Reports /> : <Redirect to={home} />}</Route>
            <Route path="/state-needs">{session.role === 'STATE_FOCAL_POINT' ? <StateNeeds session={session} /> : <Redirect to={home} />}</Route>
            <Route path="/nominate">{session.role === 'STATE_FOCAL_POINT' ? <NominateExpert session={session} /> : <Redirect to={home} />}</Route>
            <Route path="/profile">{session.role === 'EXPERT' ? <ExpertProfile session={session} /> : <Redirect to={home} />}</Route>
            <Route path="/snapshots">{session.role === 'CONFERENCE_ADMIN' ? <PrioritySnapshots /> : <Redirect to={home} />}</Route>
            <Route path="/needs">
              <NeedsPool session={session} />
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

// Code lists, straight from their one source in domain/code-lists (the database holds a seeded copy).
import {
  FORMS_OF_ASSISTANCE,
  INSTRUMENTS,
  NEED_SOURCES,
  PRIORITY_ACTIVITIES,
  PRIORITY_AREAS,
  REGIONS,
  STATES,
  URGENCIES,
} from '../../domain/code-lists/index.js';
import { builder } from '../builder.js';

interface Code {
  code: string;
  title: string;
}

const CodeRef = builder.objectRef<Code>('Code').implement({
  fields: (t) => ({ code: t.exposeString('code'), title: t.exposeString('title') }),
});

const StateRef = builder.objectRef<(typeof STATES)[number]>('State').implement({
  fields: (t) => ({
    code: t.exposeString('code', { description: 'ISO 3166 alpha-3' }),
    name: t.exposeString('name'),
    aliases: t.stringList({ resolve: (s) => [...s.aliases] }),
    regions: t.stringList({ resolve: (s) => [...s.regions] }),
  }),
});

const CodeListsRef = builder.objectRef<Record<string, never>>('CodeLists').implement({
  fields: (t) => ({
    priorityAreas: t.field({ type: [CodeRef], resolve: () => [...PRIORITY_AREAS] }),
    priorityActivities: t.field({ type: [CodeRef], resolve: () => [...PRIORITY_ACTIVITIES] }),
    instruments: t.field({ type: [CodeRef], resolve: () => [...INSTRUMENTS] }),
    formsOfAssistance: t.field({ type: [CodeRef], resolve: () => [...FORMS_OF_ASSISTANCE] }),
    needSources: t.field({ type: [CodeRef], resolve: () => [...NEED_SOURCES] }),
    urgencies: t.field({ type: [CodeRef], resolve: () => [...URGENCIES] }),
    regions: t.field({ type: [CodeRef], resolve: () => [...REGIONS] }),
    states: t.field({ type: [StateRef], resolve: () => [...STATES] }),
  }),
});

builder.queryFields((t) => ({
  codeLists: t.field({ type: CodeListsRef, resolve: () => ({}) }),
}));

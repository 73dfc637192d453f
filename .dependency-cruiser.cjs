// The import table of ARCHITECTURE.md, enforced in `npm test` (app/architecture.test.ts).
const allowed = {
  core: [],
  nlu: ['core'],
  knowledge: ['core'],
  stores: ['core'],
  crm: ['core'],
  analytics: ['core', 'crm'],
  bot: ['core', 'nlu', 'knowledge', 'crm', 'analytics'],
  widget: ['core', 'bot'],
  admin: ['core', 'bot', 'nlu', 'knowledge', 'crm', 'analytics'],
};
const folders = Object.keys(allowed);

const forbidden = folders.map((from) => ({
  name: `${from}-imports`,
  comment: `${from}/ may import only: ${allowed[from].join(', ') || 'nothing internal'}`,
  severity: 'error',
  from: { path: `^${from}/`, pathNot: '(\\.test\\.tsx?$|/test-support/)' },
  to: {
    path: `^(${[...folders, 'app', 'test'].filter((f) => f !== from && !allowed[from].includes(f)).join('|')})/`,
  },
}));

forbidden.push({
  name: 'widget-client-only-protocol',
  comment: 'the browser widget may import only core/protocol and core/schemas from core',
  severity: 'error',
  from: { path: '^widget/client/' },
  to: { path: '^(core/(?!protocol|schemas)|bot/|stores/|nlu/|knowledge/|crm/|analytics/)' },
});

forbidden.push({
  name: 'only-through-index',
  comment: "other folders' internals are private: import their index.ts",
  severity: 'error',
  from: { path: '^(core|nlu|knowledge|stores|crm|analytics|bot|widget|admin|app)/', pathNot: '(\\.test\\.tsx?$|/test-support/)' },
  to: {
    path: '^(nlu|knowledge|stores|crm|analytics|bot|admin)/(?!index\\.ts$)',
    pathNot: '^$1/',
  },
});

forbidden.push({
  name: 'no-circular',
  severity: 'error',
  from: {},
  to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
});

module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(node_modules|dist|data|models)/' },
  },
};

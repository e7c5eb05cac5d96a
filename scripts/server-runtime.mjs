// Loaded first by the processes that run lib/ outside Next.js: the `glossa` CLI (bin/glossa.mjs),
// `npm start` and the benchmarks. Server-only modules (database, secrets, auth) carry
// `import 'server-only'`, whose package throws unless the importer is a React Server environment;
// these processes are servers too, so the import resolves to an empty module here. Next.js maps
// it itself (empty on the server, a build error in client components), and vitest by an alias.
import { register } from 'node:module';

const hook = `export async function resolve(specifier, context, next) {
  return specifier === 'server-only' ? { url: 'data:text/javascript,', shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);

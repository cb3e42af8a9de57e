// Preloaded into Electronegativity (`node --require`): its HTTP client (got 11) retries a failed request on a
// timer after the promise has already settled, which throws an uncaught error on Node 24. Without retries a
// request on a machine without internet fails once, and Electronegativity's own fallback (bundled texts) applies.
/* eslint-disable @typescript-eslint/no-require-imports -- loaded with `node --require`, before any ES module machinery */
const Module = require('node:module');
const load = Module._load;
Module._load = function loadWithoutRetries(request, parent, isMain) {
  const exported = load.call(this, request, parent, isMain);
  if (request !== 'got') return exported;
  const once = exported.extend({ retry: { limit: 0 } });
  return Object.assign(once, { default: once, __esModule: true });
};

// Expands a JSON-LD document with jsonld.js (the reference JSON-LD processor) and prints the
// expanded form as JSON on stdout. Contexts are served only from local files: every URL that is
// not mapped with --context is refused (exit 3), so nothing is ever fetched from the network.
//
// Usage: node jsonld-expand.mjs [--context URL=FILE]... [--base IRI] [--safe] DOCUMENT.jsonld
//   --safe   jsonld.js safe mode: fail instead of silently dropping undefined terms or bad IRIs
// Exit: 0 expanded, 1 error (message on stderr), 2 usage, 3 a remote document was refused.
// Modules come from tools/node (scripts/install-tools.sh), or from $HANDCAR_NODE_DIR.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const nodeDir = process.env.HANDCAR_NODE_DIR || join(here, '..', '..', 'tools', 'node');
const require = createRequire(join(resolve(nodeDir), 'package.json'));

function usage(message) {
  process.stderr.write(`jsonld-expand: ${message}\n`);
  process.stderr.write(
    'usage: node jsonld-expand.mjs [--context URL=FILE]... [--base IRI] [--safe] DOCUMENT\n');
  process.exit(2);
}

const contexts = new Map();
let base = null;
let safe = false;
let documentPath = null;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--context') {
    const spec = args[++i] ?? usage('--context needs URL=FILE');
    const eq = spec.indexOf('=');
    if (eq <= 0) usage(`bad --context ${spec} (want URL=FILE)`);
    contexts.set(spec.slice(0, eq), resolve(spec.slice(eq + 1)));
  } else if (arg === '--base') {
    base = args[++i] ?? usage('--base needs an IRI');
  } else if (arg === '--safe') {
    safe = true;
  } else if (arg.startsWith('--')) {
    usage(`unknown option ${arg}`);
  } else if (documentPath === null) {
    documentPath = arg;
  } else {
    usage('only one DOCUMENT');
  }
}
if (documentPath === null) usage('missing DOCUMENT');

let jsonld;
try {
  jsonld = require('jsonld');
} catch (err) {
  process.stderr.write(
    `jsonld-expand: cannot load jsonld from ${nodeDir} (run scripts/install-tools.sh): ${err.message}\n`);
  process.exit(1);
}

const refused = [];
async function documentLoader(url) {
  const file = contexts.get(url);
  if (file === undefined) {
    refused.push(url);
    throw new Error(`refused to load ${url}: not in the local context map (no network access)`);
  }
  return { contextUrl: null, documentUrl: url, document: JSON.parse(await readFile(file, 'utf8')) };
}

function describe(err) {
  const parts = [];
  for (let e = err, depth = 0; e && depth < 6; e = e.details?.cause ?? e.cause, depth++) {
    let text = `${e.name ?? 'Error'}: ${e.message}`;
    const event = e.details?.event;
    if (event) text += ` [${event.code}: ${event.message} ${JSON.stringify(event.details ?? {})}]`;
    parts.push(text);
  }
  return parts.join(' <- ');
}

try {
  const doc = JSON.parse(await readFile(documentPath, 'utf8'));
  const options = { documentLoader, safe };
  if (base !== null) options.base = base;
  const expanded = await jsonld.expand(doc, options);
  process.stdout.write(JSON.stringify(expanded, null, 1) + '\n');
} catch (err) {
  process.stderr.write(`jsonld-expand: ${describe(err)}\n`);
  if (refused.length > 0) {
    process.stderr.write(`jsonld-expand: refused remote documents: ${refused.join(' ')}\n`);
    process.exit(3);
  }
  process.exit(1);
}

// Validates RDF data against SHACL shapes with rdf-validate-shacl (an engine independent of pySHACL
// and Jena) and prints a JSON summary on stdout:
//   {"conforms": bool, "results": [{"focusNode", "path", "severity", "sourceConstraintComponent",
//     "sourceShape", "value", "message": [...]}, ...]}
// Files are read with n3 (Turtle, N-Triples, TriG, N-Quads; by extension). owl:imports in the shapes
// are served only from local files given with --import; any other import is refused (exit 3).
//
// Usage: node shacl-validate.mjs [--import URL=FILE]... DATA SHAPES
// Exit: 0 validated (whether or not the data conforms), 1 error, 2 usage, 3 import refused.
// Modules come from tools/node (scripts/install-tools.sh), or from $HANDCAR_NODE_DIR.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const nodeDir = process.env.HANDCAR_NODE_DIR || join(here, '..', '..', 'tools', 'node');
const require = createRequire(join(resolve(nodeDir), 'package.json'));

function usage(message) {
  process.stderr.write(`shacl-validate: ${message}\n`);
  process.stderr.write('usage: node shacl-validate.mjs [--import URL=FILE]... DATA SHAPES\n');
  process.exit(2);
}

const imports = new Map();
const files = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--import') {
    const spec = args[++i] ?? usage('--import needs URL=FILE');
    const eq = spec.indexOf('=');
    if (eq <= 0) usage(`bad --import ${spec} (want URL=FILE)`);
    imports.set(spec.slice(0, eq), resolve(spec.slice(eq + 1)));
  } else if (arg.startsWith('--')) {
    usage(`unknown option ${arg}`);
  } else {
    files.push(arg);
  }
}
if (files.length !== 2) usage('need DATA and SHAPES');

let N3;
let SHACLValidator;
try {
  N3 = require('n3');
  const url = pathToFileURL(require.resolve('rdf-validate-shacl')).href;
  SHACLValidator = (await import(url)).default;
} catch (err) {
  process.stderr.write(
    `shacl-validate: cannot load n3/rdf-validate-shacl from ${nodeDir} ` +
      `(run scripts/install-tools.sh): ${err.message}\n`);
  process.exit(1);
}

const FORMATS = { '.ttl': 'text/turtle', '.nt': 'application/n-triples',
  '.trig': 'application/trig', '.nq': 'application/n-quads' };

async function load(path) {
  const format = FORMATS[extname(path).toLowerCase()];
  if (!format) throw new Error(`${path}: unsupported extension (want ${Object.keys(FORMATS)})`);
  const text = await readFile(path, 'utf8');
  const parser = new N3.Parser({ format, baseIRI: pathToFileURL(resolve(path)).href });
  try {
    return new N3.Store(parser.parse(text));
  } catch (err) {
    throw new Error(`${path}: ${err.message}`);
  }
}

const refused = [];
async function importGraph(url) {
  const key = url.value ?? String(url);
  const file = imports.get(key);
  if (file === undefined) {
    refused.push(key);
    throw new Error(`refused owl:imports <${key}>: not mapped with --import (no network access)`);
  }
  return load(file);
}

const term = (t) => (t ? t.value : null);
try {
  const [dataPath, shapesPath] = files;
  const [data, shapes] = await Promise.all([load(dataPath), load(shapesPath)]);
  const validator = new SHACLValidator(shapes, { importGraph });
  const report = await validator.validate(data);
  const results = report.results.map((r) => ({
    focusNode: term(r.focusNode),
    path: term(r.path),
    severity: term(r.severity),
    sourceConstraintComponent: term(r.sourceConstraintComponent),
    sourceShape: term(r.sourceShape),
    value: term(r.value),
    message: (r.message ?? []).map((m) => m.value),
  }));
  process.stdout.write(JSON.stringify({ conforms: report.conforms, results }, null, 1) + '\n');
} catch (err) {
  process.stderr.write(`shacl-validate: ${err.name ?? 'Error'}: ${err.message}\n`);
  process.exit(refused.length > 0 ? 3 : 1);
}

// Validates many variants of one data graph against SHACL shapes with rdf-validate-shacl.
// Usage: node shacl-batch.mjs SHAPES BASE.nt CASES_DIR [ONLY]   (same arguments and output as
// ShaclBatch.java, except that every case is validated in full: rdf-validate-shacl has no
// per-focus-node validation; ONLY is a file of case names, one a line, to run only those). rdf-validate-shacl implements SHACL Core only and refuses shapes with
// sh:sparql, so give it the Core shapes file. Modules come from $HANDCAR_NODE_DIR (tools/node,
// installed by scripts/install-tools.sh).
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const nodeDir = process.env.HANDCAR_NODE_DIR;
const require = createRequire(join(resolve(nodeDir), 'package.json'));
const N3 = require('n3');
const SHACLValidator = (await import(pathToFileURL(require.resolve('rdf-validate-shacl')).href)).default;

async function parse(path, format) {
  return new N3.Parser({ format }).parse(await readFile(path, 'utf8'));
}

const [shapeFiles, basePath, casesDir, onlyFile] = process.argv.slice(2);
const only = onlyFile
  ? new Set((await readFile(onlyFile, 'utf8')).split('\n').filter((line) => line))
  : null;
const shapes = new N3.Store();
for (const file of shapeFiles.split(delimiter)) {
  shapes.addQuads(await parse(file, 'text/turtle'));
}
const data = new N3.Store(await parse(basePath, 'application/n-triples'));
const validator = new SHACLValidator(shapes);

// rdf-validate-datatype 0.2 checks xsd:gDay against "DD" instead of "---DD" (the XSD lexical
// form), so every well-formed gDay fails sh:datatype: those results are an engine bug, dropped.
const XSD_GDAY = 'http://www.w3.org/2001/XMLSchema#gDay';
const gDayBug = (r) =>
  r.sourceConstraintComponent?.value === 'http://www.w3.org/ns/shacl#DatatypeConstraintComponent' &&
  r.value?.datatype?.value === XSD_GDAY && /^---(0[1-9]|[12][0-9]|3[01])$/.test(r.value.value);

async function report(name) {
  const result = await validator.validate(data);
  const results = result.results.filter((r) => !gDayBug(r));
  const focus = new Set(results.map((r) =>
    r.focusNode.termType === 'BlankNode' ? '_' : r.focusNode.value));
  process.stdout.write(`${name}\t${results.length === 0}\t${[...focus].sort().join(' ')}\n`);
}

await report('base');
const removes = (await readdir(casesDir))
  .filter((n) => n.endsWith('.remove.nt') && (!only || only.has(n.replace('.remove.nt', ''))))
  .sort();
for (const file of removes) {
  const name = file.replace('.remove.nt', '');
  const removed = (await parse(join(casesDir, file), 'application/n-triples'))
    .filter((q) => data.has(q));
  const added = (await parse(join(casesDir, `${name}.add.nt`), 'application/n-triples'))
    .filter((q) => !data.has(q));
  data.removeQuads(removed);
  data.addQuads(added);
  await report(name);
  data.removeQuads(added);
  data.addQuads(removed);
}

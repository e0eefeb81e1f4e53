// Generates the TypeScript types of every service's API from the OpenAPI documents that the services' own tests
// write and keep in ../openapi (one file per service). The UI calls the services only through these types.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const documents = new URL('../../openapi/', import.meta.url).pathname;
const target = new URL('../src/api/generated/', import.meta.url).pathname;

if (!existsSync(documents)) {
  console.error(`portal-ui: no OpenAPI documents in ${documents}; every service's OpenApiDocumentTest writes them`);
  process.exit(1);
}
mkdirSync(target, { recursive: true });
const files = readdirSync(documents).filter((f) => f.endsWith('.json')).sort();
if (files.length === 0) {
  console.error(`portal-ui: ${documents} holds no OpenAPI document`);
  process.exit(1);
}
for (const file of files) {
  const source = join(documents, file);
  const output = join(target, basename(file, '.json') + '.ts');
  if (existsSync(output) && statSync(output).mtimeMs >= statSync(source).mtimeMs) {
    continue;
  }
  const ast = await openapiTS(JSON.parse(readFileSync(source, 'utf8')), { enumValues: false });
  writeFileSync(output, '// Generated from openapi/' + file + ' by scripts/generate-api.mjs. Do not edit.\n' + astToString(ast));
  console.log(`portal-ui: generated src/api/generated/${basename(output)}`);
}

// Writes docs/license-format-vectors.json (the test vectors of docs/license-format.md) from fixed
// inputs and prints them. Run: node --import tsx scripts/make-test-vectors.ts
import { writeFileSync } from 'node:fs';
import { buildTestVectors } from '../packages/core/src/licenses/test-vectors-build.ts';

const vectors = buildTestVectors();
const json = `${JSON.stringify(vectors, null, 2)}\n`;
writeFileSync(new URL('../docs/license-format-vectors.json', import.meta.url), json);
process.stdout.write(json);

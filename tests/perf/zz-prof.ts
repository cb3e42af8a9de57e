import { openBenchDb, benchDir } from './support/local-db';
import { dataset } from './support/dataset';
import { ingestWithEngine } from './bootstrap.bench';
const data = dataset(50_000);
for (let i = 0; i < 3; i++) {
const db = openBenchDb(benchDir('x'));
const s = performance.now();
await ingestWithEngine(db, data);
console.log('ingest', (performance.now() - s).toFixed(0));
db.close();
}

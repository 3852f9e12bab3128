// Lint Cypher query texts as Neo4j 5 Cypher with Neo4j's own language support library.
//
// Input (stdin, JSON):
//   {"schema": {"labels": [...], "relationshipTypes": [...], "propertyKeys": [...]},
//    "queries": [{"name": "...", "text": "...", "params": ["a", "b"]}]}
// Output (stdout, JSON): [{"name": "...", "diagnostics": [{"severity": "error"|"warning", "message", "line", "column"}]}]
//
// Every parameter a query uses must be declared in its "params" list, and every label, relationship type and
// property key must come from the schema: anything else is reported as a diagnostic.
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function readStdin() {
  return new Promise((resolve, reject) => {
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => { data += chunk; });
    process.stdin.on('end', () => resolve(data));
    process.stdin.on('error', reject);
  });
}

const input = JSON.parse(await readStdin());
const results = input.queries.map((query) => {
  const dbSchema = {
    labels: input.schema.labels,
    relationshipTypes: input.schema.relationshipTypes,
    propertyKeys: input.schema.propertyKeys,
    parameters: Object.fromEntries((query.params || []).map((p) => [p, null])),
  };
  const { diagnostics } = lintCypherQuery(query.text, dbSchema, { consoleCommandsEnabled: false });
  return {
    name: query.name,
    diagnostics: diagnostics.map((d) => ({
      severity: SEVERITY[d.severity] || String(d.severity),
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    })),
  };
});
process.stdout.write(JSON.stringify(results));

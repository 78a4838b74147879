/**
 * The federation's mirror rows for the views tests (federation-views.test.ts): plain SQL inserts as the importer
 * writes them. The writers live with the development tools (src/main/tools/federation-mirror-rows.ts) because the
 * demo seed and the E2E spec fill a web host's database with the same rows.
 */
export * from '../../../src/main/tools/federation-mirror-rows';

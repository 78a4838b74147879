// The project pins Node 22 (docs/architecture.md §8): better-sqlite3-multiple-ciphers 13 needs it.
// Fail loudly instead of letting a test run on the machine's older Node.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  throw new Error(
    `Tests must run under Node >= 22 (found ${process.version}). Run them through npm scripts, which put the pinned Node first on the PATH.`,
  );
}

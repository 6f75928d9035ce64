// npm scripts must run on Node >= 22: better-sqlite3 13 crashes on Node 20. The `node`
// devDependency puts Node 22 first on the npm-script PATH; this check says so plainly if not.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`RadLedger needs Node >= 22.12 for its scripts; this is ${process.version}. Run 'npm ci' so the bundled Node 22 is used.`);
  process.exit(1);
}

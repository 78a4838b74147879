import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// A fresh clone stays clean after `npm install`, and what npm prints does not alarm a newcomer (docs/architecture.md §8).

interface LockEntry {
  name?: string;
  hasInstallScript?: boolean;
  engines?: Record<string, string>;
}
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: Record<string, string>; allowScripts: Record<string, boolean> };
const npmrc = Object.fromEntries(
  readFileSync('.npmrc', 'utf8')
    .split('\n')
    .filter((line) => /^\w[\w-]*=/.test(line))
    .map((line) => line.split('=', 2) as [string, string]),
);

describe('npm setup', () => {
  it('writes the lockfile the same way on every machine: no registry URLs, by the project setting', () => {
    expect(npmrc['omit-lockfile-registry-resolved']).toBe('true');
    const withUrl = Object.entries(lock.packages).filter(([, entry]) => 'resolved' in entry);
    expect(withUrl.map(([path]) => path)).toEqual([]);
  });

  it('keeps the root engines of the lockfile equal to package.json (npm would rewrite the root entry)', () => {
    expect(lock.packages['']!.engines).toEqual(pkg.engines);
  });

  it('has a decision for every install script, so npm does not list them as unreviewed', () => {
    const withScript = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.hasInstallScript)
      .map(([path, entry]) => entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScript.filter((name) => !(name in pkg.allowScripts))).toEqual([]);
  });

  it('hides the engine warnings that compare packages with the Node running npm instead of the pinned one', () => {
    expect(npmrc.loglevel).toBe('error');
    expect(npmrc.fund).toBe('false');
  });
});

/**
 * repositories and sources: the setup script the ConfigMap holds, run against a fake `rspm`
 * (test/fixtures/fake-rspm) that keeps its state in a directory and behaves as Posit's CLI reference documents the
 * commands: first run on an empty server, second run (nothing changes), and after a change of the props (only
 * the new items are created). No sleeps: the script's waits are set to 0 through its environment.
 * (Run by `npm run test:slow`: each run of the script starts some hundred processes.)
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CHART_VERSIONS, render, type PackageManagerProps } from '../../src';
import { DECLARED, repositoriesConfigMap } from '../helpers/repositories';
import { synthValues, type Obj } from '../helpers/synth';

const FAKE = join(__dirname, '..', 'fixtures', 'fake-rspm');

const FIRST_RUN = [
  'create source internal',
  'create repo cran',
  'subscribe cran cran',
  'create repo pypi',
  'subscribe pypi pypi',
  'create repo all',
  'subscribe all internal',
  'subscribe all cran',
];

let state: string;
beforeEach(() => {
  state = mkdtempSync(join(tmpdir(), 'fake-rspm-'));
});
afterEach(() => rmSync(state, { recursive: true, force: true }));

/** Runs the script of these objects once against the fake server. */
function run(objects: readonly Obj[], env: Record<string, string> = {}) {
  const script = join(state, 'setup.sh');
  writeFileSync(script, repositoriesConfigMap(objects).data['setup.sh']);
  const result = spawnSync('/bin/sh', [script], {
    encoding: 'utf8',
    cwd: state,
    timeout: 20_000,
    env: {
      PATH: `${FAKE}:${process.env.PATH}`,
      FAKE_RSPM_STATE: state,
      PPM_SETUP_ONCE: '1',
      PPM_SETUP_WAIT_SECONDS: '0',
      PPM_SETUP_RETRY_SECONDS: '0',
      // A broken fake must fail the test, not hang it.
      PPM_SETUP_WAIT_TRIES: '20',
      ...env,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
/** The fake server's state (its directory, as one object). */
function server() {
  const read = (...p: string[]) => readFileSync(join(state, ...p), 'utf8');
  const maybe = (...p: string[]) => (existsSync(join(state, ...p)) ? read(...p).trim() : undefined);
  const lines = (text: string) => text.split('\n').filter((l) => l !== '');
  const names = (dir: string) => readdirSync(join(state, dir)).sort();
  return {
    changes: lines(read('changes')),
    sources: Object.fromEntries(
      names('sources').map((n) => [
        n,
        JSON.parse(
          JSON.stringify({
            type: read('sources', n, 'type').trim(),
            snapshot: maybe('sources', n, 'snapshot'),
            include: maybe('sources', n, 'include'),
          }),
        ),
      ]),
    ),
    repos: Object.fromEntries(
      names('repos').map((n) => [
        n,
        {
          type: read('repos', n, 'type').trim(),
          description: read('repos', n, 'description'),
          authenticated: read('repos', n, 'authenticated').trim() === 'true',
          sources: lines(read('repos', n, 'sources')),
        },
      ]),
    ),
  };
}

describe('repositories and sources, applied by rspm', () => {
  it.each(CHART_VERSIONS)('first run creates and subscribes everything in order, second run changes nothing (chart %s)', (chartVersion) => {
    const objects = render({ ...DECLARED, chartVersion });
    const first = run(objects);
    expect(first).toMatchObject({ status: 0 });
    expect(first.stdout).toContain('repository-setup: done (sources: 1, repositories: 3)');
    expect(server().changes).toEqual(FIRST_RUN);
    expect(server().repos.all).toEqual({
      type: 'r',
      description: "Internal packages first, then CRAN's",
      authenticated: false,
      sources: ['internal', 'cran'],
    });
    expect(server().repos.pypi.type).toBe('python');

    const second = run(objects);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('source internal exists');
    expect(server().changes).toEqual(FIRST_RUN);
  });

  it('after a change of the props, creates only the new items', () => {
    run(render(DECLARED));
    const changed: PackageManagerProps = {
      sources: [...DECLARED.sources!, { name: 'snap', type: 'curated-cran', snapshot: '2025-01-15', include: ['depends', 'imports'] }],
      repositories: [
        ...DECLARED.repositories!.map((r) => (r.name === 'pypi' ? { ...r, sources: ['pypi'] } : r)),
        { name: 'validated', authenticated: true, sources: ['snap'] },
        { name: 'bioc', type: 'bioconductor' },
      ],
    };
    expect(run(render(changed)).status).toBe(0);
    expect(server().changes).toEqual([
      ...FIRST_RUN,
      'create source snap',
      'create repo validated',
      'subscribe validated snap',
      'create repo bioc',
    ]);
    expect(server().sources.snap).toEqual({ type: 'curated-cran', snapshot: '2025-01-15', include: 'depends,imports' });
    expect(server().repos.validated.authenticated).toBe(true);
    // Removing a repository from the props never deletes it.
    expect(run(render({ repositories: [{ name: 'cran', sources: ['cran'] }] })).status).toBe(0);
    expect(Object.keys(server().repos).sort()).toEqual(['all', 'bioc', 'cran', 'pypi', 'validated']);
  });

  it('waits for the server, and gives up only when told to', () => {
    writeFileSync(join(state, 'down'), '3');
    const waited = run(render(DECLARED));
    expect(waited.status).toBe(0);
    expect(server().changes).toEqual(FIRST_RUN);
    writeFileSync(join(state, 'down'), '100');
    const gaveUp = run(render(DECLARED), { PPM_SETUP_WAIT_TRIES: '2' });
    expect(gaveUp.status).toBe(1);
    expect(gaveUp.stderr).toContain('Package Manager did not answer after 2 checks');
  });

  it('reports a failed command and retries the whole run (once: exits 1), then completes', () => {
    writeFileSync(join(state, 'fail'), 'subscribe --repo=all --source=internal');
    const failed = run(render(DECLARED));
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('error: injected failure');
    expect(failed.stderr).toContain('a command failed (above); retrying in 0s. The server is not affected.');
    expect(server().changes).toEqual(FIRST_RUN.slice(0, 5).concat('create repo all'));
    rmSync(join(state, 'fail'));
    expect(run(render(DECLARED)).status).toBe(0);
    expect(server().changes).toEqual(FIRST_RUN);
  });

  it('quotes every value for the shell: a description is text, never a command', () => {
    const description = `it's "$(touch pwned)" and \`touch pwned\` $HOME`;
    expect(run(render({ repositories: [{ name: 'x', description }] })).status).toBe(0);
    expect(server().repos.x.description).toBe(description);
    expect(existsSync(join(state, 'pwned'))).toBe(false);
  });

  it.each(CHART_VERSIONS)('reads the same keys from a values file (chart %s)', (chartVersion) => {
    const { objects } = synthValues(
      { sources: [{ name: 'internal', type: 'local' }], repositories: [{ name: 'all', sources: ['internal', 'cran'] }] },
      'ppm',
      'posit',
      chartVersion,
    );
    expect(run(objects).status).toBe(0);
    expect(server().changes).toEqual(['create source internal', 'create repo all', 'subscribe all internal', 'subscribe all cran']);
  });
});

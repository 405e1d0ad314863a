/** Warnings: ids, recorded on the node, acknowledged per instance or per scope, printed once per app by reportWarnings only. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { App, Chart } from 'cdk8s';
import type { PackageManagerProps } from '../src';
import { acknowledgeWarning, collectWarnings, PackageManager, PackageManagerValidationError, reportWarnings, WARNINGS } from '../src';
import { render } from '../src';
import { formatWarning } from '../src/warnings';
import { synthProps, withoutNoLicense } from './helpers/synth';

const ids = (pm: PackageManager) => withoutNoLicense(pm.warnings).map((w) => w.id);

describe('warnings', () => {
  it('have a stable id, a path and a message, and are recorded as ppm:warning metadata', () => {
    const { pm } = synthProps({});
    expect(withoutNoLicense(pm.warnings)).toEqual([
      { id: 'ppm:sandboxing', path: 'enableSandboxing', message: expect.stringMatching(/Pod Security/) },
    ]);
    expect(pm.node.metadata.filter((m) => m.type === 'ppm:warning').map((m) => m.data)).toEqual(pm.warnings);
    for (const id of Object.keys(WARNINGS)) expect(id).toMatch(/^ppm:[a-z-]+$/);
  });

  it('an explicit enableSandboxing: true counts as acknowledged; the default configuration is silenced by an id', () => {
    expect(ids(synthProps({ enableSandboxing: true }).pm)).toEqual([]);
    expect(ids(synthProps({ acknowledgeWarnings: ['ppm:sandboxing'] }).pm)).toEqual([]);
    expect(ids(synthProps({ enableSandboxing: false }).pm)).toEqual([]);
  });

  it('acknowledged per instance, others stay', () => {
    const { pm } = synthProps({ pod: { serviceAccountName: 'old' }, acknowledgeWarnings: ['ppm:deprecated-value'] });
    expect(ids(pm)).toEqual(['ppm:sandboxing']);
  });

  it('render() returns the warnings the construct records for the same props, the inline-secret ones included', () => {
    const cases: PackageManagerProps[] = [
      {},
      { license: { key: 'inline-key' }, rstudioPMKey: 'k' },
      { license: { key: 'inline-key' }, acknowledgeWarnings: ['ppm:inline-secret-prop'] },
      { config: { Postgres: { Password: 'p' } }, pod: { serviceAccountName: 'old' }, enableSandboxing: true },
    ];
    for (const props of cases) {
      const rendered = render(props, { releaseName: 'my-release' });
      expect(rendered.warnings).toEqual(synthProps(props).pm.warnings);
      // The warnings ride along without changing the list of manifests.
      expect(Object.keys(rendered)).toEqual(rendered.map((_, i) => String(i)));
    }
    expect(render({ license: { key: 'inline-key' } }).warnings.map((w) => w.id)).toContain('ppm:inline-secret-prop');
  });

  it('are printed one way everywhere: WARNING [id] path: message, after where it was found', () => {
    const w = { id: 'ppm:sandboxing', path: 'enableSandboxing', message: 'is true' } as const;
    expect(formatWarning(w)).toBe('WARNING [ppm:sandboxing] enableSandboxing: is true');
    expect(formatWarning(w, 'app/pm')).toBe('WARNING app/pm: [ppm:sandboxing] enableSandboxing: is true');
    expect(formatWarning({ ...w, path: '' })).toBe('WARNING [ppm:sandboxing] is true');
  });

  it('an unknown id to acknowledge is an error naming the known ones', () => {
    expect(() => synthProps({ acknowledgeWarnings: ['ppm:sandboxin' as never] })).toThrow(PackageManagerValidationError);
    expect(() => synthProps({ acknowledgeWarnings: ['ppm:sandboxin' as never] })).toThrow(
      /acknowledgeWarnings\[0\]: unknown warning id "ppm:sandboxin"; known ids: ppm:sandboxing/,
    );
    expect(() => acknowledgeWarning(new App(), 'nope' as never)).toThrow(/unknown warning id "nope"/);
  });

  it('reportWarnings prints each distinct warning once per app, naming how many instances have it', () => {
    const app = new App();
    const chart = new Chart(app, 'many');
    for (let i = 0; i < 5; i++) new PackageManager(chart, `team-${i}`);
    const lines: string[] = [];
    reportWarnings(app, (l) => lines.push(l));
    expect(lines.filter((l) => !l.includes('[ppm:no-license]'))).toEqual([
      expect.stringMatching(
        /^\[cdk8s-posit-package-manager\] WARNING many\/team-0 and 4 more: \[ppm:sandboxing\] enableSandboxing: is true/,
      ),
    ]);
  });

  it('acknowledgeWarning on a scope silences it for every instance inside, also after they were created', () => {
    const app = new App();
    const a = new Chart(app, 'a');
    const b = new Chart(app, 'b');
    new PackageManager(a, 'ppm');
    new PackageManager(b, 'ppm', { pod: { serviceAccountName: 'old' } });
    acknowledgeWarning(app, 'ppm:sandboxing');
    expect(withoutNoLicense(collectWarnings(app)).map((w) => [w.constructPath, w.id])).toEqual([['b/ppm', 'ppm:deprecated-value']]);
    acknowledgeWarning(b, 'ppm:deprecated-value');
    expect(withoutNoLicense(collectWarnings(app))).toEqual([]);
  });

  it('fromValues records the values file warnings, acknowledgeable the same way', () => {
    const chart = new Chart(new App(), 'c');
    const pm = PackageManager.fromValues(chart, 'r', { storageClaim: 'x' }, { acknowledgeWarnings: ['ppm:sandboxing'] });
    expect(ids(pm)).toEqual(['ppm:stale-value']);
    const quiet = PackageManager.fromValues(
      chart,
      'q',
      { storageClaim: 'x' },
      { acknowledgeWarnings: ['ppm:sandboxing', 'ppm:stale-value'] },
    );
    expect(ids(quiet)).toEqual([]);
  });
});

describe('two instances', () => {
  it('that render the same object are a synth-time error naming both construct paths', () => {
    const app = new App({ outdir: '/tmp/ppm-collision-test' });
    new PackageManager(new Chart(app, 'a', { namespace: 'posit' }), 'ppm');
    new PackageManager(new Chart(app, 'b', { namespace: 'posit' }), 'ppm');
    expect(() => app.synth()).toThrow(
      /PackageManager a\/ppm and PackageManager b\/ppm both render ConfigMap "ppm-rstudio-pm-config" in namespace "posit"/,
    );
  });

  it('in different namespaces or with different names are fine', () => {
    const app = new App({ outdir: '/tmp/ppm-collision-test' });
    new PackageManager(new Chart(app, 'a', { namespace: 'team-a' }), 'ppm');
    new PackageManager(new Chart(app, 'b', { namespace: 'team-b' }), 'ppm');
    new PackageManager(new Chart(app, 'c', { namespace: 'team-a' }), 'other');
    expect(() => app.synthYaml()).not.toThrow();
  });
});

it('the README lists every warning id', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  expect(Object.keys(WARNINGS).filter((id) => !readme.includes(`| \`${id}\` |`))).toEqual([]);
});

/**
 * The chart's own helm-unittest suites at 0.20.4 (`tests/pvc_test.yaml`,
 * `tests/deprecated_keys_test.yaml`), as tests of ours. helm-unittest's
 * release `RELEASE-NAME` is not a name Helm accepts for a real release, so
 * `my-release` stands in; `helm.sh/chart` and `managed-by: Helm` are Helm's
 * labels, which we do not set (see the parity rules).
 */
import type { PackageManagerProps } from '../src';
import { find, synthProps, synthValues } from './helpers/synth';
import { issuesOf } from './helpers/issues';

describe('pvc_test.yaml: standard labels on the shared storage PVC', () => {
  it.each([
    ['0.20.4', '2026.08.0'],
    ['0.5.29', '2024.04.4'],
  ] as const)('chart %s labels the claim with name, instance and version %s', (chartVersion, appVersion) => {
    const { objects } = synthValues({ sharedStorage: { create: true } }, 'my-release', 'posit', chartVersion);
    const labels = find(objects, 'PersistentVolumeClaim').metadata.labels;
    expect(labels).toMatchObject({
      'app.kubernetes.io/name': 'rstudio-pm',
      'app.kubernetes.io/instance': 'my-release',
      'app.kubernetes.io/version': appVersion,
    });
  });

  it('follows nameOverride', () => {
    const { objects } = synthValues({ sharedStorage: { create: true }, nameOverride: 'ppm' }, 'my-release', 'posit', '0.20.4');
    expect(find(objects, 'PersistentVolumeClaim').metadata.labels['app.kubernetes.io/name']).toBe('ppm');
  });
});

describe('deprecated_keys_test.yaml: image.tagPrefix fails with chart 0.20.4', () => {
  const because = /removed in chart 0\.20 .*"<version>-<os>".*image\.os/;

  it('refuses it in a values file, naming image.os and the new tag form', () => {
    const issues = issuesOf(() => synthValues({ image: { tagPrefix: 'ubuntu2204-' } }, 'my-release', 'posit', '0.20.4'));
    expect(issues).toEqual([{ path: 'image.tagPrefix', message: expect.stringMatching(because) }]);
  });

  it('refuses it in typed props, even with image.tag set', () => {
    const props: PackageManagerProps = { chartVersion: '0.20.4', image: { tagPrefix: 'x', tag: '2026.08.0-ubuntu-22.04' } };
    expect(issuesOf(() => synthProps(props)).map((i) => i.path)).toEqual(['image.tagPrefix']);
  });

  it.each([[''], [null], [false]])('accepts tagPrefix %j, which the chart reads as unset', (tagPrefix) => {
    const { objects } = synthValues({ image: { tagPrefix } }, 'my-release', 'posit', '0.20.4');
    expect(find(objects, 'Deployment').spec.template.spec.containers[0].image).toBe('posit/package-manager:2026.08.0-ubuntu-24.04');
  });

  it('is still the prefix of the tag with chart 0.5.29', () => {
    const { objects } = synthValues({ image: { tagPrefix: 'jammy-' } }, 'my-release', 'posit', '0.5.29');
    expect(find(objects, 'Deployment').spec.template.spec.containers[0].image).toBe('rstudio/rstudio-package-manager:jammy-2024.04.4');
  });

  it('image.os with chart 0.5.29 points at chartVersion', () => {
    const issues = issuesOf(() => synthValues({ image: { os: 'ubuntu-22.04' } }, 'my-release', 'posit', '0.5.29'));
    expect(issues).toEqual([{ path: 'image.os', message: expect.stringMatching(/chart 0\.5\.29.*chartVersion: "0\.20\.4"/) }]);
  });
});

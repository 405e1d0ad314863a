/** Every reason a refusal is classified by is written where it says, in the words it quotes. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { explain, REFUSAL_REASONS } from './refusal-reasons';

const flat = (s: string) => s.replace(/\s+/g, ' ');
const doc = (file: string) => flat(readFileSync(join(__dirname, '..', '..', file), 'utf8'));

test.each(REFUSAL_REASONS.map((r) => [r.id, r] as const))('%s is stated in its doc', (_, r) => {
  expect(doc(r.doc)).toContain(flat(r.says));
});

test('explain matches the lines of the messages it names, and nothing else', () => {
  expect(explain('  - service.clusterIP: must be a string; got 12345')?.id).toBe('kubernetes-type');
  expect(explain('  - versionOverride: must be a string; got 12345')?.id).toBe('image-tag-printf');
  expect(explain('  - pod.annotations: is false, but the chart ranges over it without testing it (Helm fails)')?.id).toBe('ranged-scalar');
  expect(explain('  - pod.port: is removed (null), which would render a container port without a number')?.id).toBe('removed-default');
  expect(explain("  - image.imagePullPolicy: must be 'Always' | 'IfNotPresent' | 'Never'; got 1.5")?.id).toBe('kubernetes-enum');
  expect(explain('  - config.CRAN.SyncSchedule: must be a cron schedule of 5 fields')?.id).toBe('gcfg-typed-key');
  expect(explain('  - readinessProbe.httpGet.port: is 0, but nothing in the pod listens on it (…)')?.id).toBe('probe-port');
  expect(explain('  - license.file: set either license.file.contents (…) or license.file.secret (…), not both')?.id).toBe(
    'license-file-both',
  );
  expect(explain('  - something: is refused for no reason the docs give')).toBeUndefined();
});

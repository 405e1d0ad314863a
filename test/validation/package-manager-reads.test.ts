/** Issue 19 item 1: what Package Manager itself refuses (Go's net.Listen and ParseDuration, its cron scheduler, probe ports). */
import { cronNeverFires, parseCron, type CronSchedule } from '../../src/config/cron';
import { goListenProblem, parseGoDuration } from '../../src/config/go-formats';
import { issuesOf } from '../helpers/issues';
import { synthProps } from '../helpers/synth';

describe('listen addresses as net.Listen reads them', () => {
  it.each([':4242', '0.0.0.0:5000', 'localhost:4242', '[::1]:4242', '[::]:443'])('%s is taken', (a) => {
    expect(goListenProblem(a)).toBeUndefined();
  });
  it('"4242" (no colon) is an error with the fix, on HTTP and HTTPS; a bare Metrics port stays (Posit writes 2112)', () => {
    expect(issuesOf(() => synthProps({ config: { HTTP: { Listen: '4242' } } }))).toEqual([
      { path: 'config.HTTP.Listen', message: expect.stringMatching(/missing port in address.*write ":4242"/), value: 'shown' },
    ]);
    const https = { HTTPS: { Listen: '443', Certificate: '/c.pem', Key: '/k.pem' } };
    expect(issuesOf(() => synthProps({ config: https })).map((i) => i.path)).toEqual(['config.HTTPS.Listen']);
    expect(() => synthProps({ config: { Metrics: { Listen: '2113' } } })).not.toThrow();
  });
  it('spaces and an unbracketed IPv6 host are refused', () => {
    expect(goListenProblem(' :4242')).toMatch(/spaces/);
    expect(goListenProblem('[::1:4242')).toMatch(/brackets/);
  });
});

describe('cron schedules as the scheduler reads them', () => {
  const ok = (s: string) => {
    const p = parseCron(s);
    if (typeof p === 'string') throw new Error(`${s}: ${p}`);
    return p;
  };
  it.each(['0 0 * * *', '*/15 * * * *', '0 */2 * * *', '0 0 * * 0', '0 0 1 * *', '5-10/2 1,2 ? JAN-mar sun-SAT', '@daily', '@WEEKLY'])(
    '%s is taken',
    (s) => expect(ok(s)).toBeDefined(),
  );
  it.each([
    ['61 25 * * *', /61 is not a minute \(0-59\)/],
    ['0 25 * * *', /25 is not a hour/],
    ['every day at two am', /"every" is not a minute/],
    ['0 0 * *', /has 4 fields/],
    ['0 0 0 * *', /0 is not a day of the month \(1-31\)/],
    ['0 0 * * 7', /7 is not a weekday \(0-6, 0 = Sunday\)/],
    ['*/0 * * * *', /step/],
    ['10-5 * * * *', /backwards/],
    ['@fortnightly', /not a cron shortcut/],
    ['', /has 0 fields/],
  ])('%s is refused', (s, why) => expect(parseCron(s)).toMatch(why));
  it('a schedule that never fires is a warning; with a weekday too it fires', () => {
    expect(cronNeverFires(ok('0 0 31 2 *'))).toBe(true);
    expect(cronNeverFires(ok('0 0 31 4,6,9,11 *'))).toBe(true);
    expect(cronNeverFires(ok('0 0 29 2 *'))).toBe(false);
    expect(cronNeverFires(ok('0 0 31 2 1'))).toBe(false);
    expect(cronNeverFires(ok('@yearly') as CronSchedule)).toBe(false);
    const { pm } = synthProps({ config: { CRAN: { SyncSchedule: '0 0 30 2 *' } } });
    expect(pm.warnings.map((w) => [w.id, w.path])).toContainEqual(['ppm:schedule-never-fires', 'config.CRAN.SyncSchedule']);
  });
  it('in props: an error naming the path and the value', () => {
    expect(issuesOf(() => synthProps({ config: { PyPI: { SyncSchedule: '61 25 * * *' } } }))).toEqual([
      {
        path: 'config.PyPI.SyncSchedule',
        message: expect.stringMatching(/61 is not a minute.*"61 25 \* \* \*"|"61 25 \* \* \*".*61 is not a minute/),
        value: 'shown',
      },
    ]);
  });
  it('a 1 MiB schedule is refused by its length, before it is split', () => {
    expect(parseCron(`${'1,'.repeat(512 * 1024)}1 * * * *`)).toMatch(
      /^is 1048585 characters long, more than a cron schedule needs \(1024\)/,
    );
    expect(typeof parseCron(`${Array.from({ length: 60 }, (_, i) => i).join(',')} * * * *`)).toBe('object');
  });
});

describe('durations as time.ParseDuration reads them', () => {
  it.each([
    ['5m', 300e9],
    ['1h30m', 5400e9],
    ['500ms', 5e8],
    ['1.5s', 1.5e9],
    ['.5s', 5e8],
    ['0', 0],
    ['-1s', -1e9],
  ])('%s', (s, ns) => expect(parseGoDuration(s)).toBe(ns));
  it.each(['5', '5 m', '5d', 's', '.s', ''])('%j is refused', (s) => expect(typeof parseGoDuration(s)).toBe('string'));
  it('overflow and negative PollInterval are errors', () => {
    expect(parseGoDuration('3000000h')).toMatch(/292 years/);
    expect(issuesOf(() => synthProps({ config: { Git: { PollInterval: '9999999999h' } } })).map((i) => i.path)).toEqual([
      'config.Git.PollInterval',
    ]);
  });
});

describe('probe ports', () => {
  it('a named port the container does not have is an error', () => {
    expect(issuesOf(() => synthProps({ readinessProbe: { httpGet: { path: '/__ping__', port: 'web' } } }))).toEqual([
      {
        path: 'readinessProbe.httpGet.port',
        message: expect.stringMatching(/"web", which is not a port of the Package Manager container/),
      },
    ]);
  });
  it('a port nothing in the pod listens on is an error; the metrics port and a sidecar port are fine', () => {
    expect(issuesOf(() => synthProps({ livenessProbe: { enabled: true, tcpSocket: { port: 9999 } } }))).toEqual([
      {
        path: 'livenessProbe.tcpSocket.port',
        message: expect.stringMatching(/is 9999, but nothing in the pod listens on it \(Package Manager listens on 2112, 4242\)/),
      },
    ]);
    expect(() => synthProps({ livenessProbe: { enabled: true, tcpSocket: { port: 2112 } } })).not.toThrow();
    const sidecar = { name: 'proxy', image: 'envoy:1', ports: [{ containerPort: 9901 }] };
    expect(() => synthProps({ extraContainers: [sidecar], livenessProbe: { enabled: true, tcpSocket: { port: 9901 } } })).not.toThrow();
  });
});

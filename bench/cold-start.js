'use strict';
/**
 * Cold start: one instance as a fresh process, side by side.
 *
 *   node bench/cold-start.js                              # 15 interleaved rounds
 *   node bench/cold-start.js --runs 30
 *   node bench/cold-start.js --helm-chart DIR [--helm BIN] # + `helm template` of the same values
 *   node bench/cold-start.js --lib DIR                     # another build (DIR holds cli/cdk8s-ppm.js or cli/main.js)
 *
 * Each round runs, in an order rotated from round to round:
 *   node -e 0                                           the floor of any Node.js command
 *   node lib/cli/cdk8s-ppm.js template team-0 -n ppm-0 -f V.yaml
 *                                                       `cdk8s-ppm template` of the built lib, as it is (its code
 *                                                       cache in a temporary XDG_CACHE_HOME, written by the warm-up)
 *   helm template team-0 DIR -n ppm-0 -f V.yaml         with --helm-chart (skipped when helm or DIR is missing)
 * for three values files V (block YAML): bench/fixture.js fullProps(0) as chart values (9 objects), and the same with every
 * secret inline (bench/secrets.js: four Secrets created), generated ones and guessable ones (whose checksums pay
 * scrypt). Measured per process:
 * wall time (spawn to exit, by the parent) and CPU time (user + system: for node processes reported
 * by the process itself at exit, in microseconds; for helm from the kernel's accounting of children,
 * in clock ticks of 10 ms). Printed: medians, and the CLI's excess over `node -e 0` and its ratio to helm.
 * Then, in one extra process, where the CLI's time goes (require of cdk8s, of the library, render,
 * writing), for information.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { median } = require('./harness');

const ROOT = path.join(__dirname, '..');

/** Preloaded into the node processes: reports their own CPU time on fd 3 at exit. */
const REPORT_CPU = `process.on('exit', () => { const c = process.cpuUsage(); require('fs').writeSync(3, JSON.stringify((c.user + c.system) / 1000)); });`;

function childrenCpuMs() {
  // /proc/self/stat: fields 16 and 17 (cutime, cstime) in clock ticks, after the command name in parentheses.
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function which(bin) {
  if (bin.includes('/')) return fs.existsSync(bin) ? bin : undefined;
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const p = path.join(dir, bin);
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

/** Runs one command; returns { wall, cpu } in ms. */
function runOnce(cmd, args, { nodeCpu, check, env }) {
  const cpu0 = childrenCpuMs();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'], maxBuffer: 1 << 26, env });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}:\n${r.stderr}`);
  if (check && !check(r.stdout)) throw new Error(`${cmd} ${args.join(' ')}: unexpected output`);
  const cpu = nodeCpu ? Number(r.output[3]) : childrenCpuMs() - cpu0;
  return { wall, cpu };
}

/** The values files of the cold start: a realistic one, and the same with every secret inline (bench/secrets.js). */
const VALUES_FILES = [
  { name: 'values', props: (fullProps) => fullProps(0) },
  { name: 'generated secrets inline', props: (fullProps, propsOf) => propsOf('inline', 0, fullProps) },
  { name: 'guessable secrets inline', props: (fullProps, propsOf) => propsOf('weak', 0, fullProps) },
];

function breakdown(libDir) {
  const script = `
const h = () => process.hrtime.bigint(), ms = (a, b) => Number(b - a) / 1e6;
const t0 = h(); require('cdk8s'); const t1 = h();
const lib = require(${JSON.stringify(libDir)}); const t2 = h();
const { toYamlDocuments } = require(${JSON.stringify(path.join(libDir, 'yaml', 'emit.js'))}); const t3 = h();
const { fullProps } = require(${JSON.stringify(path.join(__dirname, 'fixture.js'))});
const manifests = lib.render(fullProps(0)); const t4 = h();
const text = toYamlDocuments(manifests); const t5 = h();
if (!text.includes('kind: Deployment')) throw new Error('no Deployment');
process.stdout.write(JSON.stringify({ cdk8s: ms(t0, t1), lib: ms(t1, t2), emit: ms(t2, t3), render: ms(t3, t4), write: ms(t4, t5),
  zod: Object.keys(require.cache).some((k) => k.includes('node_modules/zod/')),
  definitions: Object.keys(require.cache).some((k) => k.endsWith('definitions.json')) }));`;
  const runs = [];
  for (let i = 0; i < 7; i++) {
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`breakdown run failed:\n${r.stderr}`);
    runs.push(JSON.parse(r.stdout));
  }
  return runs;
}

function measure({ runs = 15, libDir = path.join(ROOT, 'lib'), helmChart, helmBin = 'helm' } = {}) {
  // The package's bin: the bundled command line (scripts/bundle-cli.js), or an older build's unbundled entry.
  const cli = [path.join(libDir, 'cli', 'cdk8s-ppm.js'), path.join(libDir, 'cli', 'main.js')].find((f) => fs.existsSync(f));
  if (!cli) throw new Error(`${libDir}/cli/cdk8s-ppm.js is missing: build first (npm run build)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ppm-bench-'));
  const { fullProps } = require('./fixture');
  const { propsOf } = require('./secrets');
  const { releaseName, namespace } = fullProps(0);
  const valuesFiles = VALUES_FILES.map(({ name, props }) => {
    const file = path.join(tmp, `${name.replace(/\W+/g, '-')}.yaml`);
    const { releaseName: _r, namespace: _n, ...chartValues } = props(fullProps, propsOf);
    // Block YAML, as people write values files (the `yaml` package is a dependency of the library).
    fs.writeFileSync(file, require('yaml').stringify(chartValues));
    return { name, file };
  });
  const preload = path.join(tmp, 'report-cpu.js');
  fs.writeFileSync(preload, REPORT_CPU);
  const env = { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'xdg') };

  const hasDeployment = (out) => out.includes('kind: Deployment');
  const commands = [{ name: 'node -e 0', cmd: process.execPath, args: ['-r', preload, '-e', '0'], nodeCpu: true, env }];
  const notes = [];
  const helm = helmChart ? which(helmBin) : undefined;
  if (helmChart && !helm) notes.push(`helm template: skipped (no ${helmBin} on PATH; pass --helm BIN)`);
  const withHelm = helm !== undefined && fs.existsSync(path.join(helmChart, 'Chart.yaml'));
  if (helm && !withHelm) notes.push(`helm template: skipped (no Chart.yaml in ${helmChart})`);
  for (const v of valuesFiles) {
    commands.push({
      name: `cdk8s-ppm template: ${v.name}`,
      cmd: process.execPath,
      args: ['-r', preload, cli, 'template', releaseName, '-n', namespace, '-f', v.file],
      nodeCpu: true,
      check: hasDeployment,
      env,
    });
    if (withHelm)
      commands.push({
        name: `helm template: ${v.name}`,
        cmd: helm,
        args: ['template', releaseName, helmChart, '-n', namespace, '-f', v.file],
        nodeCpu: false,
        check: hasDeployment,
      });
  }
  const results = new Map(commands.map((c) => [c.name, []]));
  try {
    for (const c of commands) runOnce(c.cmd, c.args, c); // warm the file cache
    for (let r = 0; r < runs; r++) {
      for (let k = 0; k < commands.length; k++) {
        const c = commands[(k + r) % commands.length];
        results.get(c.name).push(runOnce(c.cmd, c.args, c));
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { results, notes, breakdown: breakdown(libDir), runs, valuesFiles: valuesFiles.map((v) => v.name) };
}

function report({ results, notes, breakdown: bd, runs, valuesFiles }) {
  const out = [];
  out.push('## cold start: one instance as a fresh process (fullProps(0) as a values file, 9 objects; with inline secrets)');
  out.push(`medians of ${runs} interleaved rounds; ms\n`);
  const med = new Map([...results].map(([name, rs]) => [name, { wall: median(rs.map((x) => x.wall)), cpu: median(rs.map((x) => x.cpu)) }]));
  const w = Math.max(...[...med.keys()].map((k) => k.length));
  out.push(`${'command'.padEnd(w)}  ${'wall'.padStart(7)}  ${'cpu'.padStart(7)}`);
  for (const [name, m] of med) out.push(`${name.padEnd(w)}  ${m.wall.toFixed(1).padStart(7)}  ${m.cpu.toFixed(1).padStart(7)}`);
  const node = med.get('node -e 0');
  out.push('');
  for (const v of valuesFiles) {
    const cli = med.get(`cdk8s-ppm template: ${v}`);
    const helm = med.get(`helm template: ${v}`);
    out.push(
      `${v}: cdk8s-ppm template over node -e 0: wall +${(cli.wall - node.wall).toFixed(1)} ms, cpu +${(cli.cpu - node.cpu).toFixed(1)} ms` +
        (helm ? `; / helm template: wall ${(cli.wall / helm.wall).toFixed(2)}x, cpu ${(cli.cpu / helm.cpu).toFixed(2)}x` : ''),
    );
  }
  if (valuesFiles.some((v) => med.has(`helm template: ${v}`))) out.push("(helm's cpu in 10 ms ticks)");
  for (const n of notes) out.push(n);
  const b = (k) => median(bd.map((x) => x[k])).toFixed(1);
  out.push(
    `\nin-process breakdown (median of ${bd.length}): require cdk8s ${b('cdk8s')}, require lib ${b('lib')}, require emitter ${b('emit')}, ` +
      `render ${b('render')}, write YAML ${b('write')} ms; zod loaded: ${bd[0].zod ? 'yes' : 'no'}, Kubernetes definitions loaded: ${bd[0].definitions ? 'yes' : 'no'}`,
  );
  return out.join('\n');
}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') opts.runs = Number(argv[++i]);
    else if (argv[i] === '--lib') opts.libDir = path.resolve(argv[++i]);
    else if (argv[i] === '--helm-chart') opts.helmChart = path.resolve(argv[++i]);
    else if (argv[i] === '--helm') opts.helmBin = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return opts;
}

if (require.main === module) {
  try {
    console.log(report(measure(parseArgs(process.argv.slice(2)))));
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}

module.exports = { measure, report };

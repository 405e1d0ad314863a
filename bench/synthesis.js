'use strict';
/**
 * Synthesis, side by side: the same N instances (bench/fixture.js fullProps(i),
 * 9 objects each) produced four ways, each in its own fresh child process, the
 * children interleaved (variant order rotated from one repeat to the next):
 *
 *   ours   new App + Chart, N × new PackageManager(chart, `pm${i}`, fullProps(i)), app.synthYaml()
 *   floor  the cdk8s floor: the same manifests (rendered beforehand, untimed; each
 *          created afresh in the timed region by a plain copy, as a construct's object
 *          literals would be) as bare ApiObjects in a Chart, app.synthYaml() — what any
 *          cdk8s construct emitting these objects pays at least
 *   core   N × render(fullProps(i)) + toYamlDocuments() — the pure core, no cdk8s
 *   json   JSON.stringify of the same manifests — a lower bound for any writer
 *   helm   with --helm-chart DIR: N × the cdk8s `Helm` construct of that chart with the same values
 *          (helm template run by cdk8s), app.synthYaml() — for N ≤ 10 only (a quarter second each)
 *
 *   node bench/synthesis.js                   # N = 1 10 100 1000, 3 repeats
 *   node bench/synthesis.js --reps 5 100 1000
 *   node bench/synthesis.js --lib DIR         # measure another build of the library (DIR holds index.js)
 *   node bench/synthesis.js --helm-chart DIR [--helm BIN]   # + the Helm construct (skipped without helm)
 *
 * In each child: load, warm-up (5 × one instance of its own variant), then the timed
 * region repeats whole builds of N instances until at least 200 instances and 100 ms
 * have passed (N = 1000: one build; helm: 10 instances). Measured: CPU time
 * (process.cpuUsage: user + system, all threads, GC included; for helm plus the
 * processes it ran, from the kernel's accounting in 10 ms ticks) and wall time, per instance. Then, untimed, with
 * `--expose-gc`: retained memory — heapUsed after a full GC with ceil(200/N) apps
 * of N instances alive (ours, floor: after synthYaml; core: the manifests kept), minus
 * before, per instance. Peak RSS: the child's maxRSS at the end. Every variant's YAML
 * (the last build) is checked byte-identical (sha256) to the others'.
 *
 * The tables show medians over the repeats; "ours/floor" is the target ratio of issue 14
 * (our share over the cdk8s floor, CPU time).
 */
const crypto = require('crypto');
const path = require('path');
const { forkChild, freshCopy, median, runAsChild } = require('./harness');

const VARIANTS = ['ours', 'floor', 'core', 'json'];
const HELM_MAX_N = 10;
const DEFAULT_NS = [1, 10, 100, 1000];
const MIN_INSTANCES = 200;
const MIN_MS = 100;

// ---------------------------------------------------------------- child ---
/** CPU time of the finished child processes, from /proc/self/stat (clock ticks of 10 ms). */
function childrenCpuMs() {
  const stat = require('fs').readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** The code of one variant: `prepare(count)` (untimed input) and `build(count, input)` → [YAML, what stays alive]. */
function makeVariant(variant, libDir, helm) {
  const { App, Chart, ApiObject } = require('cdk8s');
  const { Construct } = require('constructs');
  const lib = require(libDir);
  const { toYamlDocuments } = require(path.join(libDir, 'yaml', 'emit.js'));
  const { fullProps } = require('./fixture');

  const newChart = () => {
    const app = new App();
    return { app, chart: new Chart(app, 'bench', { disableResourceNameHashes: true }) };
  };
  // The manifests of instance i, as the floor and json variants get them (untimed).
  const manifestsOf = (i) => lib.render(fullProps(i), { releaseName: `pm${i}` });
  // The floor creates its objects inside the timed region, as any construct must (a hand-written one
  // from object literals): a plain copy of the precomputed manifests (freshCopy), the cheapest way to make them.

  /** One build of `count` instances: returns [output text, what stays alive]. */
  let build;
  let prepare = () => undefined;
  if (variant === 'ours') {
    build = (count) => {
      const { app, chart } = newChart();
      for (let i = 0; i < count; i++) new lib.PackageManager(chart, `pm${i}`, fullProps(i));
      return [app.synthYaml(), app];
    };
  } else if (variant === 'floor') {
    prepare = (count) => Array.from({ length: count }, (_, i) => manifestsOf(i));
    build = (count, lists) => {
      const { app, chart } = newChart();
      for (let i = 0; i < count; i++) {
        const scope = new Construct(chart, `pm${i}`);
        const list = lists[i];
        for (let k = 0; k < list.length; k++) new ApiObject(scope, String(k), freshCopy(list[k]));
      }
      return [app.synthYaml(), app];
    };
  } else if (variant === 'core') {
    build = (count) => {
      const all = [];
      for (let i = 0; i < count; i++) for (const m of lib.render(fullProps(i), { releaseName: `pm${i}` })) all.push(m);
      return [toYamlDocuments(all), all];
    };
  } else if (variant === 'helm') {
    const { Helm } = require('cdk8s');
    const values = (i) => {
      const { releaseName, namespace, ...rest } = fullProps(i);
      return { releaseName, namespace, values: rest };
    };
    build = (count) => {
      const { app, chart } = newChart();
      for (let i = 0; i < count; i++) {
        const v = values(i);
        new Helm(chart, `pm${i}`, { chart: helm.chart, helmExecutable: helm.bin, ...v });
      }
      return [app.synthYaml(), app];
    };
  } else if (variant === 'json') {
    prepare = (count) => Array.from({ length: count }, (_, i) => manifestsOf(i));
    build = (count, lists) => [JSON.stringify(lists), undefined];
  } else throw new Error(`unknown variant ${variant}`);
  return { prepare, build };
}

function runChild(variant, n, libDir, helm) {
  const gc = global.gc;
  const { prepare, build } = makeVariant(variant, libDir, helm);

  // Warm-up: JIT and lazy initialisation of this variant's code.
  for (let w = 0; w < 5; w++) build(1, prepare(1));

  // Timed region.
  const input = prepare(n);
  const minInstances = variant === 'helm' ? HELM_MAX_N : MIN_INSTANCES;
  let instances = 0;
  let text = '';
  const c0 = process.cpuUsage();
  const k0 = childrenCpuMs();
  const t0 = process.hrtime.bigint();
  let wallMs = 0;
  do {
    text = build(n, input)[0];
    instances += n;
    wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  } while (instances < minInstances || wallMs < MIN_MS);
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000 + (childrenCpuMs() - k0);
  const sha = crypto.createHash('sha256').update(text).digest('hex');
  text = '';

  // Retained memory (untimed): apps kept alive after a full GC.
  let retainedKb;
  if (variant !== 'json' && variant !== 'helm') {
    const apps = Math.ceil(MIN_INSTANCES / n);
    gc();
    gc();
    const h0 = process.memoryUsage().heapUsed;
    const kept = [];
    for (let a = 0; a < apps; a++) {
      let lists = prepare(n);
      kept.push(build(n, lists)[1]);
      lists = undefined;
    }
    gc();
    gc();
    retainedKb = (process.memoryUsage().heapUsed - h0) / 1024 / (apps * n);
    if (kept.length !== apps) throw new Error('unreachable');
  }
  return {
    variant,
    n,
    instances,
    cpuMsPerInst: cpuMs / instances,
    wallMsPerInst: wallMs / instances,
    retainedKb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    sha,
  };
}

/**
 * Ours and the floor in one process, alternating: after both are warmed up, ROUNDS rounds each
 * build N instances with one then the other (the order swapped every round), timing CPU. The
 * ratio of adjacent runs cancels most of the load other processes put on the machine.
 */
function runPaired(n, libDir) {
  const ours = makeVariant('ours', libDir);
  const floor = makeVariant('floor', libDir);
  for (let w = 0; w < 5; w++) {
    ours.build(1, ours.prepare(1));
    floor.build(1, floor.prepare(1));
  }
  const input = floor.prepare(n);
  const rounds = n >= 1000 ? 3 : n >= 100 ? 6 : 8;
  const repeat = Math.max(1, Math.ceil(MIN_INSTANCES / n));
  const timed = (v, inp) => {
    const c0 = process.cpuUsage();
    for (let k = 0; k < repeat; k++) v.build(n, inp);
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000 / (repeat * n);
  };
  const ratios = [];
  for (let r = 0; r < rounds; r++) {
    let o, f;
    if (r % 2 === 0) {
      o = timed(ours);
      f = timed(floor, input);
    } else {
      f = timed(floor, input);
      o = timed(ours);
    }
    ratios.push(o / f);
  }
  return { n, ratios };
}

// --------------------------------------------------------------- parent ---
function forkOnce(variant, n, libDir, helm) {
  return forkChild(__filename, [variant, String(n), libDir, JSON.stringify(helm ?? null)], `${variant} N=${n}`, {
    execArgv: ['--expose-gc', '--max-old-space-size=4096'],
    cwd: path.join(__dirname, '..'),
  });
}

function table(headers, rows) {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => cells.map((x, c) => String(x).padStart(widths[c])).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Runs the children and returns { byN: Map(n → Map(variant → medians)), text }. */
async function measure({ ns = DEFAULT_NS, reps = 3, libDir, helm }) {
  const byN = new Map();
  for (const n of ns) {
    const variants = helm && n <= HELM_MAX_N ? [...VARIANTS, 'helm'] : VARIANTS;
    const runs = Object.fromEntries(variants.map((v) => [v, []]));
    for (let r = 0; r < reps; r++) {
      const order = variants.map((_, k) => variants[(k + r) % variants.length]);
      for (const v of order) runs[v].push(await forkOnce(v, n, libDir, helm));
    }
    const paired = [];
    for (let r = 0; r < reps; r++) paired.push(...(await forkOnce('paired', n, libDir)).ratios);
    const med = new Map();
    med.set('paired', { ratio: median(paired), ratios: paired });
    for (const v of variants) {
      const rs = runs[v];
      med.set(v, {
        cpu: median(rs.map((x) => x.cpuMsPerInst)),
        wall: median(rs.map((x) => x.wallMsPerInst)),
        retained: median(rs.map((x) => x.retainedKb)),
        rss: median(rs.map((x) => x.peakRssMb)),
        cpuRuns: rs.map((x) => x.cpuMsPerInst),
        shas: new Set(rs.map((x) => x.sha)),
      });
    }
    byN.set(n, med);
    if (process.stderr.isTTY) process.stderr.write(`  N=${n} done\n`);
  }
  return byN;
}

function report(byN, reps) {
  const f = (x, d = 3) => (x === undefined ? '-' : x.toFixed(d));
  const out = [];
  out.push(`## synthesis: N instances (bench/fixture.js fullProps, 9 objects each), ms per instance`);
  out.push(
    `median of ${reps} interleaved repeat(s) per N, each variant in a fresh child; CPU = user + system of the child's timed region;`,
  );
  out.push(
    'paired: the median ratio ours/floor of adjacent runs alternating in one process, both warm (cancels the load of the machine)\n',
  );
  const rows = [];
  for (const [n, m] of byN) {
    const o = m.get('ours');
    const fl = m.get('floor');
    const co = m.get('core');
    const js = m.get('json');
    const same = [...VARIANTS.filter((v) => v !== 'json').map((v) => [...m.get(v).shas])].flat();
    rows.push([
      n,
      f(o.cpu),
      f(fl.cpu),
      f(co.cpu),
      f(js.cpu, 4),
      f(o.cpu / fl.cpu, 2),
      f(m.get('paired').ratio, 2),
      f(co.cpu / fl.cpu, 2),
      f(fl.cpu / js.cpu, 0),
      f(o.wall),
      f(fl.wall),
      new Set(same).size === 1 ? 'yes' : 'NO',
    ]);
  }
  out.push(
    table(
      [
        'N',
        'ours cpu',
        'floor cpu',
        'core cpu',
        'json cpu',
        'ours/floor',
        'paired',
        'core/floor',
        'floor/json',
        'ours wall',
        'floor wall',
        'same YAML',
      ],
      rows,
    ),
  );
  const helmRows = [...byN].filter(([, m]) => m.has('helm'));
  if (helmRows.length) {
    out.push('');
    out.push("the cdk8s Helm construct (helm template run by cdk8s; CPU includes helm's, in 10 ms ticks), ms per instance");
    out.push(
      table(
        ['N', 'helm cpu', 'helm wall', 'helm/ours cpu', 'helm/floor cpu', 'helm RSS'],
        helmRows.map(([n, m]) => [
          n,
          f(m.get('helm').cpu, 1),
          f(m.get('helm').wall, 1),
          f(m.get('helm').cpu / m.get('ours').cpu, 1),
          f(m.get('helm').cpu / m.get('floor').cpu, 1),
          f(m.get('helm').rss, 0),
        ]),
      ),
    );
  }
  out.push('');
  out.push('memory: retained KB per instance (full GC, apps alive), peak RSS MB of the child');
  out.push(
    table(
      ['N', 'ours KB', 'floor KB', 'core KB', 'ours RSS', 'floor RSS', 'core RSS', 'json RSS'],
      [...byN].map(([n, m]) => [
        n,
        f(m.get('ours').retained, 1),
        f(m.get('floor').retained, 1),
        f(m.get('core').retained, 1),
        f(m.get('ours').rss, 0),
        f(m.get('floor').rss, 0),
        f(m.get('core').rss, 0),
        f(m.get('json').rss, 0),
      ]),
    ),
  );
  out.push('');
  for (const [n, m] of byN) {
    const prev = byN.get(n / 10);
    if (!prev) continue;
    // Per-instance CPU × N = total: the ratio of totals is 10 × the ratio per instance.
    const ratio = (v) => ((10 * m.get(v).cpu) / prev.get(v).cpu).toFixed(2);
    out.push(`t(${n})/t(${n / 10}) (CPU, linear = 10.00): ours ${ratio('ours')}, floor ${ratio('floor')}, core ${ratio('core')}`);
  }
  out.push('');
  out.push(
    `each run's ours cpu: ${[...byN]
      .map(
        ([n, m]) =>
          `N=${n} ${m
            .get('ours')
            .cpuRuns.map((x) => x.toFixed(3))
            .join('/')}`,
      )
      .join(', ')}`,
  );
  out.push(
    `each run's floor cpu: ${[...byN]
      .map(
        ([n, m]) =>
          `N=${n} ${m
            .get('floor')
            .cpuRuns.map((x) => x.toFixed(3))
            .join('/')}`,
      )
      .join(', ')}`,
  );
  out.push(
    `each paired ratio: ${[...byN]
      .map(
        ([n, m]) =>
          `N=${n} ${m
            .get('paired')
            .ratios.map((x) => x.toFixed(2))
            .join('/')}`,
      )
      .join(', ')}`,
  );

  return out.join('\n');
}

/** The helm executable and chart for the Helm variant, or a note on why it is skipped. */
function helmOptions(chartDir, bin = 'helm') {
  if (!chartDir) return {};
  const fs = require('fs');
  const found = bin.includes('/')
    ? fs.existsSync(bin) && bin
    : (process.env.PATH || '')
        .split(path.delimiter)
        .map((d) => path.join(d, bin))
        .find((p) => fs.existsSync(p));
  if (!found) return { note: `Helm construct: skipped (no ${bin} on PATH; pass --helm BIN)` };
  if (!fs.existsSync(path.join(chartDir, 'Chart.yaml'))) return { note: `Helm construct: skipped (no Chart.yaml in ${chartDir})` };
  return { helm: { chart: path.resolve(chartDir), bin: path.resolve(found) } };
}

async function main(argv) {
  let reps = 3;
  let libDir = path.join(__dirname, '..', 'lib');
  let helmChart;
  let helmBin;
  const ns = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--reps') reps = Number(argv[++i]);
    else if (argv[i] === '--lib') libDir = path.resolve(argv[++i]);
    else if (argv[i] === '--helm-chart') helmChart = argv[++i];
    else if (argv[i] === '--helm') helmBin = argv[++i];
    else if (/^\d+$/.test(argv[i])) ns.push(Number(argv[i]));
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!(reps >= 1)) throw new Error('--reps must be >= 1');
  const { helm, note } = helmOptions(helmChart, helmBin);
  const byN = await measure({ ns: ns.length ? ns : DEFAULT_NS, reps, libDir, helm });
  console.log(report(byN, reps));
  if (note) console.log(note);
  const bad = [...byN].filter(([, m]) => new Set(VARIANTS.filter((v) => v !== 'json').flatMap((v) => [...m.get(v).shas])).size !== 1);
  if (bad.length) {
    console.log(`\nERROR: the variants wrote different YAML for N = ${bad.map(([n]) => n).join(', ')}`);
    process.exitCode = 1;
  }
}

if (
  runAsChild((variant, n, libDir, helm) =>
    variant === 'paired' ? runPaired(Number(n), libDir) : runChild(variant, Number(n), libDir, JSON.parse(helm)),
  )
) {
  // A measurement in its own process.
} else if (require.main === module) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e.stack || String(e));
    process.exit(1);
  });
}

module.exports = { main, measure, report, helmOptions };

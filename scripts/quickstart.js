#!/usr/bin/env node
/**
 * Prints the README's quick start (between `<!-- quickstart:start -->` and
 * `<!-- quickstart:end -->`) as a bash script, so that the consumer test runs
 * exactly what a new user would:
 *
 * - each line of a `sh` block is a command; `npm install …` becomes
 *   `qs_npm_install …`, which the caller defines (to install the packed
 *   tarball instead of the registry's package, or pinned versions);
 * - a block after `<!-- file: NAME -->` is written to NAME.
 *
 *   node scripts/quickstart.js README.md > quickstart.sh
 */
'use strict';
const fs = require('fs');

function quickstart(readme) {
  const start = readme.indexOf('<!-- quickstart:start -->');
  const end = readme.indexOf('<!-- quickstart:end -->');
  if (start < 0 || end < start) throw new Error('README.md: no <!-- quickstart:start --> … <!-- quickstart:end --> section');
  const text = readme.slice(start, end);
  const out = ['set -euo pipefail'];
  const block = /(?:<!-- file: (\S+) -->\s*\n)?```(\w+)\n([\s\S]*?)```/g;
  let m;
  let commands = 0;
  while ((m = block.exec(text))) {
    const [, file, lang, body] = m;
    if (file) {
      if (body.includes('QUICKSTART_EOF')) throw new Error(`${file}: the block contains the heredoc marker`);
      out.push(`cat > ${file} <<'QUICKSTART_EOF'`, body.replace(/\n$/, ''), 'QUICKSTART_EOF');
    } else if (lang === 'sh') {
      for (const line of body.split('\n').filter((l) => l.trim() !== '')) {
        out.push(`echo '+ ${line.replace(/'/g, "'\\''")}'`, line.replace(/^npm install\b/, 'qs_npm_install'));
        commands++;
      }
    } else throw new Error(`README quick start: a ${lang} block without <!-- file: NAME --> cannot be run`);
  }
  if (commands === 0) throw new Error('README quick start: no command');
  return `${out.join('\n')}\n`;
}

if (require.main === module) process.stdout.write(quickstart(fs.readFileSync(process.argv[2] || 'README.md', 'utf8')));
module.exports = { quickstart };

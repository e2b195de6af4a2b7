// Runs first in `npm test`: the tests start a real redis-server and a real Chromium. If either
// is missing, say so at once with the one command that installs it, instead of failing
// halfway through with a stack trace. Plain syntax, like check-node.mjs: it runs on any Node.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function onPath(command) {
  return spawnSync('sh', ['-c', 'command -v ' + command], { stdio: 'ignore' }).status === 0;
}

var missing = [];
if (!onPath('redis-server')) missing.push('redis-server');
var chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium) && !onPath('chromium')) missing.push('chromium');
if (missing.length > 0) {
  console.error(
    '\nThe tests need ' + missing.join(' and ') + ', which this machine lacks. Install with:\n\n' +
      '  sudo apt-get install -y ' + missing.join(' ') + '\n\n' +
      '(Debian/Ubuntu; run `sudo apt-get update` first on a fresh machine.)\n'
  );
  process.exit(1);
}

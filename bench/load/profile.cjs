// Preload for the server under load (LOAD_SERVER_NODE_OPTIONS="--require ./bench/load/profile.cjs"):
// Node refuses --cpu-prof in NODE_OPTIONS, so this records a CPU profile of the main thread
// through the inspector and writes it to LOAD_PROFILE_DIR (default /tmp) when the server exits.
const inspector = require('node:inspector');
const fs = require('node:fs');
const path = require('node:path');

const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');

let written = false;
function write() {
  if (written) return;
  written = true;
  // An in-process session answers synchronously, so this also works inside an 'exit' handler.
  session.post('Profiler.stop', (error, result) => {
    if (!error) fs.writeFileSync(path.join(process.env.LOAD_PROFILE_DIR || '/tmp', `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
}
process.on('exit', write);
process.prependListener('SIGTERM', write);

// Runs dynalite on a worker thread so that the database engine has a core of
// its own instead of sharing the event loop of the HTTP server.
import { parentPort, workerData } from 'node:worker_threads';

import dynalite from 'dynalite';

const server = dynalite({ path: workerData.path, createTableMs: 0, updateTableMs: 0 });

server.once('error', (error) => {
  parentPort.postMessage({ type: 'error', message: error.message });
});

server.listen(0, workerData.host, () => {
  parentPort.postMessage({ type: 'listening', port: server.address().port });
});

parentPort.on('message', (message) => {
  if (message.type !== 'close') {
    return;
  }
  // dynalite closes its LevelDB store when its server closes.
  server.close((error) => {
    parentPort.postMessage({ type: 'closed', message: error?.message });
    parentPort.close();
  });
  server.closeAllConnections();
});

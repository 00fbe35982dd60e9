// Piscina loads this file in each worker thread: tsx's CommonJS hook compiles
// the TypeScript generator there (tsx is a runtime dependency: `npm start` runs on it).
require("tsx/cjs");
module.exports = require("./worker-task.ts").default;

// Piscina loads this file in each worker thread: tsx's CommonJS hook compiles
// the TypeScript generator there (tsx is a runtime dependency: `npm start` runs on it).
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS entry: Piscina loads it before any TypeScript can run */
require("tsx/cjs");
module.exports = require("./worker-task.ts").default;

#!/usr/bin/env node
// Keeps one process running for `npm start`: when it exits without being asked to (a crash, an
// out-of-memory kill), says so and starts it again after a pause that doubles on each quick
// failure (1 s, 2 s, 4 s … up to 30 s) and starts over once a run has lasted a minute.
// Ctrl-C or SIGTERM stops the process (SIGTERM, then SIGKILL after 10 s) and this supervisor.
//
//   node docker/supervise.js NAME -- COMMAND [ARGS…]
//
// SUPERVISE_BACKOFF_MS (default 1000) scales the pauses; the tests make them short.
'use strict';
const { spawn } = require('node:child_process');

const separator = process.argv.indexOf('--');
const name = process.argv[2];
const command = process.argv.slice(separator + 1);
if (separator < 3 || !name || command.length === 0) {
  console.error('usage: node docker/supervise.js NAME -- COMMAND [ARGS...]');
  process.exit(2);
}
const base = Number(process.env.SUPERVISE_BACKOFF_MS || 1000);
const maxPause = 30 * base;
const stableAfter = 60 * base;

let child;
let stopping = false;
let failures = 0;
let timer;

// Asia/Shanghai with its offset, like every other log line the product writes.
function shanghaiTime() {
  return `${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 23)}+08:00`;
}

function say(message) {
  process.stderr.write(`[supervise] ${shanghaiTime()} ${name}: ${message}\n`);
}

function start() {
  const startedAt = Date.now();
  child = spawn(command[0], command.slice(1), { stdio: 'inherit' });
  child.once('error', (error) => say(`could not start: ${error.message}`));
  child.once('exit', (code, signal) => {
    child = undefined;
    if (stopping) process.exit(0);
    const ran = Date.now() - startedAt;
    failures = ran >= stableAfter ? 1 : failures + 1;
    const pause = Math.min(base * 2 ** (failures - 1), maxPause);
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    say(
      `${how} after ${(ran / 1000).toFixed(1)} s; restarting in ${(pause / 1000).toFixed(1)} s ` +
        `(restart ${failures} in a row)`,
    );
    timer = setTimeout(start, pause);
  });
}

function stop() {
  if (stopping) return;
  stopping = true;
  clearTimeout(timer);
  if (!child) process.exit(0);
  child.kill('SIGTERM');
  setTimeout(() => child && child.kill('SIGKILL'), 10_000).unref();
}

process.on('SIGINT', stop);
process.on('SIGTERM', stop);
start();

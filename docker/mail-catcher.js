#!/usr/bin/env node
// A small mail catcher for machines without Docker (where compose would run Mailpit): accepts
// every message on SMTP, keeps it as an .eml file and lists what arrived on a web page. It keeps
// the newest --keep messages (default 1000) and deletes older files, so a benchmark sending
// thousands of digests fills neither memory nor the disk.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const dir = args.dir || path.resolve('var/dev/mail');
const smtpPort = Number(args['smtp-port'] || 1025);
const httpPort = Number(args['http-port'] || 8025);
const keep = Math.max(1, Number(args.keep || 1000));
fs.mkdirSync(dir, { recursive: true });

// What a person reads is Asia/Shanghai time, as libs/calendar's formatLocalDateTime writes it
// (this script runs without the TypeScript build, so the same Intl format is repeated here).
const SHANGHAI = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const shanghai = (date) => SHANGHAI.format(date);

// File names sort by arrival: time, then a counter (a pooled connection can deliver several
// messages within one millisecond).
const kept = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.eml'))
  .sort();
let sequence = 0;
function store(session, data, callback) {
  const name = `${Date.now()}-${String(sequence++ % 1e6).padStart(6, '0')}-${session.id}.eml`;
  fs.writeFile(path.join(dir, name), data, (error) => {
    if (!error) {
      kept.push(name);
      while (kept.length > keep) fs.unlink(path.join(dir, kept.shift()), () => {});
    }
    callback(error);
  });
}

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => store(session, Buffer.concat(chunks), callback));
  },
});
// A sender that dies mid-connection (a worker stopped with kill -9) must not take the catcher down.
smtp.on('error', (error) => console.error(`mail catcher: ${error.message}`));
smtp.listen(smtpPort, '127.0.0.1');

const escape = (s) =>
  String(s ?? '').replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c],
  );

async function messages() {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .reverse();
  return Promise.all(
    files.slice(0, 200).map(async (file) => {
      const mail = await simpleParser(fs.readFileSync(path.join(dir, file)));
      return {
        id: file,
        date: mail.date,
        from: mail.from?.text,
        to: mail.to
          ? []
              .concat(mail.to)
              .map((a) => a.text)
              .join(', ')
          : '',
        cc: mail.cc
          ? []
              .concat(mail.cc)
              .map((a) => a.text)
              .join(', ')
          : '',
        subject: mail.subject,
        text: mail.text,
        html: mail.html || undefined,
      };
    }),
  );
}

http
  .createServer(async (req, res) => {
    try {
      const list = await messages();
      if (req.url === '/api/messages') {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        return res.end(JSON.stringify(list));
      }
      const one =
        req.url.startsWith('/m/') &&
        list.find((m) => m.id === decodeURIComponent(req.url.slice(3)));
      res.writeHead(one || req.url === '/' ? 200 : 404, {
        'content-type': 'text/html; charset=utf-8',
      });
      if (one) return res.end(one.html || `<pre>${escape(one.text)}</pre>`);
      if (req.url !== '/') return res.end('未找到');
      const rows = list
        .map(
          (m) =>
            `<tr><td>${escape(m.date ? shanghai(m.date) : '')}</td><td>${escape(m.to)}</td>` +
            `<td><a href="/m/${encodeURIComponent(m.id)}">${escape(m.subject)}</a></td></tr>`,
        )
        .join('');
      res.end(
        `<!doctype html><meta charset="utf-8"><title>落实 · 邮件</title><h1>收到的邮件 (${list.length})</h1>` +
          `<table border="1" cellpadding="4"><tr><th>时间</th><th>收件人</th><th>主题</th></tr>${rows}</table>`,
      );
    } catch (error) {
      res.writeHead(500);
      res.end(String(error));
    }
  })
  .listen(httpPort, '127.0.0.1');

console.log(
  `mail catcher: smtp 127.0.0.1:${smtpPort}, web http://127.0.0.1:${httpPort}/, files in ${dir}`,
);

// The production shape on one machine, for the proxy browser test: a fresh
// PostgreSQL database, two `participe serve` instances on it, and Debian's
// nginx in front running the shipped deploy/nginx.conf (TLS with a throwaway
// certificate, the real upstream and event-stream locations), started as an
// ordinary process with everything under a temporary folder.
//
// Two test-only additions to that configuration, and nothing else changed:
// - `X-Test-Instance: a|b` pins a request to one instance (default: both, as
//   shipped), so a viewer can sit on the instance the answer did not go to;
// - `X-Test-Client: ADDRESS` makes nginx forward that address as the client's,
//   as it would for a resident connecting from it (browsers here all come from
//   127.0.0.1).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import https from 'node:https';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function freePort() {
  return new Promise((ok, fail) => {
    const server = net.createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/** nginx on PATH or where Debian puts it, or null. */
export function findNginx() {
  for (const dir of (process.env.PATH || '').split(':').concat(['/usr/sbin', '/sbin'])) {
    const candidate = join(dir, 'nginx');
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what, check, log, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`${what} did not start in time${log ? `; its log:\n${readFileSync(log, 'utf8').slice(-3000)}` : ''}`);
}

const healthy = (url) => fetch(url).then((r) => r.ok);

function httpsHealthy(port) {
  return new Promise((ok) => {
    const req = https.get({ host: '127.0.0.1', port, path: '/health', rejectUnauthorized: false }, (res) => {
      res.resume();
      ok(res.statusCode === 200);
    });
    req.on('error', () => ok(false));
  });
}

/** Replaces `from` by `to` in the shipped configuration, failing loudly if it
 *  is no longer there: the test must run the file as shipped. */
function edit(text, from, to) {
  const count = text.split(from).length - 1;
  if (count === 0) throw new Error(`deploy/nginx.conf no longer contains: ${from}`);
  return text.split(from).join(to);
}

/** deploy/nginx.conf with the test's ports, certificate and test-only pinning. */
export function nginxConfig({ work, port, httpPort, a, b }) {
  let site = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8');
  site = edit(site, 'server 127.0.0.1:3000 ', `server 127.0.0.1:${a} `);
  site = edit(site, 'server 127.0.0.1:3001 ', `server 127.0.0.1:${b} `);
  site = edit(site, '    listen 80;\n    listen [::]:80;\n', `    listen 127.0.0.1:${httpPort};\n`);
  site = edit(site, '    listen 443 ssl http2;\n    listen [::]:443 ssl http2;\n',
    `    listen 127.0.0.1:${port} ssl http2;\n`);
  site = edit(site, '/etc/letsencrypt/live/participe.example.org/fullchain.pem', join(work, 'cert.pem'));
  site = edit(site, '/etc/letsencrypt/live/participe.example.org/privkey.pem', join(work, 'key.pem'));
  site = edit(site, 'server_name participe.example.org;', 'server_name 127.0.0.1;');
  site = edit(site, 'proxy_pass http://participe;', 'proxy_pass http://$participe_pool;');
  site = edit(site, 'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    'proxy_set_header X-Forwarded-For $participe_forwarded_for;');
  const testOnly = `
# Test only: pin a request to one instance, and stand for a resident's address.
upstream participe_a { server 127.0.0.1:${a}; }
upstream participe_b { server 127.0.0.1:${b}; }
map $http_x_test_instance $participe_pool {
    a participe_a;
    b participe_b;
    default participe;
}
map $http_x_test_client $participe_forwarded_for {
    "" $proxy_add_x_forwarded_for;
    default $http_x_test_client;
}
`;
  // One process in the foreground, as whoever runs the test: no user switch, no daemon.
  return `daemon off;
master_process off;
pid ${join(work, 'nginx.pid')};
error_log ${join(work, 'nginx-error.log')} warn;
events { worker_connections 1024; }
http {
    access_log ${join(work, 'nginx-access.log')};
    client_body_temp_path ${join(work, 'nginx-body')};
    proxy_temp_path ${join(work, 'nginx-proxy')};
    fastcgi_temp_path ${join(work, 'nginx-fastcgi')};
    uwsgi_temp_path ${join(work, 'nginx-uwsgi')};
    scgi_temp_path ${join(work, 'nginx-scgi')};
${testOnly}
${site}
}
`;
}

function psql(url, sql) {
  execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Starts the database, the two instances and nginx. `env` adds settings for
 * both instances. Returns { base, instanceA, instanceB, stop }.
 */
export async function startStack({ postgresUrl, env = {} }) {
  const nginx = findNginx();
  if (!nginx) throw new Error('nginx is missing: run `.ci/ensure-tools.sh --browser` (Debian: apt-get install nginx)');
  const bin = resolve(ROOT, 'end2end', process.env.PARTICIPE_BIN || '../target/release/participe');
  if (!existsSync(bin)) throw new Error(`no participe binary at ${bin}: build it (make build) or set PARTICIPE_BIN`);
  const siteRoot = process.env.LEPTOS_SITE_ROOT || join(ROOT, 'target/site');
  const work = mkdtempSync(join(tmpdir(), 'participe-proxy-'));
  const children = [];

  // A fresh database on the test server, dropped at the end.
  const name = `participe_test_proxy_${process.pid}_${Date.now() % 1_000_000}`;
  psql(postgresUrl, `CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const [a, b, port, httpPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const base = `https://127.0.0.1:${port}`;

  const stop = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode === null) {
        child.kill('SIGINT');
        await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5000)]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    }
    try { psql(postgresUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } catch { /* reported by the next run's cleanup */ }
    if (!process.env.KEEP_PROXY_LOGS) rmSync(work, { recursive: true, force: true });
  };

  try {
    const instance = async (label, port, args) => {
      const log = join(work, `participe-${label}.log`);
      mkdirSync(join(work, `mail-${label}`));
      const child = spawn(bin, ['serve', ...args], {
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
          LEPTOS_SITE_ROOT: siteRoot,
          PARTICIPE_BASE_URL: base,
          PARTICIPE_TRUSTED_PROXIES: '127.0.0.1',
          PARTICIPE_MAIL_DIR: join(work, `mail-${label}`),
          PARTICIPE_SECRET: 'proxy-test-secret-shared-by-both-instances',
          RUST_LOG: 'warn',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const out = [];
      child.stdout.on('data', (d) => out.push(d));
      child.stderr.on('data', (d) => out.push(d));
      child.on('exit', () => writeFileSync(log, Buffer.concat(out)));
      const flush = () => writeFileSync(log, Buffer.concat(out));
      children.push(child);
      await waitFor(`instance ${label}`, async () => { flush(); return healthy(`http://127.0.0.1:${port}/health`); }, log);
      return { port, log: () => { flush(); return readFileSync(log, 'utf8'); } };
    };
    // A migrates and loads the demo first; B then finds the store ready.
    const instanceA = await instance('a', a, ['--with-demo']);
    const instanceB = await instance('b', b, []);

    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-keyout', join(work, 'key.pem'), '-out', join(work, 'cert.pem')],
    { stdio: 'ignore' });
    const conf = join(work, 'nginx.conf');
    writeFileSync(conf, nginxConfig({ work, port, httpPort, a, b }));
    execFileSync(nginx, ['-t', '-q', '-p', work, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    const proxy = spawn(nginx, ['-p', work, '-c', conf], { stdio: 'ignore' });
    children.push(proxy);
    await waitFor('nginx', () => httpsHealthy(port), join(work, 'nginx-error.log'));
    return { base, instanceA, instanceB, work, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

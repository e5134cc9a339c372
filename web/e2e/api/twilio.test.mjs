// Our Twilio protocol code against Twilio's official helper library (npm `twilio`): webhook
// signatures, Voice SDK access tokens and TwiML, through the `dialler twilio ...` commands.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

import jwt from 'jsonwebtoken';
import twilio from 'twilio';

const run = promisify(execFile);
const bin = process.env.DIALLER_BIN;

async function dialler(args, env = {}) {
  assert.ok(bin, 'DIALLER_BIN is set');
  const { stdout } = await run(bin, args, { env: { PATH: process.env.PATH, ...env } });
  return stdout;
}

const signatureOf = (stdout) => stdout.match(/^X-Twilio-Signature: (.+)$/m)?.[1];

// A deterministic pseudo-random generator: every run checks the same cases, and they are many.
function rng(seed) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}
const pick = (r, list) => list[Math.floor(r() * list.length)];
const word = (r) => randomish(r, 1 + Math.floor(r() * 12));
function randomish(r, n) {
  const alphabet = 'abcXYZ0189+ -_./:=&?%éü€';
  let s = '';
  for (let i = 0; i < n; i += 1) s += alphabet[Math.floor(r() * alphabet.length)];
  return s;
}

describe('Twilio webhook signatures', () => {
  it('match the official library on many random requests, and tampering is caught', async () => {
    const r = rng(20261201);
    for (let i = 0; i < 20; i += 1) {
      const token = randomBytes(16).toString('hex');
      const url = `${pick(r, ['https', 'http'])}://${pick(r, ['d.example', 'x.example:8443'])}/api/webhooks/twilio/${pick(r, ['voice', 'status'])}?s=${i}`;
      const params = {};
      const count = 1 + Math.floor(r() * 8);
      for (let k = 0; k < count; k += 1) params[`${pick(r, ['Call', 'From', 'To', 'X'])}${k}${word(r)}`.replace(/[=&]/g, '')] = word(r);
      const args = ['twilio', 'signature', '--url', url, '--auth-token', token];
      for (const [k, v] of Object.entries(params)) args.push('--param', `${k}=${v}`);
      const ours = signatureOf(await dialler(args));
      assert.equal(ours, twilio.getExpectedTwilioSignature(token, url, params), url);
      assert.ok(twilio.validateRequest(token, ours, url, params));
      const tampered = { ...params, Extra: '1' };
      assert.equal(twilio.validateRequest(token, ours, url, tampered), false);
    }
  });

  it('sign a JSON body through bodySHA256 as the library expects', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dialler-twilio-'));
    try {
      const body = JSON.stringify({ CallSid: 'CA123', CallStatus: 'completed', note: 'é & <x>' });
      const file = path.join(dir, 'body.json');
      await writeFile(file, body);
      const token = randomBytes(16).toString('hex');
      const out = await dialler([
        'twilio', 'signature', '--url', 'https://d.example/api/webhooks/twilio/status',
        '--auth-token', token, '--body-file', file,
      ]);
      const url = out.match(/^URL: (.+)$/m)?.[1];
      assert.ok(url?.includes('bodySHA256='), out);
      assert.ok(twilio.validateRequestWithBody(token, signatureOf(out), url, body));
      assert.equal(twilio.validateRequestWithBody(token, signatureOf(out), url, `${body} `), false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('Voice SDK access tokens', () => {
  it('verify with the API secret and carry the grants the library would put in', async () => {
    const creds = {
      TWILIO_ACCOUNT_SID: 'AC' + 'a'.repeat(32),
      TWILIO_API_KEY: 'SK' + 'b'.repeat(32),
      TWILIO_API_SECRET: randomBytes(24).toString('hex'),
      TWILIO_TWIML_APP_SID: 'AP' + 'c'.repeat(32),
    };
    const ours = (await dialler(['twilio', 'token', '--identity', 'agent-7', '--ttl', '600'], creds)).trim();
    const verified = jwt.verify(ours, creds.TWILIO_API_SECRET, { algorithms: ['HS256'] });
    const decoded = jwt.decode(ours, { complete: true });
    assert.equal(decoded.header.cty, 'twilio-fpa;v=1');
    assert.equal(verified.exp - verified.iat, 600);

    const theirs = new twilio.jwt.AccessToken(
      creds.TWILIO_ACCOUNT_SID,
      creds.TWILIO_API_KEY,
      creds.TWILIO_API_SECRET,
      { identity: 'agent-7', ttl: 600 },
    );
    theirs.addGrant(
      new twilio.jwt.AccessToken.VoiceGrant({
        outgoingApplicationSid: creds.TWILIO_TWIML_APP_SID,
        incomingAllow: true,
      }),
    );
    const expected = jwt.decode(theirs.toJwt(), { complete: true });
    assert.equal(decoded.header.cty, expected.header.cty);
    assert.equal(decoded.header.alg, expected.header.alg);
    assert.deepEqual(verified.grants, expected.payload.grants);
    assert.equal(verified.iss, expected.payload.iss);
    assert.equal(verified.sub, expected.payload.sub);
    assert.match(verified.jti, new RegExp(`^${creds.TWILIO_API_KEY}-\\d+$`));
    assert.throws(() => jwt.verify(ours, 'another-secret', { algorithms: ['HS256'] }));
  });
});

describe('TwiML', () => {
  it('for a call equals what the library builds for the same dial', async () => {
    const ours = (await dialler([
      'twilio', 'twiml', '--dial', '+447400123456', '--caller-id', '+441134960000',
      '--timeout', '25', '--public-url', 'https://d.example/x?a=1&b=2',
    ])).trim();
    const base = 'https://d.example/x?a=1&b=2/api/webhooks/twilio';
    const response = new twilio.twiml.VoiceResponse();
    const dial = response.dial({
      answerOnBridge: true,
      callerId: '+441134960000',
      timeout: 25,
      record: 'record-from-answer-dual',
      recordingStatusCallback: `${base}/recording`,
      recordingStatusCallbackMethod: 'POST',
      action: `${base}/dial-action`,
      method: 'POST',
    });
    dial.number(
      {
        statusCallbackEvent: 'initiated ringing answered completed',
        statusCallback: `${base}/status`,
        statusCallbackMethod: 'POST',
      },
      '+447400123456',
    );
    assert.equal(ours, response.toString());
  });
});

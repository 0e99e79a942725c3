// The account check's oblivious lookup: RFC 9497 OPRF, base mode, P256-SHA256 (@noble/curves,
// vendored by scripts/update-noble.sh). The server gets the account hash's 5-character bucket and a
// blinded point that is uniformly random whatever was typed; it answers that point multiplied by
// its key, with the bucket's entries (the first 16 bytes of each account's OPRF output and the names
// of the public breaches it is in). Only here, with the blind, does the answer become this account's
// output, so only here is it matched. Without the server's key, an offline guess at an identifier
// cannot be checked against the bucket: each guess costs an online, rate-limited evaluation.
import { p256_oprf } from './vendor/noble-curves/nist.js';
import { PREFIX_LENGTH } from './normalise.js';

export const CHECK_PATH = '/api/v1/oprf/check';
const ELEMENT_BYTES = 33;
const OUTPUT_BYTES = 16;
const SHA1_HEX = /^[0-9A-Fa-f]{40}$/;
const KEY_ID = /^[0-9a-f]{16}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The server's answer is not what the wire contract says: nothing in it can be trusted. */
export class AnswerProblem extends Error {}

/**
 * RFC 9497 Blind over the account hash's 20 bytes: { blind, blinded } (a scalar and a 33-byte
 * compressed point). rng gives the randomness of RandomScalar; tests pass fixed bytes, as the RFC's
 * vectors do.
 */
export function blind(input, rng) {
  return rng === undefined ? p256_oprf.oprf.blind(input) : p256_oprf.oprf.blind(input, rng);
}

/** The entry output: the first 16 bytes of RFC 9497 Finalize(input, blind, evaluated). */
export function entryOutput(input, blindScalar, evaluated) {
  return p256_oprf.oprf.finalize(input, blindScalar, evaluated).subarray(0, OUTPUT_BYTES);
}

/**
 * Checks an account hash (40 hex, as normalise.js and the index make it) obliviously. Returns what was
 * sent ({ bucket, element }), every breach the bucket names ({ named }) and the names of those this
 * account is in ({ matched }). request(url, options) makes the request and returns a Response; a
 * failed status is the caller's to explain. An answer that breaks the contract throws AnswerProblem.
 */
export async function checkAccount(sha1Hex, request = fetch) {
  if (!SHA1_HEX.test(sha1Hex)) throw new Error('expected the 40 hex characters of a SHA-1');
  const input = hexBytes(sha1Hex);
  const bucket = sha1Hex.substring(0, PREFIX_LENGTH).toUpperCase();
  const { blind: blindScalar, blinded } = blind(input);
  const element = toBase64url(blinded);
  const response = await request(CHECK_PATH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ bucket, element }),
  });
  const answer = readAnswer(await response.json());
  let output;
  try {
    output = entryOutput(input, blindScalar, answer.evaluated);
  } catch (failure) {
    throw new AnswerProblem(`the evaluated element is not a point of P-256: ${failure.message}`);
  }
  const entry = answer.entries.find(([entryBytes]) => equalBytes(entryBytes, output));
  return {
    bucket,
    element,
    named: answer.breaches,
    matched: entry ? entry[1].map((index) => answer.breaches[index]) : [],
  };
}

/** The check answer, validated: { evaluated, breaches, entries: [[bytes, [index...]]...] }. */
function readAnswer(answer) {
  const body = object(answer, 'the answer');
  if (typeof body.keyId !== 'string' || !KEY_ID.test(body.keyId)) throw new AnswerProblem('keyId is not 16 hex characters');
  const evaluated = fromBase64url(body.evaluated, ELEMENT_BYTES, 'evaluated');
  const bucket = object(body.bucket, 'bucket');
  if (bucket.keyId !== body.keyId) {
    throw new AnswerProblem(`the bucket was made with key ${bucket.keyId}, the evaluation with ${body.keyId}`);
  }
  if (!Number.isSafeInteger(bucket.generation) || bucket.generation < 0) throw new AnswerProblem('generation is not a number');
  const breaches = array(bucket.breaches, 'breaches');
  if (!breaches.every((name) => typeof name === 'string' && name !== '')) throw new AnswerProblem('a breach name is not a name');
  const entries = array(bucket.entries, 'entries').map((entry) => {
    const [output, indexes] = array(entry, 'an entry');
    const named = array(indexes, 'an entry\'s breaches');
    if (!named.every((index) => Number.isInteger(index) && index >= 0 && index < breaches.length)) {
      throw new AnswerProblem('an entry names a breach the bucket does not list');
    }
    return [fromBase64url(output, OUTPUT_BYTES, 'an entry'), named];
  });
  return { evaluated, breaches, entries };
}

function object(value, what) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new AnswerProblem(`${what} is not an object`);
  return value;
}

function array(value, what) {
  if (!Array.isArray(value)) throw new AnswerProblem(`${what} is not a list`);
  return value;
}

/** RFC 4648 base64url without padding, as the wire contract has it. */
export function toBase64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64url(text, length, what) {
  // Exactly the unpadded length of `length` bytes, so that no other spelling of the same bytes passes
  if (typeof text !== 'string' || !BASE64URL.test(text) || text.length !== Math.ceil((length * 4) / 3)) {
    throw new AnswerProblem(`${what} is not base64url of ${length} bytes`);
  }
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  if (toBase64url(bytes) !== text) throw new AnswerProblem(`${what} is not base64url of ${length} bytes`);
  return bytes;
}

function hexBytes(hex) {
  return Uint8Array.from(hex.match(/../g), (pair) => parseInt(pair, 16));
}

function equalBytes(a, b) {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

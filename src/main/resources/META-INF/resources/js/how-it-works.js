// "How it works": shows the person the prefix their own last check sent, and lets them make a
// fingerprint without sending anything at all.
import { PREFIX_LENGTH, sha1Hex } from './normalise.js';

const ownPrefix = document.querySelector('[data-own-prefix]');
const form = document.getElementById('try-form');
const input = document.getElementById('try-input');
const output = form.querySelector('[data-try-output]');

function showOwnPrefix() {
  let prefix = null;
  try {
    prefix = sessionStorage.getItem('leakwatch.lastPrefix');
  } catch {
    // Storage may be off
  }
  if (prefix && /^[0-9A-F]{5}$/.test(prefix)) {
    ownPrefix.querySelector('[data-own-prefix-value]').textContent = prefix;
    ownPrefix.hidden = false;
  }
}

async function fingerprint(event) {
  event.preventDefault();
  if (!window.crypto || !crypto.subtle) return;
  // Exactly what was typed: the point here is the fingerprint, not the standard form
  const hash = await sha1Hex(input.value);
  output.querySelector('[data-try-prefix]').textContent = hash.substring(0, PREFIX_LENGTH);
  output.querySelector('[data-try-rest]').textContent = hash.substring(PREFIX_LENGTH);
  output.hidden = false;
}

form.addEventListener('submit', fingerprint);
showOwnPrefix();

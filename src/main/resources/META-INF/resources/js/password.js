// The password check, in the manner of Pwned Passwords: the password is hashed here, only the
// hash's first 5 characters are sent (with padding), and the answer is matched here.
import { PREFIX_LENGTH, sha1Hex } from './normalise.js';
import { messageFor, rememberPrefix, showProblem, showStatus, timeCheck } from './page.js';

const form = document.getElementById('password-form');
const input = document.getElementById('password');
const show = document.getElementById('show-password');
const problem = document.getElementById('password-problem');
const result = document.getElementById('result');

async function check(event) {
  event.preventDefault();
  const timer = timeCheck();
  showProblem(input, problem, null);
  result.hidden = true;
  if (input.value === '') {
    showProblem(input, problem, messageFor('problem-empty'));
    return;
  }
  if (!window.crypto || !crypto.subtle) {
    showStatus(messageFor('insecure'));
    return;
  }
  showStatus(messageFor('checking'));
  try {
    // A password is hashed exactly as typed: no trimming, no normalisation
    const hash = await sha1Hex(input.value);
    const prefix = hash.substring(0, PREFIX_LENGTH);
    const request = `/range/${prefix}`;
    const response = await fetch(request, { headers: { 'Add-Padding': 'true' } });
    if (!response.ok) {
      showStatus(messageFor(response.status === 503 ? 'not-ready' : 'network'));
      return;
    }
    showResult(timesSeen(await response.text(), hash.substring(PREFIX_LENGTH)), prefix, request);
    rememberPrefix(prefix);
    showStatus('');
    timer.resultShown();
  } catch {
    showStatus(messageFor('network'));
  }
}

/** The count on the line of this suffix; padding lines count 0, the same as no line. */
function timesSeen(body, suffix) {
  for (const line of body.split('\r\n')) {
    const [lineSuffix, count] = line.split(':');
    if (lineSuffix.toUpperCase() === suffix) return Number(count);
  }
  return 0;
}

function showResult(count, prefix, request) {
  const found = count > 0;
  for (const outcome of result.querySelectorAll('[data-outcome]')) {
    outcome.hidden = outcome.dataset.outcome !== (found ? 'found' : 'not-found');
  }
  if (found) {
    const line = result.querySelector('[data-count]');
    const formatted = new Intl.NumberFormat(document.documentElement.lang).format(count);
    line.textContent = count === 1 ? line.dataset.one : line.dataset.many.replace('#', formatted);
    const meanings = [...result.querySelectorAll('[data-meaning]')];
    const meaning = meanings.filter((m) => Number(m.dataset.minimumCount) <= count).pop();
    for (const m of meanings) m.hidden = m !== meaning;
  }
  for (const slot of result.querySelectorAll('[data-sent-prefix]')) slot.textContent = prefix;
  for (const slot of result.querySelectorAll('[data-sent-request]')) slot.textContent = `GET ${request}`;
  result.hidden = false;
  const heading = result.querySelector(`[data-outcome="${found ? 'found' : 'not-found'}"] [data-heading]`);
  document.title = `${heading.textContent} · Leakwatch`;
  heading.focus();
}

show.addEventListener('change', () => {
  input.type = show.checked ? 'text' : 'password';
});
form.addEventListener('submit', check);

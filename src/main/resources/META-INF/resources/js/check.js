// The home page's check. Everything that could identify a person stays in this page: the input is
// normalised and hashed here, only the hash's first 5 characters are sent, the answer is matched
// here, and the result's details are fetched for every breach the answer names (not only the ones
// matched), so no request says more than the prefix did.
import { detectType, normalise, PREFIX_LENGTH, sha1Hex } from './normalise.js';
import { messageFor, rememberPrefix, showProblem, showStatus, timeCheck } from './page.js';

const form = document.getElementById('check-form');
const input = document.getElementById('identifier');
const typeChoice = document.getElementById('identifier-type');
const checkedAs = document.getElementById('checked-as');
const problem = document.getElementById('identifier-problem');
const result = document.getElementById('result');

/** Well inside the 4,096 characters a request line may have. */
const MAX_NAMES_LENGTH = 2000;

let phoneRules = null;

/** libphonenumber's rules, fetched once, when a phone number is first in sight. */
function loadPhoneRules() {
  if (phoneRules === null) {
    phoneRules = fetch('/check/phone-rules.json').then((response) => {
      if (!response.ok) throw new Error(`phone rules: ${response.status}`);
      return response.json();
    });
    phoneRules.catch(() => { phoneRules = null; });
  }
  return phoneRules;
}

function chosenType() {
  return typeChoice.value || detectType(input.value);
}

function showCheckedAs() {
  const type = input.value.trim() ? chosenType() : null;
  checkedAs.textContent = type ? messageFor(`checked-as-${type}`) : '';
  if (type === 'phone') loadPhoneRules();
}

async function check(event) {
  event.preventDefault();
  const timer = timeCheck();
  showProblem(input, problem, null);
  result.replaceChildren();
  if (!input.value.trim()) {
    showProblem(input, problem, 'empty');
    return;
  }
  if (!window.crypto || !crypto.subtle) {
    showStatus(messageFor('insecure'));
    return;
  }
  const type = chosenType();
  showStatus(messageFor('checking'));
  try {
    const outcome = normalise(type, input.value, type === 'phone' ? await loadPhoneRules() : null);
    if (outcome.problem) {
      showStatus('');
      showProblem(input, problem, outcome.problem);
      return;
    }
    const hash = await sha1Hex(outcome.normalised);
    const prefix = hash.substring(0, PREFIX_LENGTH);
    const request = `/api/v1/range/search/${prefix}`;
    const entries = await fetchOrExplain(request, { headers: { 'Add-Padding': 'true' } }).then((r) => r.json());
    const suffix = hash.substring(PREFIX_LENGTH);
    const match = entries.find((entry) => entry.hashSuffix.toUpperCase() === suffix);
    const named = [...new Set(entries.flatMap((entry) => entry.websites))].sort().join(',');
    // Too many names for an address: the details of every breach tell the server just as little
    const detailsUrl = `/check/details?names=${named.length <= MAX_NAMES_LENGTH ? encodeURIComponent(named) : '*'}`;
    const details = await fetchOrExplain(detailsUrl).then((r) => r.text());
    showResult(details, new Set(match ? match.websites : []), prefix, request);
    rememberPrefix(prefix);
    showStatus('');
    timer.resultShown();
  } catch (failure) {
    showStatus(failure.explanation || messageFor('network'));
  }
}

async function fetchOrExplain(url, options) {
  const response = await fetch(url, options);
  if (response.ok) return response;
  const failure = new Error(`${url}: ${response.status}`);
  failure.explanation = messageFor(response.status === 429 ? 'rate-limited' : response.status === 503 ? 'not-ready' : 'network');
  throw failure;
}

/** Keeps, of the details of every named breach, those of the breaches matched, and what follows. */
function showResult(html, matched, prefix, request) {
  const details = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-result]');
  for (const breach of details.querySelectorAll('[data-breach]')) {
    if (!matched.has(breach.dataset.breach)) breach.remove();
  }
  const breaches = details.querySelectorAll('[data-breach]');
  const found = breaches.length > 0;
  details.querySelector(`[data-outcome="${found ? 'not-found' : 'found'}"]`).remove();
  if (found) {
    const exposed = new Set([...breaches].flatMap((breach) => breach.dataset.classes.split(' ')));
    let rank = 1;
    for (const advice of details.querySelectorAll('[data-advice]')) {
      if (exposed.has(advice.dataset.advice)) {
        rank = Math.max(rank, Number(advice.dataset.rank));
      } else {
        advice.remove();
      }
    }
    // A risk rule applies when each of its requirements (;) is met by one of its data classes (space)
    for (const rule of details.querySelectorAll('[data-requires]')) {
      const applies = rule.dataset.requires.split(';').every((anyOf) => anyOf.split(' ').some((slug) => exposed.has(slug)));
      if (applies) {
        rank = Math.max(rank, Number(rule.dataset.rank));
      } else {
        rule.remove();
      }
    }
    for (const level of details.querySelectorAll('[data-level]')) {
      if (Number(level.dataset.rank) !== rank) level.remove();
    }
    const heading = details.querySelector('[data-heading]');
    heading.textContent = breaches.length === 1 ? heading.dataset.one : heading.dataset.many.replace('#', breaches.length);
  }
  for (const slot of details.querySelectorAll('[data-sent-prefix]')) slot.textContent = prefix;
  for (const slot of details.querySelectorAll('[data-sent-request]')) slot.textContent = `GET ${request}`;
  result.replaceChildren(details);
  const heading = result.querySelector('[data-heading]');
  document.title = `${heading.textContent} · Leakwatch`;
  heading.focus();
}

input.addEventListener('input', showCheckedAs);
typeChoice.addEventListener('change', showCheckedAs);
form.addEventListener('submit', check);
showCheckedAs();

// The home page's check. Everything that could identify a person stays in this page: the input is
// normalised and hashed here; only the hash's 5-character bucket and a blinded point, random-looking
// and new for every check, are sent (js/oprf.js); the answer is unblinded and matched here; and the
// result's details are fetched for every breach the bucket names (not only the ones matched), so no
// request says more than the bucket did.
import { sha1Hex } from './normalise.js';
import { detectType, examine, needsPhoneRules } from './identify.js';
import { loadPhoneRules, messageFor, rememberPrefix, showProblem, showStatus, timeCheck } from './page.js';

const form = document.getElementById('check-form');
const input = document.getElementById('identifier');
const typeChoice = document.getElementById('identifier-type');
const checkedAs = document.getElementById('checked-as');
const problem = document.getElementById('identifier-problem');
const problemText = document.getElementById('identifier-problem-text');
const suggested = document.getElementById('check-suggested');
const asTyped = document.getElementById('check-as-typed');
const result = document.getElementById('result');
const promise = document.getElementById('promise');

/** Well inside the 4,096 characters a request line may have. */
const MAX_NAMES_LENGTH = 2000;

let oprf = null;

/**
 * The oblivious lookup and its elliptic-curve library (about 120 KB compressed), loaded when someone
 * starts typing rather than with the page, which stays light; it is there by the time they submit.
 */
function loadOprf() {
  if (oprf === null) {
    oprf = import('./oprf.js');
    oprf.catch(() => { oprf = null; });
  }
  return oprf;
}

function showCheckedAs() {
  const type = input.value.trim() ? typeChoice.value || detectType(input.value) : null;
  if (type) loadOprf();
  checkedAs.textContent = type ? messageFor(`checked-as-${type}`) : '';
  if (type === 'phone' || needsPhoneRules(input.value)) loadPhoneRules();
}

/**
 * What looks wrong, and the ways on: check the likely identifier (the input with its look-alike letters
 * read as digits) as its likely type, or check the input as typed, which the person then chose.
 */
function showExamined(examined) {
  showProblem(input, problem, examined.problem === null ? null
    : messageFor(`problem-${examined.problem}`).replace('#', examined.count), problemText);
  suggested.hidden = examined.suggestion === null;
  suggested.textContent = examined.suggestion === null ? ''
      : messageFor(`check-suggested-${examined.likelyType}`).replace('#', examined.suggestion);
  suggested.onclick = () => {
    input.value = examined.suggestion;
    typeChoice.value = examined.likelyType;
    showCheckedAs();
    check();
  };
  asTyped.hidden = examined.asTyped === null;
  asTyped.textContent = examined.asTyped === null ? '' : messageFor(`check-as-typed-${examined.asTyped}`);
  asTyped.onclick = () => {
    typeChoice.value = examined.asTyped;
    showCheckedAs();
    check(null, true);
  };
}

const NOTHING_WRONG = { problem: null, suggestion: null, asTyped: null };

async function check(event, anyway = false) {
  event?.preventDefault();
  const timer = timeCheck();
  showExamined(NOTHING_WRONG);
  result.replaceChildren();
  if (!window.crypto || !crypto.subtle) {
    showStatus(messageFor('insecure'));
    return;
  }
  showStatus(messageFor('checking'));
  try {
    const rules = typeChoice.value === 'phone' || needsPhoneRules(input.value) ? await loadPhoneRules() : null;
    const examined = examine(input.value, typeChoice.value || null, rules, anyway);
    if (examined.problem) {
      showStatus('');
      showExamined(examined);
      return;
    }
    const hash = await sha1Hex(examined.normalised);
    const { checkAccount, AnswerProblem, CHECK_PATH } = await loadOprf();
    const checked = await checkAccount(hash, fetchOrExplain).catch((failure) => {
      if (failure instanceof AnswerProblem) failure.explanation = messageFor('bad-answer');
      throw failure;
    });
    const named = [...new Set(checked.named)].sort().join(',');
    // Too many names for an address: the details of every breach tell the server just as little
    const detailsUrl = `/check/details?names=${named.length <= MAX_NAMES_LENGTH ? encodeURIComponent(named) : '*'}`;
    const details = await fetchOrExplain(detailsUrl).then((r) => r.text());
    showResult(details, new Set(checked.matched), checked, `POST ${CHECK_PATH}`, examined.type);
    rememberPrefix(checked.bucket);
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

/**
 * Keeps, of the details of every named breach, those of the breaches matched and what follows from
 * them, as explain/RiskAssessment and explain/StepPlan decide it in Java: the risk level, the reasons,
 * the few most urgent steps first and the others by group, each step once.
 */
function showResult(html, matched, sent, request, type) {
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
    for (const item of details.querySelectorAll('[data-exposed]')) {
      if (exposed.has(item.dataset.exposed)) {
        rank = Math.max(rank, Number(item.dataset.rank));
      } else {
        item.remove();
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
    showSteps(details, exposed);
    const heading = details.querySelector('[data-heading]');
    heading.textContent = breaches.length === 1 ? heading.dataset.one : heading.dataset.many.replace('#', breaches.length);
  } else {
    for (const precautions of details.querySelectorAll('[data-precautions]')) {
      if (precautions.dataset.precautions !== type) precautions.remove();
    }
  }
  for (const slot of details.querySelectorAll('[data-sent-prefix]')) slot.textContent = sent.bucket;
  for (const slot of details.querySelectorAll('[data-sent-element]')) slot.textContent = sent.element;
  for (const slot of details.querySelectorAll('[data-sent-request]')) slot.textContent = request;
  result.replaceChildren(details);
  // The result says what left the browser: the page's general promise would only repeat it
  promise.hidden = true;
  const heading = result.querySelector('[data-heading]');
  document.title = `${heading.textContent} · Leakwatch`;
  heading.focus();
}

/** The steps the exposed data calls for: the most urgent first, the rest left in their groups. */
function showSteps(details, exposed) {
  const steps = [...details.querySelectorAll('[data-step]')];
  for (const step of steps) {
    if (!step.dataset.classes.split(' ').some((slug) => exposed.has(slug))) step.remove();
  }
  const first = details.querySelector('[data-first-steps]');
  steps.filter((step) => step.isConnected)
    .sort((a, b) => Number(a.dataset.urgency) - Number(b.dataset.urgency))
    .slice(0, Number(first.dataset.firstSteps))
    .forEach((step) => first.append(step));
  for (const group of details.querySelectorAll('[data-group]')) {
    if (!group.querySelector('[data-step]')) group.remove();
  }
}

input.addEventListener('input', showCheckedAs);
typeChoice.addEventListener('change', showCheckedAs);
form.addEventListener('submit', check);
showCheckedAs();

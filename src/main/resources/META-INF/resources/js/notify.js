// The alerts form, checked in the page before it is sent, with the check's own rules (js/identify.js).
// Unlike the check, this form does send what is typed: alerts need it. Checking here first means that a
// person keeps what they typed when something is wrong; the server, which never shows an address or an
// identifier again, refuses only what gets past this (or everything, when scripts do not run).
import { examine } from './identify.js';
import { loadPhoneRules, messageFor, showProblem } from './page.js';

const form = document.getElementById('subscribe-form');
const summary = document.getElementById('error-summary');
const summaryList = summary.querySelector('[data-summary-list]');
const fields = [...form.querySelectorAll('input[data-type]')];

/** What is wrong with a field, in words, or null. */
function problemOf(field, rules) {
  if (!field.value.trim()) return field.dataset.type === 'email' ? messageFor('email-required') : null;
  const examined = examine(field.value, field.dataset.type, rules);
  return examined.problem ? messageFor(`problem-${examined.problem}`).replace('#', examined.count) : null;
}

function labelOf(field) {
  return form.querySelector(`label[for="${field.id}"]`).textContent;
}

/** The error summary: one link per field in error, which takes the focus to that field. */
function showSummary(problems) {
  summaryList.replaceChildren(...problems.map(([field, text]) => {
    const link = document.createElement('a');
    link.href = `#${field.id}`;
    link.textContent = messageFor('field-problem').replace('%label', labelOf(field)).replace('%problem', text);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      field.focus();
    });
    const item = document.createElement('li');
    item.append(link);
    return item;
  }));
  for (const note of summary.querySelectorAll('p')) note.remove();
  summary.hidden = false;
  summary.focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  let rules = null;
  if (fields.some((field) => field.dataset.type === 'phone' && field.value.trim())) {
    try {
      rules = await loadPhoneRules();
    } catch {
      form.submit(); // the server checks the number as well
      return;
    }
  }
  const problems = fields.map((field) => [field, problemOf(field, rules)]);
  for (const [field, text] of problems) {
    showProblem(field, document.getElementById(`${field.id}-problem`), text);
  }
  const refused = problems.filter(([, text]) => text !== null);
  if (refused.length === 0) {
    form.submit();
  } else {
    showSummary(refused);
  }
});

// A request the server refused comes back with its summary: the focus goes there first
if (!summary.hidden) summary.focus();

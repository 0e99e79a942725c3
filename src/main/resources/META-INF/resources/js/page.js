// What the pages with identifier fields share: their words (rendered by the server into hidden
// elements, so that every message is translated), status and problem display, libphonenumber's rules,
// and the check's timing.
const messages = document.getElementById('check-messages');
const status = document.getElementById('check-status');

let phoneRules = null;

/** libphonenumber's rules, fetched once, when a phone number is first in sight. */
export function loadPhoneRules() {
  if (phoneRules === null) {
    phoneRules = fetch('/check/phone-rules.json').then((response) => {
      if (!response.ok) throw new Error(`phone rules: ${response.status}`);
      return response.json();
    });
    phoneRules.catch(() => { phoneRules = null; });
  }
  return phoneRules;
}

export function messageFor(key) {
  return messages.querySelector(`[data-message="${key}"]`).textContent;
}

export function showStatus(text) {
  status.textContent = text;
}

/** Shows what is wrong with an input next to the field, in textElement (null: nothing). */
export function showProblem(field, element, text, textElement = element) {
  textElement.textContent = text ?? '';
  element.hidden = text === null;
  if (text === null) {
    field.removeAttribute('aria-invalid');
  } else {
    field.setAttribute('aria-invalid', 'true');
    field.focus();
  }
}

/** Kept for this tab only, so that "How it works" can show the person their own prefix. */
export function rememberPrefix(prefix) {
  try {
    sessionStorage.setItem('leakwatch.lastPrefix', prefix);
  } catch {
    // Storage may be off; the example on that page is enough
  }
}

/**
 * Marks the time from submitting to the result on screen (the second animation frame after it is
 * in the page: the first one paints it), as the performance measure "leakwatch-check".
 */
export function timeCheck() {
  performance.clearMarks('leakwatch-submit');
  performance.clearMarks('leakwatch-result');
  performance.clearMeasures('leakwatch-check');
  performance.mark('leakwatch-submit');
  return {
    resultShown() {
      requestAnimationFrame(() => requestAnimationFrame(() => {
        performance.mark('leakwatch-result');
        performance.measure('leakwatch-check', 'leakwatch-submit', 'leakwatch-result');
      }));
    },
  };
}

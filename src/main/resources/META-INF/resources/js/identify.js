// What a typed identifier most likely is, and whether it looks like a mistyped identifier of another
// type. A check of the wrong thing ends in "not found": a false all-clear for a worried person. So an
// input that is almost an ID number or a phone number (a letter where a digit belongs, a digit too
// many or too few, a number that no phone in China has) is never checked as something else without
// saying so: the page says what looks wrong and offers the likely type.
import { compatible, isValidInDefaultRegion, normalise } from './normalise.js';

/** What people write between digits, as the phone normaliser removes it. */
const SEPARATORS = /[\p{White_Space}\p{Pd}.()]/gu;
/** Letters typed for the digits they look like. */
const LOOKALIKES = { O: '0', o: '0', l: '1', I: '1' };
const LOOKALIKE = /[OolI]/g;
/** Shorter than that, or more letters than digits, and it is a name with digits, not a slip. */
const MIN_LENGTH_WITH_LOOKALIKES = 7;
/** Lengths around the 18 (and legacy 15) characters of an ID number that are likely slips. */
const MIN_ID_LIKE = 14;
const MAX_ID_LIKE = 20;

function compact(input) {
  return compatible(input).replace(SEPARATORS, '');
}

/** An 18-character ID number, or a legacy 15-digit one, by its shape only. */
function isIdShaped(value) {
  return /^[1-9][0-9]{16}[0-9Xx]$/.test(value) || /^[1-9][0-9]{14}$/.test(value);
}

/** Starts with an area code and a birth date as an ID number does, but has the wrong length. */
function isIdOfWrongLength(value) {
  return value.length >= MIN_ID_LIKE && value.length <= MAX_ID_LIKE && !isIdShaped(value)
      && /^[1-9][0-9]+[Xx]?$/.test(value) && isPlausibleBirthDate(value.substring(6, 14));
}

function isPlausibleBirthDate(yyyymmdd) {
  const [year, month, day] = [yyyymmdd.substring(0, 4), yyyymmdd.substring(4, 6), yyyymmdd.substring(6, 8)].map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date <= new Date() && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The type an input most likely is, for the home page's "work it out" choice. */
export function detectType(input) {
  const value = compact(input);
  if (value.includes('@')) return 'email';
  if (isIdShaped(value)) return 'national-id';
  if (/^\+?[0-9]{3,}$/.test(value)) return 'phone';
  return 'username';
}

/** Whether examining the input may need libphonenumber's rules (/check/phone-rules.json). */
export function needsPhoneRules(input) {
  return (compact(input).match(/[0-9]/g) || []).length >= 3;
}

/**
 * With its look-alike letters read as digits, the ID number or phone number an input would be:
 * { type, corrected }, or null when it has none, or is more letters than digits.
 */
function lookalikeCorrection(value, rules) {
  const letters = (value.match(LOOKALIKE) || []).length;
  const digits = (value.match(/[0-9]/g) || []).length;
  if (letters === 0 || letters > digits || letters + digits < MIN_LENGTH_WITH_LOOKALIKES
      || !/^\+?[0-9OolI]+[Xx]?$/.test(value)) {
    return null;
  }
  const corrected = value.replace(LOOKALIKE, (letter) => LOOKALIKES[letter]);
  if (isIdShaped(corrected) || isIdOfWrongLength(corrected)) return { type: 'national-id', corrected };
  if (rules && /^\+?[0-9]+$/.test(corrected)) {
    const phone = normalise('phone', corrected, rules);
    if (phone.normalised && isValidInDefaultRegion(phone.normalised, rules) !== false) return { type: 'phone', corrected };
  }
  return null;
}

/**
 * What to do with an input, checked as {@code chosen} or, when null, as the type it most likely is:
 * - { type, normalised }: check it;
 * - { type, problem, count, likelyType, suggestion, asTyped }: say what looks wrong (problem, a slug of
 *   identifier/InputProblem; count fills its #), and offer to check the suggestion as likelyType, or the
 *   input as typed as asTyped, where those make sense (null otherwise).
 * {@code anyway}: the person asked to check it as typed, so a valid form is not questioned again.
 */
export function examine(input, chosen, rules, anyway = false) {
  if (!input.trim()) return refused(chosen, 'empty');
  const value = compact(input);
  const type = chosen || detectType(input);
  const outcome = normalise(type, input, type === 'phone' ? rules : null);
  if (!chosen) {
    const lookalike = lookalikeCorrection(value, rules);
    if (lookalike !== null) {
      return refused(type, `${lookalike.type}-letter-for-digit`, {
        likelyType: lookalike.type, suggestion: lookalike.corrected, asTyped: outcome.normalised ? type : null,
      });
    }
  }
  if (outcome.problem) {
    if (chosen === 'national-id' || chosen === 'phone') {
      const lookalike = lookalikeCorrection(value, chosen === 'phone' ? rules : null);
      if (lookalike !== null && lookalike.type === chosen) {
        return refused(type, `${chosen}-letter-for-digit`, { likelyType: chosen, suggestion: lookalike.corrected });
      }
    }
    if ((type === 'phone' || outcome.problem === 'national-id-format') && isIdOfWrongLength(value)) {
      return refused(type, 'national-id-length', { likelyType: 'national-id', count: value.length });
    }
    return refused(type, outcome.problem);
  }
  if (type === 'phone' && !anyway && isValidInDefaultRegion(outcome.normalised, rules) === false) {
    return refused(type, 'phone-not-valid', { likelyType: 'phone', asTyped: 'phone' });
  }
  return { type, normalised: outcome.normalised };
}

function refused(type, problem, { count = null, likelyType = null, suggestion = null, asTyped = null } = {}) {
  return { type, problem, count, likelyType, suggestion, asTyped };
}

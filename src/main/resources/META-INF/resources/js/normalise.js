// The browser's port of io.leakwatch.identifier.IdentifierNormaliser (shared/NORMALISATION.md).
// Both sides must turn an identifier into the same bytes: the browser tests run the shared test
// vectors through this file, and compare it with the Java code on generated inputs. Phone rules are
// libphonenumber's, served by /check/phone-rules.json; this file holds no phone data of its own.

const SURROUNDING_WHITESPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;
// Spaces, dashes of any kind, dots and brackets, which people write between a number's digits
const PHONE_FORMATTING = /[\p{White_Space}\p{Pd}.()]/gu;
// What people write between the parts of an ID number
const ID_SEPARATORS = /[\p{White_Space}\p{Pd}]/gu;

export const PREFIX_LENGTH = 5;

/**
 * The normalised form of an input of the given type ('email', 'phone', 'national-id', 'username',
 * 'password'): { normalised } when accepted, { problem } (a slug of check/InputProblem) when not.
 */
export function normalise(type, input, phoneRules) {
  switch (type) {
    case 'email': return email(input);
    case 'phone': return phone(input, phoneRules);
    case 'national-id': return nationalId(compatible(input).replace(ID_SEPARATORS, ''), todayInChina());
    case 'username': return username(input);
    case 'password': return { normalised: input };
    default: throw new Error(`Unknown identifier type ${type}`);
  }
}

/** SHA-1 of the UTF-8 bytes, as upper-case hex: the account and password hash. */
export async function sha1Hex(text) {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('').toUpperCase();
}

function trimWhitespace(input) {
  return input.replace(SURROUNDING_WHITESPACE, '');
}

/**
 * Full-width digits, letters, plus signs, brackets and spaces (as Chinese input methods type them) as
 * their ASCII forms: NFKC, for phone and ID numbers, as IdentifierNormaliser.compatible does.
 */
export function compatible(input) {
  return /^[\x00-\x7F]*$/.test(input) ? input : input.normalize('NFKC');
}

function rejected(problem) {
  return { problem };
}

const CASED = /\p{Cased}/u;
const WORD_LETTER = /[\p{L}\p{M}]/u;
const OWN_WORD_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const DIGIT = /\p{N}/u;
// What java.text.BreakIterator's word rules let join two letters, or two digits, into one word
const MID_LETTER = new Set(['"', "'", '-', '.', '_', '\u2027', '\u00AD', '\u200B', '\u2010', '\u2011']);
const MID_NUMBER = new Set(['.', ',']);

/**
 * String.toLowerCase(Locale.ROOT) as Java does it. They differ only on capital sigma: Java makes it
 * final (ς) when a cased letter comes before it in the same word and none after it, with words as
 * java.text.BreakIterator finds them (ConditionalSpecialCasing); JavaScript follows Unicode's rule,
 * which looks only past case-ignorable neighbours.
 */
function lowerCaseAsJava(text) {
  if (!text.includes('\u03A3')) return text.toLowerCase();
  const characters = Array.from(text);
  return characters.map((character, i) => {
    if (character !== '\u03A3') return character.toLowerCase();
    const [start, end] = javaWordAround(characters, i);
    const casedBefore = characters.slice(start, i).some((c) => CASED.test(c));
    const casedAfter = characters.slice(i + 1, end).some((c) => CASED.test(c));
    return casedBefore && !casedAfter ? '\u03C2' : '\u03C3';
  }).join('');
}

/** The bounds of the word (of letters and digits) around a letter, as Java's BreakIterator has them. */
function javaWordAround(characters, at) {
  const kind = (c) => (c === undefined ? 'other'
    : OWN_WORD_SCRIPT.test(c) ? 'own' : WORD_LETTER.test(c) ? 'letter' : DIGIT.test(c) ? 'digit' : 'other');
  const joins = (left, middle, right) => {
    const [a, b] = [kind(left), kind(right)];
    return (a === 'letter' && b === 'letter' && MID_LETTER.has(middle)) || (a === 'digit' && b === 'digit' && MID_NUMBER.has(middle));
  };
  const inWord = (k) => k === 'letter' || k === 'digit';
  let start = at;
  while (start > 0 && (inWord(kind(characters[start - 1]))
      || (start > 1 && joins(characters[start - 2], characters[start - 1], characters[start])))) {
    start -= inWord(kind(characters[start - 1])) ? 1 : 2;
  }
  let end = at + 1;
  while (end < characters.length && (inWord(kind(characters[end]))
      || joins(characters[end - 1], characters[end], characters[end + 1]))) {
    end += inWord(kind(characters[end])) ? 1 : 2;
  }
  return [start, end];
}

// ---- Email: trimmed, lower-cased, the domain as ASCII (java.net.IDN.toASCII, IDNA 2003)

function email(input) {
  const address = trimWhitespace(input);
  const at = address.indexOf('@');
  if (at <= 0 || at !== address.lastIndexOf('@')) return rejected('email-format');
  // As in Java: the position of @ is taken before lower-casing
  const lowerCased = lowerCaseAsJava(address);
  const asciiDomain = domainToAscii(lowerCased.substring(at + 1));
  if (asciiDomain === null || !asciiDomain.includes('.')) return rejected('email-format');
  return { normalised: lowerCased.substring(0, at + 1) + asciiDomain };
}

const LABEL_SEPARATOR = /[.\u3002\uFF0E\uFF61]/;
const MAX_LABEL_LENGTH = 63;

/** java.net.IDN.toASCII(domain): labels split on the four IDNA dots; null where Java throws. */
function domainToAscii(domain) {
  if (domain.length === 1 && LABEL_SEPARATOR.test(domain)) return '.';
  let out = '';
  let start = 0;
  while (start < domain.length) {
    let end = start;
    while (end < domain.length && !LABEL_SEPARATOR.test(domain[end])) end++;
    const label = labelToAscii(domain.substring(start, end));
    if (label === null) return null;
    out += label;
    if (end !== domain.length) out += '.';
    start = end + 1;
  }
  return out;
}

function labelToAscii(label) {
  const ascii = isAscii(label);
  const prepared = ascii ? label : nameprep(label);
  if (prepared === null || prepared.length === 0) return null;
  let result = prepared;
  if (!ascii && !isAscii(prepared)) {
    if (prepared.toLowerCase().startsWith('xn--')) return null;
    result = `xn--${punycode(prepared).toLowerCase()}`;
  }
  return result.length > MAX_LABEL_LENGTH ? null : result;
}

function isAscii(text) {
  return /^[\x00-\x7F]*$/.test(text);
}

// RFC 3454 table B.1 (mapped to nothing) and the prohibited tables of the Nameprep profile
// (RFC 3491: C.1.2, C.2.2, C.3 to C.9), written as ranges.
const MAPPED_TO_NOTHING = /[\u00AD\u034F\u1806\u180B-\u180D\u200B-\u200D\u2060\uFE00-\uFE0F\uFEFF]/gu;
const PROHIBITED = new RegExp('[\\u00A0\\u1680\\u2000-\\u200B\\u202F\\u205F\\u3000' // C.1.2 non-ASCII space
  + '\\u0080-\\u009F\\u06DD\\u070F\\u180E\\u200C\\u200D\\u2028\\u2029\\u2060-\\u2063\\u206A-\\u206F'
  + '\\uFEFF\\uFFF9-\\uFFFC\\u{1D173}-\\u{1D17A}' // C.2.2 non-ASCII control
  + '\\uE000-\\uF8FF\\u{F0000}-\\u{FFFFD}\\u{100000}-\\u{10FFFD}' // C.3 private use
  + '\\uFDD0-\\uFDEF\\uFFFE\\uFFFF' // C.4 non-characters (the BMP's; the other planes' below)
  + '\\uD800-\\uDFFF' // C.5 surrogates
  + '\\uFFFD\\u2FF0-\\u2FFB\\u0340\\u0341\\u200E\\u200F\\u202A-\\u202E' // C.6, C.7, C.8
  + '\\u{E0001}\\u{E0020}-\\u{E007F}' // C.9 tagging
  + ']|\\p{Noncharacter_Code_Point}|\\p{Cn}', 'u');

/**
 * Nameprep (RFC 3491) as far as the browser's own Unicode tables allow: B.1 removed, case folded by
 * lower-casing and NFKC. Java applies Unicode 3.2 and the exact B.2 fold, so they differ on code
 * points assigned since, on a few folds (ß stays ß here; Java makes it ss) and on the bidi rule,
 * which is not checked here; none of these occur in the test vectors (see README).
 */
function nameprep(label) {
  const mapped = label.replace(MAPPED_TO_NOTHING, '').toLowerCase().normalize('NFKC').toLowerCase().normalize('NFKC');
  return PROHIBITED.test(mapped) ? null : mapped;
}

/** Punycode (RFC 3492) of a label's code points, without the xn-- prefix. */
function punycode(input) {
  const BASE = 36;
  const T_MIN = 1;
  const T_MAX = 26;
  const SKEW = 38;
  const DAMP = 700;
  const codePoints = Array.from(input, (character) => character.codePointAt(0));
  const digit = (value) => String.fromCharCode(value + (value < 26 ? 97 : 22));
  const adapt = (delta, pointCount, first) => {
    let scaled = first ? Math.floor(delta / DAMP) : delta >> 1;
    scaled += Math.floor(scaled / pointCount);
    let k = 0;
    while (scaled > ((BASE - T_MIN) * T_MAX) >> 1) {
      scaled = Math.floor(scaled / (BASE - T_MIN));
      k += BASE;
    }
    return k + Math.floor(((BASE - T_MIN + 1) * scaled) / (scaled + SKEW));
  };
  let output = codePoints.filter((c) => c < 0x80).map((c) => String.fromCharCode(c)).join('');
  const basicCount = output.length;
  let handled = basicCount;
  if (basicCount > 0) output += '-';
  let n = 0x80;
  let delta = 0;
  let bias = 72;
  while (handled < codePoints.length) {
    const next = Math.min(...codePoints.filter((c) => c >= n));
    delta += (next - n) * (handled + 1);
    n = next;
    for (const c of codePoints) {
      if (c < n) delta++;
      if (c === n) {
        let q = delta;
        for (let k = BASE; ; k += BASE) {
          const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
          if (q < t) break;
          output += digit(t + ((q - t) % (BASE - t)));
          q = Math.floor((q - t) / (BASE - t));
        }
        output += digit(q);
        bias = adapt(delta, handled + 1, handled === basicCount);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return output;
}

// ---- Phone: PhoneNumberUtil.parse(number, default region), isPossibleNumberWithReason, E.164

const MIN_LENGTH_FOR_NSN = 2;
const MAX_LENGTH_FOR_NSN = 17;
const MAX_LENGTH_COUNTRY_CODE = 3;
const MAX_INPUT_STRING_LENGTH = 250;

function phone(input, rules) {
  let digits = compatible(input).replace(PHONE_FORMATTING, '');
  if (!/^\+?[0-9]+$/.test(digits)) return rejected('phone-format');
  // 00 is the international prefix in most of the world, whatever the default region's own prefix
  if (digits.startsWith('00')) digits = `+${digits.substring(2)}`;
  const number = parsePhone(digits, rules);
  if (number === null) return rejected('phone-format');
  const rulesOfCode = rules.callingCodes[number.countryCode];
  if (lengthVerdict(number.nationalNumber, rulesOfCode) !== 'possible') return rejected('phone-not-possible');
  return { normalised: `+${number.countryCode}${number.nationalNumber}` };
}

/**
 * For a normalised (E.164) number of the default region, whether it is a number of some kind there
 * (libphonenumber's isValidNumberForRegion: the region's general pattern and one of its number types,
 * each with its own lengths); null for a number of another country, which is judged possible only.
 */
export function isValidInDefaultRegion(e164, rules) {
  const region = rules.defaultRegion;
  const code = `+${region.countryCode}`;
  if (!e164.startsWith(code)) return null;
  const national = e164.substring(code.length);
  const matches = (pattern, lengths) => (lengths.length === 0 || lengths.includes(national.length))
      && new RegExp(`^(?:${pattern})$`).test(national);
  return matches(region.nationalNumberPattern, region.possibleLengths)
      && rules.defaultRegionTypes.some((type) => matches(type.pattern, type.possibleLengths));
}

class ParseFailure extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}

/** { countryCode, nationalNumber } for an input of optional + and ASCII digits, or null. */
function parsePhone(number, rules) {
  if (number.length > MAX_INPUT_STRING_LENGTH || !isViable(number)) return null;
  const defaults = rules.defaultRegion;
  let extracted;
  try {
    try {
      extracted = extractCountryCode(number, defaults, rules);
    } catch (failure) {
      if (!(failure instanceof ParseFailure) || failure.reason !== 'invalid-country-code' || !number.startsWith('+')) {
        throw failure;
      }
      // As libphonenumber does: try again without the plus sign
      extracted = extractCountryCode(number.replace(/^\++/, ''), defaults, rules);
      if (extracted.countryCode === 0) return null;
    }
  } catch (failure) {
    if (failure instanceof ParseFailure) return null;
    throw failure;
  }
  let region = defaults;
  let countryCode = extracted.countryCode;
  let national;
  if (countryCode !== 0) {
    const main = rules.callingCodes[countryCode];
    if (main.region !== defaults.region) region = main;
    national = extracted.nationalNumber;
  } else {
    national = number;
    countryCode = defaults.countryCode;
  }
  if (national.length < MIN_LENGTH_FOR_NSN) return null;
  const stripped = stripNationalPrefix(national, region);
  if (stripped !== null) {
    const verdict = lengthVerdict(stripped, region);
    if (verdict !== 'too-short' && verdict !== 'possible-local-only' && verdict !== 'invalid-length') {
      national = stripped;
    }
  }
  if (national.length < MIN_LENGTH_FOR_NSN || national.length > MAX_LENGTH_FOR_NSN) return null;
  return { countryCode, nationalNumber: national };
}

/** isViablePhoneNumber for input of optional + and digits: two digits, or three after a plus. */
function isViable(number) {
  return number.startsWith('+') ? number.length - 1 >= 3 : number.length >= MIN_LENGTH_FOR_NSN;
}

/** maybeExtractCountryCode: { countryCode: 0 } when the number has none. */
function extractCountryCode(number, defaults, rules) {
  if (number.length === 0) return { countryCode: 0 };
  let full = number;
  let fromDefaultCountry = false;
  if (full.startsWith('+')) {
    full = full.replace(/^\++/, '');
  } else {
    const idd = stripInternationalPrefix(full, defaults.internationalPrefix);
    if (idd === null) {
      fromDefaultCountry = true;
    } else {
      full = idd;
    }
  }
  if (!fromDefaultCountry) {
    if (full.length <= MIN_LENGTH_FOR_NSN) throw new ParseFailure('too-short-after-idd');
    const found = leadingCountryCode(full, rules);
    if (found !== null) return found;
    throw new ParseFailure('invalid-country-code');
  }
  // A number that starts with the default region's own code, written without a plus
  const code = String(defaults.countryCode);
  if (full.startsWith(code)) {
    let potential = full.substring(code.length);
    const stripped = stripNationalPrefix(potential, defaults);
    if (stripped !== null) potential = stripped;
    if ((!matchesNational(full, defaults) && matchesNational(potential, defaults))
        || lengthVerdict(full, defaults) === 'too-long') {
      return { countryCode: defaults.countryCode, nationalNumber: potential };
    }
  }
  return { countryCode: 0 };
}

/** parsePrefixAsIdd: the number without its international prefix, or null. */
function stripInternationalPrefix(number, internationalPrefix) {
  if (!internationalPrefix) return null;
  const match = new RegExp(`^(?:${internationalPrefix})`).exec(number);
  if (match === null) return null;
  const rest = number.substring(match[0].length);
  // Country calling codes never start with 0
  if (rest.startsWith('0')) return null;
  return rest;
}

function leadingCountryCode(full, rules) {
  if (full.length === 0 || full.startsWith('0')) return null;
  for (let length = 1; length <= MAX_LENGTH_COUNTRY_CODE && length <= full.length; length++) {
    const code = Number(full.substring(0, length));
    if (rules.callingCodes[code]) return { countryCode: code, nationalNumber: full.substring(length) };
  }
  return null;
}

/** maybeStripNationalPrefixAndCarrierCode: the number without its national prefix, or null. */
function stripNationalPrefix(number, region) {
  const prefixPattern = region.nationalPrefixForParsing;
  if (number.length === 0 || !prefixPattern) return null;
  const prefix = new RegExp(`^(?:${prefixPattern})`);
  const match = prefix.exec(number);
  if (match === null) return null;
  const viableOriginal = matchesNational(number, region);
  const lastGroup = match[match.length - 1];
  const transformRule = region.nationalPrefixTransformRule;
  const result = !transformRule || lastGroup === undefined
    ? number.substring(match[0].length)
    : number.replace(prefix, transformRule);
  if (viableOriginal && !matchesNational(result, region)) return null;
  return result;
}

function matchesNational(number, region) {
  return Boolean(region.nationalNumberPattern) && new RegExp(`^(?:${region.nationalNumberPattern})$`).test(number);
}

/** testNumberLength against the region's general possible lengths. */
function lengthVerdict(number, region) {
  const lengths = region.possibleLengths;
  if (lengths[0] === -1) return 'invalid-length';
  const length = number.length;
  if (region.localOnlyLengths.includes(length)) return 'possible-local-only';
  if (lengths[0] === length) return 'possible';
  if (lengths[0] > length) return 'too-short';
  if (lengths[lengths.length - 1] < length) return 'too-long';
  return lengths.slice(1).includes(length) ? 'possible' : 'invalid-length';
}

// ---- National ID: PRC resident identity card (GB 11643)

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARACTERS = '10X98765432';

function nationalId(id, today) {
  if (/^[0-9]{15}$/.test(id)) {
    // The 15-digit form has a two-digit year in the 1900s and no check character
    const first17 = `${id.substring(0, 6)}19${id.substring(6)}`;
    const problem = birthDateProblem(first17, today);
    return problem ? rejected(problem) : { normalised: first17 + checkCharacter(first17) };
  }
  if (!/^[0-9]{17}[0-9Xx]$/.test(id)) return rejected('national-id-format');
  const upperCased = id.substring(0, 17) + id[17].toUpperCase();
  const problem = birthDateProblem(upperCased, today);
  if (problem) return rejected(problem);
  if (checkCharacter(upperCased.substring(0, 17)) !== upperCased[17]) return rejected('national-id-check-character');
  return { normalised: upperCased };
}

function checkCharacter(first17) {
  let sum = 0;
  for (let i = 0; i < ID_WEIGHTS.length; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return ID_CHECK_CHARACTERS[sum % 11];
}

/** @param today yyyyMMdd in China, where the ID numbers are issued */
function birthDateProblem(id, today) {
  const year = Number(id.substring(6, 10));
  const month = Number(id.substring(10, 12));
  const day = Number(id.substring(12, 14));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'national-id-birth-date';
  return id.substring(6, 14) > today ? 'national-id-future-birth-date' : null;
}

/** The proleptic Gregorian calendar, as java.time uses. */
function daysInMonth(year, month) {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function todayInChina() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date()).replaceAll('-', '');
}

// ---- Username: trimmed, 1 to 64 code points, NFKC, lower-cased

const MAX_USERNAME_LENGTH = 64;

function username(input) {
  const trimmed = trimWhitespace(input);
  const length = Array.from(trimmed).length;
  if (length < 1 || length > MAX_USERNAME_LENGTH) return rejected('username-length');
  return { normalised: lowerCaseAsJava(trimmed.normalize('NFKC')) };
}

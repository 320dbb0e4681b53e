// Numbers as simulator/formatting.py writes them (Babel), for the scenario view.
//
// One formatting rule on both sides: the server hands over Babel's symbols, this project's
// word templates and Babel's compact patterns (simulator/view.py format_rules); the
// arithmetic below is Babel's on the number's shortest decimal form (Python's str(float),
// JavaScript's String(number): the same digits), rounded half to even as Python's decimal
// module does. tests/test_browser_view.py checks every label of every sweep against the
// server's. Pure functions, no DOM: view.js uses them, and tests load this file alone.

// The shortest decimal digits of |x| and where the point goes: |x| = 0.DIGITS x 10^point.
function decimalOf(x) {
  let text = String(Math.abs(x));
  let exponent = 0;
  const e = text.indexOf("e");
  if (e >= 0) {
    exponent = Number(text.slice(e + 1));
    text = text.slice(0, e);
  }
  const [whole, fraction = ""] = text.split(".");
  let digits = whole + fraction;
  let point = whole.length + exponent;
  const lead = digits.length - digits.replace(/^0+/, "").length;
  digits = digits.slice(lead);
  point -= lead;
  if (!digits) return { digits: "0", point: 1 };
  return { digits, point };
}

// |x| rounded half to even to `places` decimals, as [whole digits, fraction digits].
function rounded(x, places) {
  const { digits, point } = decimalOf(x);
  const keep = point + places; // digits kept
  let kept = keep > 0 ? digits.slice(0, keep).padEnd(keep, "0") : "";
  const rest = keep >= 0 ? digits.slice(keep) : "0".repeat(-keep) + digits;
  let up = false;
  if (rest && rest[0] > "5") up = true;
  else if (rest && rest[0] === "5") {
    if (/[1-9]/.test(rest.slice(1))) up = true;
    else up = kept.length > 0 && Number(kept[kept.length - 1]) % 2 === 1;
  }
  if (up) kept = increment(kept || "0");
  const padded = kept.padStart(places + 1, "0");
  return [padded.slice(0, padded.length - places).replace(/^0+(?=\d)/, ""), padded.slice(padded.length - places)];
}

function increment(digits) {
  const out = digits.split("");
  let i = out.length - 1;
  while (i >= 0) {
    if (out[i] === "9") {
      out[i] = "0";
      i -= 1;
    } else {
      out[i] = String(Number(out[i]) + 1);
      return out.join("");
    }
  }
  return "1" + out.join("");
}

// Python's round(x, places) == 0, on the exact binary value (ties go to the even 0).
function roundsToZero(x, places) {
  if (x === 0) return true;
  // Far from the halfway point either way: no need for the exact value.
  const half = 0.5 * 10 ** -places;
  if (Math.abs(x) > half * 1.001) return false;
  if (Math.abs(x) < half * 0.999) return true;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  let exponent = -1074;
  if (biased !== 0) {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  // |x| = mantissa * 2^exponent against 5 * 10^-(places + 1)
  const scale = 10n ** BigInt(places + 1);
  const left = exponent >= 0 ? mantissa * (1n << BigInt(exponent)) * scale : mantissa * scale;
  const right = exponent >= 0 ? 5n : 5n << BigInt(-exponent);
  return left <= right;
}

function grouped(whole, group) {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

// fmt.number: grouping, `places` decimals (`optional`: trailing zeros dropped).
export function number(x, rules, places = 0, optional = false) {
  if (!Number.isFinite(x)) return "–";
  if (roundsToZero(x, places)) x = 0;
  const negative = x < 0 || Object.is(x, -0);
  let [whole, fraction] = rounded(x, places);
  if (optional) fraction = fraction.replace(/0+$/, "");
  const text = grouped(whole, rules.group) + (fraction ? rules.decimal + fraction : "");
  return (negative ? rules.minus : "") + text;
}

function sign(x, places) {
  if (roundsToZero(x, places)) return "";
  return x > 0 ? "+" : "-";
}

function word(rules, key, value) {
  return rules.words[key].replace("{v}", value);
}

export function signed(x, rules, places = 0) {
  return sign(x, places) + number(Math.abs(x), rules, places);
}

function scaledRupiah(x, places) {
  const size = Math.abs(x);
  // Under half a million rupiah reads as zero: "Rp0", not "Rp0,00 triliun".
  if (size < 5e-7) return ["rp_compact", 0, 0];
  if (size >= 1) return ["rp_tn", x, places];
  if (size * 1000 >= 1) {
    const bn = x * 1000;
    return ["rp_bn", bn, Math.abs(bn) >= 10 ? 0 : 1];
  }
  const mn = x * 1e6;
  return ["rp_mn", mn, Math.abs(mn) >= 10 ? 0 : 1];
}

export function rpTn(x, rules, places = 2) {
  const [key, value, p] = scaledRupiah(x, places);
  return word(rules, key, number(value, rules, p));
}

export function rpTnSigned(x, rules, places = 2) {
  const [key, value, p] = scaledRupiah(x, places);
  return sign(value, p) + word(rules, key, number(Math.abs(value), rules, p));
}

export function rpMn(x, rules, places = 1) {
  if (Math.abs(x) >= 1000) return rpTn(x / 1e6, rules);
  return word(rules, "rp_mn", number(x, rules, places, true));
}

export function usdMn(x, rules, places = 1) {
  return word(rules, "usd_mn", number(x, rules, places));
}

export function usdMnSigned(x, rules, places = 1) {
  return sign(x, places) + usdMn(Math.abs(x), rules, places);
}

// Python's round(x) of a float: to the nearest whole number, ties to even.
function roundHalfEven(x) {
  const floor = Math.floor(x);
  const rest = x - floor;
  if (rest === 0.5) return floor % 2 === 0 ? floor : floor + 1;
  return Math.round(x);
}

export function count(x, rules, noun = "units") {
  const value = roundHalfEven(x);
  const form = rules.one.includes(Math.abs(value)) ? "one" : "other";
  return word(rules, `${noun}_${form}`, number(value, rules));
}

export function percent(x, rules, places = 1) {
  return word(rules, "percent", number(x, rules, places));
}

export function percentSigned(x, rules, places = 1) {
  return word(rules, "percent", signed(x, rules, places));
}

export function pointsSigned(x, rules, places = 1) {
  return word(rules, "points", signed(x, rules, places));
}

// Babel's format_compact_decimal(value, fraction_digits=1) with the short patterns.
function compactDecimal(value, rules) {
  const { digits, point } = decimalOf(value);
  const magnitudes = Object.keys(rules.compact.other)
    .map(Number)
    .sort((a, b) => b - a);
  for (const magnitude of magnitudes) {
    if (Math.abs(value) < magnitude) continue;
    const entry = rules.compact.other[String(magnitude)];
    if (entry.plain) break;
    // Divide by a power of ten: move the point (exact, as Babel's Decimal division).
    const shift = Math.round(Math.log10(magnitude)) - (entry.zeros - 1);
    const quotientPoint = point - shift;
    const quotient = Number(`0.${digits}e${quotientPoint}`);
    const exactOne = digits === "1" && quotientPoint === 1;
    const form = exactOne && rules.compact["1"] ? "1" : exactOne && rules.compact.one ? "one" : "other";
    const pattern = (rules.compact[form] || rules.compact.other)[String(magnitude)];
    let [whole, fraction] = rounded(quotient, 1);
    fraction = fraction.replace(/0+$/, "");
    const text = whole + (fraction ? rules.decimal + fraction : "");
    return pattern.prefix + text + pattern.suffix;
  }
  return number(value, rules, 3, true);
}

export function compact(x, rules, scale = 1) {
  const value = x * scale;
  if (Math.abs(value) < 10000) {
    return number(value, rules, Math.abs(value) >= 100 || scale === 1 ? 0 : 1, true);
  }
  return compactDecimal(value, rules);
}

export function compactSigned(x, rules, kind) {
  if (kind === "percent") return pointsSigned(x, rules);
  const scale = { rp_tn: 1e12, usd_mn: 1e6 }[kind] ?? 1;
  let shown = compact(Math.abs(x), rules, scale);
  const bare = shown.replace(/^[0,.]+|[0,.]+$/g, "");
  const mark = bare === "" ? "" : x > 0 ? "+" : "-";
  if (kind === "rp_tn" || kind === "usd_mn") shown = word(rules, `${kind.split("_")[0]}_compact`, shown);
  return mark + shown;
}

// The formatters a recipe names (simulator/view.py FORMATTERS), with the same arguments.
const FORMATTERS = {
  number: (x, r, places = 0, optional = false) => number(x, r, places, optional),
  signed: (x, r, places = 0) => signed(x, r, places),
  rp_tn: (x, r, places = 2) => rpTn(x, r, places),
  rp_tn_signed: (x, r, places = 2) => rpTnSigned(x, r, places),
  rp_mn: (x, r, places = 1) => rpMn(x, r, places),
  usd_mn: (x, r, places = 1) => usdMn(x, r, places),
  usd_mn_signed: (x, r, places = 1) => usdMnSigned(x, r, places),
  count: (x, r, noun = "units") => count(x, r, noun),
  percent: (x, r, places = 1) => percent(x, r, places),
  percent_signed: (x, r, places = 1) => percentSigned(x, r, places),
  points_signed: (x, r, places = 1) => pointsSigned(x, r, places),
  compact_signed: (x, r, kind = "units") => compactSigned(x, r, kind),
};

export function formatted(spec, value, rules) {
  const [name, ...args] = spec;
  return FORMATTERS[name](Number(value), rules, ...args);
}

// numpy's sum of a float64 vector (pairwise, 8 partial sums), so totals agree to the bit.
function pairwise(a, from, n) {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[from + i];
    return res;
  }
  if (n <= 128) {
    const r = a.slice(from, from + 8);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] += a[from + i + j];
    let res = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
    for (; i < n; i++) res += a[from + i];
    return res;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwise(a, from, half) + pairwise(a, from + half, n - half);
}

export function numpySum(values) {
  return 0 + pairwise(values, 0, values.length);
}

// Python's str.format with named fields ("{year}", "{{" for a brace).
export function fill(template, values) {
  return template.replace(/\{\{|\}\}|\{(\w+)\}/g, (match, name) => {
    if (match === "{{") return "{";
    if (match === "}}") return "}";
    return String(values[name]);
  });
}

// A recipe expression (simulator/view.py evaluate) in a frame at year index t.
export function evaluate(e, f, t) {
  const [op, ...a] = e;
  switch (op) {
    case "c":
      return a[0];
    case "year":
      return f.years[t];
    case "s":
      return f.s[a[0]][t];
    case "b":
      return f.b[a[0]][t];
    case "param":
      return f.params[a[0]];
    case "a":
      return f.a[a[0]];
    case "caution":
      return f.caution;
    case "end":
      return evaluate(a[0], f, f.years.length - 1);
    case "first":
      return evaluate(a[0], f, 0);
    case "int":
      return Math.trunc(evaluate(a[0], f, t));
    case "sum": {
      const start = Math.max(0, Math.trunc(evaluate(a[1], f, t)) - f.years[0]);
      const terms = [];
      for (let i = start; i < f.years.length; i++) terms.push(evaluate(a[0], f, i));
      return numpySum(terms);
    }
    case "if":
      return evaluate(evaluate(a[0], f, t) ? a[1] : a[2], f, t);
    case "and":
      return a.every((x) => evaluate(x, f, t));
    case "fmt":
      return formatted(a[0], evaluate(a[1], f, t), f.rules);
    case "cat":
      return a.map((x) => String(evaluate(x, f, t))).join("");
    case "tpl": {
      const values = {};
      for (const [k, x] of Object.entries(a[1])) values[k] = evaluate(x, f, t);
      return fill(a[0], values);
    }
    case "signed": {
      const text = String(evaluate(a[0], f, t));
      return text.startsWith("+") || text.startsWith("-");
    }
    default:
      break;
  }
  const x = evaluate(a[0], f, t);
  const y = evaluate(a[1], f, t);
  switch (op) {
    case "pct":
      return y ? (100 * x) / y : 0;
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return x / y;
    case ">":
      return x > y;
    case ">=":
      return x >= y;
    case "==":
      return x === y;
    case "max":
      return Math.max(x, y);
    default:
      throw new Error(`unknown recipe op ${op}`);
  }
}

// A dataset recipe's rows (simulator/view.py rows).
export function rows(recipe, f) {
  const out = [];
  const last = f.years.length - 1;
  for (const block of recipe) {
    const times = block.each === "year" ? f.years.map((_, i) => i) : [last];
    for (const t of times) {
      const row = {};
      for (const [name, e] of Object.entries(block.cols)) row[name] = evaluate(e, f, t);
      out.push(row);
    }
  }
  return out;
}

// A sweep as simulator/sweeps.py encode() wrote it: its header, and per output a function
// giving the row of a grid point (the years the sweep carries).
export function decodeSweep(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + size)));
  const values = new Float64Array(bytes.slice(8 + size).buffer); // a copy, 8-byte aligned
  const points = header.grid.length;
  const years = header.years.length;
  const outputs = {};
  let at = 0;
  for (const name of header.outputs) {
    const same = header.same.includes(name);
    const start = at;
    outputs[name] = (i) => values.subarray(start + (same ? 0 : i) * years, start + ((same ? 0 : i) + 1) * years);
    at += (same ? 1 : points) * years;
  }
  const appraisal = {};
  for (const name of header.appraisal || []) {
    appraisal[name] = values.subarray(at, at + points);
    at += points;
  }
  return { ...header, outputs, appraisal, caution: [...header.caution].map((c) => c === "1") };
}

// The frame of the current scenario (the view's state) moved to point `index` of a sweep:
// the years it carries from the sweep, the rest and the baseline as they are.
export function frameAt(now, sweep, index, rules) {
  const frame = {
    years: now.years, s: now.s, b: now.b, params: now.params, caution: now.caution, a: now.a, rules,
  };
  if (!sweep) return frame;
  const first = now.years.length - sweep.years.length;
  const s = {};
  for (const [name, series] of Object.entries(now.s)) {
    const moved = sweep.outputs[name];
    s[name] = moved ? [...series.slice(0, first), ...moved(index)] : series;
  }
  const a = {};
  for (const [name, column] of Object.entries(sweep.appraisal)) a[name] = column[index];
  return { ...frame, s, a, caution: sweep.caution[index] };
}

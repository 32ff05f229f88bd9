// DateTime<Utc>: chrono 0.4.45's relaxed RFC 3339 parser and its serde output.

import { test } from "node:test";
import assert from "node:assert/strict";
import { Timestamp, WireError } from "../wire.js";
import { Rng } from "../support/gen.js";
import { assertAgreement, runDifferential, type Case } from "../support/harness.js";

const DATES = [
  "2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "2023-02-28", "2023-02-30", "2023-04-31", "2023-04-30",
  "2023-13-01", "2023-00-10", "2023-01-00", "2023-01-32", "2023-1-5", "2023-01-5", "2023-1-05", "0000-01-01",
  "0-01-01", "1-1-1", "9999-12-31", "10000-01-01", "+10000-01-01", "-0001-12-31", "-1-01-01", "+0000-01-01",
  "-0000-01-01", "+262142-12-31", "+262143-01-01", "-262143-01-01", "-262144-12-31", "+2147483647-01-01",
  "+2147483648-01-01", "-9999999999999999999-01-01", "+99999999999999999999-01-01", "0999-06-15", "099-06-15",
  "1970-01-01", "1969-12-31", "2024 -01-01", "2024- 01-01", "2024 - 01 - 01", " 2024-01-01", "\u00a02024-01-01",
  "2024-001-01", "20240101", "2024/01/01", "2024-01", "+-2024-01-01", "++2024-01-01", "- 2024-01-01", "-",
];
const SEPARATORS = ["T", "t", " ", "_", "x", "", "  ", "T ", "\u00a0", "\t"];
const TIMES = [
  "00:00:00", "23:59:59", "12:34:56", "24:00:00", "23:60:00", "23:59:60", "12:34:60", "23:59:61", "1:2:3",
  "01:02", "01:02:3", "01 : 02 : 03", "01:02: 03", "01:02 :03", "001:02:03", "01:002:03", "01:02:003",
  "\u300001:02:03", "01:02:03\u2003", "1:02:03", "-1:02:03", "+1:02:03", "01-02-03", "",
];
const FRACTIONS = ["", ".", ".a", "..5", " .5", ",5"];
for (let n = 1; n <= 12; n++) FRACTIONS.push("." + "123456789012".slice(0, n), "." + "0".repeat(n), "." + "9".repeat(n));
FRACTIONS.push(".000001", ".001", ".000000001", ".100", ".100000", ".1000000001", ".5e3");
const OFFSETS = [
  "Z", "z", "UTC", "utc", "Utc", "uTc", "UT", "GMT", "+00:00", "-00:00", "+0000", "+00", "+05:30", "-05:30",
  "+0530", "+05 30", "+05::30", "+05: :30", "+23:59", "-23:59", "+24:00", "-24:00", "+99:59", "+05:60", "+05:6",
  "+5:30", "\u221205:30", "\u221200:00", "+05:30:00", "+05:30 ", " Z", "Z ", "ZZ", "", "+", "+0", "+05:", "+05:3",
  "+05:3a", "+a5:30", "Z\u00a0", " \u3000UTC", "UTC+1", "+01:00Z", "-00:01", "+00:01", "+12:00", "-12:00",
  "+14:00", "−05:30", "\u00a0+05:30", "+05\u00a030", "+05é30",
];

function stamp(date: string, sep: string, time: string, frac: string, off: string): string {
  return `${date}${sep}${time}${frac}${off}`;
}

test("DateTime<Utc> differential: forms, fractions, offsets, leap seconds, ranges", async (t) => {
  const texts = new Set<string>();
  for (const d of DATES) texts.add(stamp(d, "T", "12:34:56", "", "Z"));
  for (const s of SEPARATORS) texts.add(stamp("2024-03-01", s, "01:02:03", "", "Z"));
  for (const tm of TIMES) for (const off of ["Z", "+01:00", "-01:00"]) texts.add(stamp("2024-03-01", "T", tm, "", off));
  for (const f of FRACTIONS) for (const off of ["Z", "+05:30"]) texts.add(stamp("2024-03-01", "T", "01:02:03", f, off));
  for (const off of OFFSETS) texts.add(stamp("2024-03-01", "T", "01:02:03", ".5", off));
  // leap seconds moved across the day/year by offsets, and at range ends
  for (const off of ["Z", "+01:00", "-01:00", "+23:59", "-23:59", "+00:30"]) {
    for (const when of ["1999-12-31T23:59:60", "2016-12-31T23:59:60.5", "2024-06-30T00:00:60.999999999", "2024-06-30T12:30:60.000001"]) {
      texts.add(when + off);
    }
  }
  for (const edge of ["+262142-12-31T23:59:59", "-262143-01-01T00:00:00", "+262142-12-31T23:59:60", "9999-12-31T23:59:59", "0000-01-01T00:00:00"]) {
    for (const off of ["Z", "+01:00", "-01:00", "+00:01", "-00:01", "+23:59", "-23:59"]) texts.add(edge + off);
  }
  texts.add("").add(" ").add("Z").add("2024-03-01T01:02:03Z trailing").add("  2024-03-01T01:02:03Z  ");
  // random combinations
  const rng = new Rng(3339);
  const years = ["2024", "1970", "0001", "9999", "+10000", "-0001", "-44", "+275760", "12", "0"];
  for (let i = 0; i < 4000; i++) {
    const y = rng.pick(years);
    const m = rng.int(14);
    const d = rng.int(33);
    const pad2 = (n: number): string => (rng.int(5) === 0 ? String(n) : String(n).padStart(2, "0"));
    const time = `${pad2(rng.int(25))}:${pad2(rng.int(61))}:${pad2(rng.int(62))}`;
    texts.add(stamp(`${y}-${pad2(m)}-${pad2(d)}`, rng.pick(["T", "t", " "]), time, rng.pick(FRACTIONS), rng.pick(OFFSETS)));
  }
  const cases: Case[] = [...texts].map((s) => ({ type: "DateTime<Utc>", input: JSON.stringify(s) }));
  cases.push(
    ...["1", "null", "[]", "{}", "true", "1.5", '"2024-03-01T01:02:03\\u005a"', '"2024-03-01\\u005401:02:03Z"', '"2024-03-01T01:02:03Z"x'].map(
      (input) => ({ type: "DateTime<Utc>", input }),
    ),
  );
  assertAgreement(t, "DateTime<Utc>", await runDifferential(cases));
});

test("Timestamp API: exact instants, leap seconds, Date conversions", () => {
  const leap = Timestamp.parse("2016-12-31T23:59:60.5Z");
  assert.equal(leap.toString(), "2016-12-31T23:59:60.500Z");
  assert.equal(leap.isLeapSecond, true);
  assert.equal(leap.second, 59);
  assert.equal(leap.nanosecond, 1_500_000_000);
  assert.equal(leap.toDate().toISOString(), "2017-01-01T00:00:00.500Z");
  const shifted = Timestamp.parse("2017-01-01T00:59:60+01:00");
  assert.equal(shifted.toString(), "2016-12-31T23:59:60Z");
  const t = Timestamp.parse("2024-03-01T01:02:03.123456789+05:30");
  assert.equal(t.toJSON(), "2024-02-29T19:32:03.123456789Z");
  assert.equal(JSON.stringify({ t }), '{"t":"2024-02-29T19:32:03.123456789Z"}');
  assert.equal(t.epochNanos, 1709235123123456789n);
  assert.equal(Timestamp.fromDate(new Date("2024-02-29T19:32:03.123Z")).toString(), "2024-02-29T19:32:03.123Z");
  assert.equal(t.toDate().toISOString(), "2024-02-29T19:32:03.123Z"); // lossy: sub-millisecond dropped
  assert.equal(Timestamp.fromParts({ year: 10000, month: 1, day: 1 }).toString(), "+10000-01-01T00:00:00Z");
  assert.equal(Timestamp.fromParts({ year: -1, month: 12, day: 31, hour: 23, minute: 59, second: 59, nanosecond: 1_000_000 }).toString(), "-0001-12-31T23:59:59.001Z");
  assert.equal(Timestamp.fromEpochSeconds(-1n, 5).toString(), "1969-12-31T23:59:59.000000005Z");
  assert.throws(() => Timestamp.fromParts({ year: 2023, month: 2, day: 29 }), WireError);
  assert.throws(() => Timestamp.parse("2024-03-01T24:00:00Z"), { detail: "input is out of range" });
  assert.ok(Timestamp.parse("2024-01-01T00:00:00Z").compare(Timestamp.parse("2023-12-31T23:59:60.9Z")) > 0);
  assert.ok(Math.abs(Timestamp.now().toDate().getTime() - Date.now()) < 5000);
});

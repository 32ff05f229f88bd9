// What JavaScript's JSON.stringify writes, for tests/conformance/test_library_defaults.py.
// Each stdin line is `f <number literal>` or `s <JSON string>` (read with JSON.parse);
// each answer is one line of JSON.stringify output.
import { createInterface } from "node:readline";

for await (const line of createInterface({ input: process.stdin })) {
  const value = line[0] === "f" ? Number(line.slice(2)) : JSON.parse(line.slice(2));
  console.log(JSON.stringify(value));
}

// The options the pytest asks for, from the environment.

import type { Options } from "@jamjet/schema-conformance";

export function options(): Options {
  const env = (name: string) => process.env[name] || undefined;
  const known = env("HARNESS_KNOWN_FAILURES");
  const era = env("HARNESS_SERDE_JSON_ERA");
  const match = env("HARNESS_MATCH");
  return {
    ...(known === undefined ? {} : { knownFailures: known }),
    ...(era === undefined ? {} : { serdeJsonEra: era }),
    ...(match === undefined ? {} : { match }),
  };
}

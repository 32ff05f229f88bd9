// The corpus against a subject answering as serde_json 1.0.146 does (era.ts): passes
// with the era option, fails without, in one group.
import { runCorpus } from "@jamjet/schema-conformance";
import { options } from "./env.js";
import { eraSubject } from "./era.js";

runCorpus(eraSubject(process.env["HARNESS_ERA_ANSWERS"] ?? "HARNESS_ERA_ANSWERS is not set"), options());

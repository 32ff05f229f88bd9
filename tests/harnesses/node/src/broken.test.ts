// The corpus against @jamjet/schema broken three ways (broken.ts): fails, a group per cause.
import { runCorpus } from "@jamjet/schema-conformance";
import { broken } from "./broken.js";
import { options } from "./env.js";

runCorpus(broken, options());

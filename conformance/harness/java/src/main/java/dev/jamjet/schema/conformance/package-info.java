/**
 * The jamjet-schema conformance corpus as JUnit 5 dynamic tests.
 *
 * <p>{@link dev.jamjet.schema.conformance.JamjetConformance} turns the corpus (carried in this
 * jar) into one test per fixture for a {@link dev.jamjet.schema.conformance.Subject}, the team's
 * own parse and serialize code, judged as the Python runner judges it (conformance/README.md):
 * the same verdict, and for an accepted input the same bytes. A final test lists the failures
 * grouped by observed cause (causes.json), the same groups {@code jamjet-schema conformance}
 * prints. {@link dev.jamjet.schema.conformance.Testee} serves a subject over the testee protocol,
 * for that runner.
 */
package dev.jamjet.schema.conformance;

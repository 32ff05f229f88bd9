//! Testee over the generated crate (generated/rust): registered as `rust`, the judge.

use jamjet_schema::{Event, EventKind, ProvenanceMetadata};
use jamjet_testee::{answer, not_implemented, round_trip, serve};

fn main() -> std::io::Result<()> {
    serve(|type_name, input| match type_name {
        "Event" => round_trip::<Event>(input),
        "EventKind" => round_trip::<EventKind>(input),
        "ProvenanceMetadata" => round_trip::<ProvenanceMetadata>(input),
        "EventKind.node_id" => {
            answer::<EventKind, _>(input, |kind| kind.node_id().map(String::from))
        }
        other => not_implemented(other),
    })
}

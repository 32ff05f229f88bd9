//! The `rust` testee built against serde_json 1.0.146 (this workspace's Cargo.lock):
//! the bytes a runtime built in the ryu era writes. `f64` is answered too, for the
//! differential test of the era's float format (tests/logs/test_eras.py).

fn main() -> std::io::Result<()> {
    let events = jamjet_testee::handler!(jamjet_schema, jamjet_schema::EventsResponse);
    jamjet_testee::serve(|type_name, input, form| match type_name {
        "f64" => jamjet_testee::round_trip::<f64>(input, form),
        other => events(other, input, form),
    })
}

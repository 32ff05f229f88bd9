//! Testee over the generated crate (generated/rust): registered as `rust`, the judge.

fn main() -> std::io::Result<()> {
    jamjet_testee::serve(jamjet_testee::handler!(
        jamjet_schema,
        jamjet_schema::EventsResponse
    ))
}

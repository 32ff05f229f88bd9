//! The corpus against a subject answering as serde_json 1.0.146 does (common::Era):
//! passes with the era option, fails without, in one group.

mod common;

fn main() {
    let answers =
        std::env::var("HARNESS_ERA_ANSWERS").expect("HARNESS_ERA_ANSWERS: the era's answers");
    jamjet_schema_conformance::run(&common::Era::from_file(&answers), common::options())
}

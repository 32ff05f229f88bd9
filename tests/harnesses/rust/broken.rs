//! The corpus against the generated crate broken three ways (common::Broken): fails,
//! one group per cause.

mod common;

fn main() {
    jamjet_schema_conformance::run(&common::Broken::new(), common::options())
}

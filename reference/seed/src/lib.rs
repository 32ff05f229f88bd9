//! `event.rs` is a verbatim copy of the contract (`shared/seed/event.rs`);
//! a test in tests/ fails if the two ever differ.

mod event;

pub use event::*;

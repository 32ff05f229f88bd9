//! `event.rs` is a verbatim copy of the contract (`shared/seed/event.rs`);
//! a test in tests/ fails if the two ever differ.

#[rustfmt::skip] // the contract, verbatim
mod event;

pub use event::*;

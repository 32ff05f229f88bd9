//! Python strs for the short strings events repeat (Value keys, tags, names), made
//! once and shared, as pydantic-core's `cache_strings` does for the plain Pydantic
//! models the package is measured against: a str made again costs its allocation and,
//! as a dict key, its hash.

use std::cell::RefCell;

use pyo3::prelude::*;
use pyo3::types::PyString;

/// Longer strings are rarely repeated, and cost their comparison.
const LONGEST: usize = 64;
const SLOTS: usize = 1 << 14;

/// A slot: the text, and its str.
type Slot = Option<(Box<str>, Py<PyString>)>;

thread_local! {
    // Per thread, so no lock: Python objects are only made with the GIL attached.
    static CACHE: RefCell<Vec<Slot>> = RefCell::new((0..SLOTS).map(|_| None).collect());
}

/// `text` as a Python str, shared with earlier calls when it is short.
pub fn py_str<'py>(py: Python<'py>, text: &str) -> Bound<'py, PyString> {
    if text.len() > LONGEST {
        return PyString::new(py, text);
    }
    CACHE.with_borrow_mut(|slots| {
        let slot = &mut slots[slot_of(text)];
        match slot {
            Some((held, string)) if **held == *text => string.bind(py).clone(),
            _ => {
                let string = PyString::new(py, text);
                *slot = Some((text.into(), string.clone().unbind()));
                string
            }
        }
    })
}

/// FNV-1a over the bytes, folded to a slot.
fn slot_of(text: &str) -> usize {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    (hash as usize) & (SLOTS - 1)
}

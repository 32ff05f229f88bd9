//! Batch checks of JSON Lines, without the GIL: a chunk of whole lines goes in, the
//! counts of the good ones and the places of the others come out. The caller (the
//! `validate` and `canonicalize` commands) reports each problem line through the
//! Python path, which gives it serde's message with a field path; a clean log never
//! builds a Python object per event.

use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::wire;

/// What happened to one line that is not simply good.
#[derive(Clone, Copy)]
enum Problem {
    Invalid = 1,
    NotCanonical = 2,
}

/// A problem line: (its index among the chunk's lines, its first byte, its end, what).
type Place = (usize, usize, usize, u8);

/// The lines of `data` the log reader makes records of: split at `\n`, blank ones
/// (ASCII white space only) skipped, a trailing `\r` removed. `data` holds whole lines.
fn records(data: &[u8]) -> impl Iterator<Item = (usize, usize, &[u8])> {
    let mut start = 0;
    data.split(|&b| b == b'\n')
        .enumerate()
        .filter_map(move |(index, line)| {
            let at = start;
            start += line.len() + 1;
            if line.iter().all(|b| b.is_ascii_whitespace() || *b == 0x0b) {
                return None;
            }
            let end = line.iter().rposition(|&b| b != b'\r').map_or(0, |i| i + 1);
            Some((index, at, &line[..end]))
        })
}

fn scan(data: &[u8], canonical: bool, mut good: impl FnMut(Vec<u8>)) -> (Vec<u64>, Vec<Place>) {
    let mut counts = vec![0u64; wire::VARIANTS.len()];
    let mut problems = Vec::new();
    for (index, at, line) in records(data) {
        match wire::check_root(line, canonical) {
            Err(_) => problems.push((index, at, at + line.len(), Problem::Invalid as u8)),
            Ok((variant, bytes)) => match bytes {
                Some(bytes) if bytes != line => {
                    problems.push((index, at, at + line.len(), Problem::NotCanonical as u8));
                    good(bytes);
                }
                Some(bytes) => {
                    counts[variant] += 1;
                    good(bytes);
                }
                None => counts[variant] += 1,
            },
        }
    }
    (counts, problems)
}

/// Checks the JSON Lines in `data` (whole lines) as `Event`s: the number of clean events
/// per variant (in `VARIANTS` order), and the problem lines, which are not counted.
/// With `canonical`, a line serde would write differently is a problem too.
#[pyfunction]
pub fn check_lines(py: Python<'_>, data: &[u8], canonical: bool) -> (Vec<u64>, Vec<Place>) {
    py.detach(|| scan(data, canonical, |_| {}))
}

/// As `check_lines` with `canonical`, and the canonical bytes of every accepted event,
/// one per line, in order.
#[pyfunction]
pub fn canonical_lines<'py>(
    py: Python<'py>,
    data: &[u8],
) -> (Bound<'py, PyBytes>, Vec<u64>, Vec<Place>) {
    let (out, counts, problems) = py.detach(|| {
        let mut out = Vec::with_capacity(data.len());
        let (counts, problems) = scan(data, true, |bytes| {
            out.extend_from_slice(&bytes);
            out.push(b'\n');
        });
        (out, counts, problems)
    });
    (PyBytes::new(py, &out), counts, problems)
}

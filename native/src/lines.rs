//! Batch checks of JSON Lines, without the GIL: a chunk of whole lines goes in, the
//! counts of the good ones and the places of the others come out, each refused line
//! with serde's refusal located (refusal.rs) where the core can say. The caller (the
//! `validate` and `canonicalize` commands) reports each problem line, through the
//! models only for what the core leaves open; a clean log never builds a Python
//! object per event.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::refusal::{self, Explained, Located};
use crate::{py, wire};

/// What happened to one line that is not simply good.
#[derive(Clone, Copy)]
enum What {
    Invalid = 1,
    NotCanonical = 2,
}

/// A problem line: its index among the chunk's lines, its first byte, its end, what,
/// and for a refused line, why (refusal.rs), where the core can say.
struct Problem {
    index: usize,
    at: usize,
    end: usize,
    what: What,
    why: Option<Located>,
}

/// A problem line as Python receives it.
type Place = (usize, usize, usize, u8, Option<Explained>);

/// What a batch check answers: the clean events per variant, the problem lines, and
/// the number of line ends it covered.
type Checked = (Vec<u64>, Vec<Place>, usize);

/// As `Checked`, after the canonical bytes of the accepted events.
type Rewritten<'py> = (Bound<'py, PyBytes>, Vec<u64>, Vec<Place>, usize);

fn places(py: Python<'_>, problems: Vec<Problem>) -> PyResult<Vec<Place>> {
    problems
        .into_iter()
        .map(|p| {
            let why = p.why.map(|why| refusal::to_py(py, why)).transpose()?;
            Ok((p.index, p.at, p.end, p.what as u8, why))
        })
        .collect()
}

/// The lines of `data` the log reader makes records of: split at `\n`, blank ones
/// (ASCII white space only) skipped, a trailing `\r` removed. `data` holds whole lines.
fn records(data: &[u8]) -> impl Iterator<Item = (usize, usize, &[u8])> {
    let ends = memchr::memchr_iter(b'\n', data).chain(std::iter::once(data.len()));
    let mut start = 0;
    ends.enumerate().filter_map(move |(index, end)| {
        let at = start;
        start = end + 1;
        let line = &data[at..end];
        if line.iter().all(|b| b.is_ascii_whitespace() || *b == 0x0b) {
            return None;
        }
        let kept = line.iter().rposition(|&b| b != b'\r').map_or(0, |i| i + 1);
        Some((index, at, &line[..kept]))
    })
}

/// Checks every record of `data`; with `out`, writes each accepted event's canonical
/// bytes there too, one per line (a record is canonical when they are its own).
fn scan(
    data: &[u8],
    offset: usize,
    canonical: bool,
    mut out: Option<&mut Vec<u8>>,
) -> (Vec<u64>, Vec<Problem>) {
    let mut counts = vec![0u64; wire::VARIANTS.len()];
    let mut problems = Vec::new();
    for (index, at, line) in records(data) {
        let place = |what: What, why: Option<Located>| Problem {
            index,
            at: offset + at,
            end: offset + at + line.len(),
            what,
            why,
        };
        // A record is text first (the log reader decodes each line): serde skips the
        // bytes of an unknown member's value without checking them.
        let Ok(text) = std::str::from_utf8(line) else {
            problems.push(place(What::Invalid, None));
            continue;
        };
        let root = match serde_json::from_str::<wire::Root>(text) {
            Ok(root) => root,
            Err(error) => {
                let why = refusal::locate(wire::ROOT_DOCUMENT, text, error);
                problems.push(place(What::Invalid, why));
                continue;
            }
        };
        let as_written = match out.as_deref_mut() {
            Some(out) => {
                let start = out.len();
                let written = serde_json::to_writer(&mut *out, &root).is_ok();
                let same = written && &out[start..] == line;
                out.push(b'\n');
                same
            }
            None => !canonical || py::writes_back(&root, line),
        };
        if as_written || !canonical {
            counts[wire::root_variant(&root)] += 1;
        } else {
            problems.push(place(What::NotCanonical, None));
        }
    }
    (counts, problems)
}

/// The whole lines `data[start..end]`, checked as `Event`s: the number of clean events
/// per variant (in `VARIANTS` order), the problem lines (which are not counted; their
/// places are positions in `data`), and the number of line ends in the range. With
/// `canonical`, a line serde would write differently is a problem too. A range, not a
/// slice: the caller hands over the block it read, without copying it.
#[pyfunction]
pub fn check_lines(
    py: Python<'_>,
    data: &[u8],
    start: usize,
    end: usize,
    canonical: bool,
) -> PyResult<Checked> {
    let lines = range(data, start, end)?;
    let (counts, problems, ends) = py.detach(|| {
        let (counts, problems) = scan(lines, start, canonical, None);
        (counts, problems, memchr::memchr_iter(b'\n', lines).count())
    });
    Ok((counts, places(py, problems)?, ends))
}

/// As `check_lines` with `canonical`, and the canonical bytes of every accepted event,
/// one per line, in order.
#[pyfunction]
pub fn canonical_lines<'py>(
    py: Python<'py>,
    data: &[u8],
    start: usize,
    end: usize,
) -> PyResult<Rewritten<'py>> {
    let lines = range(data, start, end)?;
    let (out, counts, problems, ends) = py.detach(|| {
        let mut out = Vec::with_capacity(lines.len());
        let (counts, problems) = scan(lines, start, true, Some(&mut out));
        (
            out,
            counts,
            problems,
            memchr::memchr_iter(b'\n', lines).count(),
        )
    });
    Ok((PyBytes::new(py, &out), counts, places(py, problems)?, ends))
}

fn range(data: &[u8], start: usize, end: usize) -> PyResult<&[u8]> {
    data.get(start..end).ok_or_else(|| {
        PyValueError::new_err(format!("no range {start}..{end} in {} bytes", data.len()))
    })
}

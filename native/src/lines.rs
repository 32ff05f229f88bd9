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
use crate::wire_columns::Columns;
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

/// As `Checked`, after the Arrow columns of the accepted events.
type Columned<'py> = (Vec<Bound<'py, PyAny>>, Vec<u64>, Vec<Place>, usize);

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

/// Where the accepted events go, besides their count.
enum Accepted<'a> {
    /// Nowhere: a canonical check compares each event's bytes with its line.
    Counted,
    /// Their canonical bytes, one per line.
    Canonical(&'a mut Vec<u8>),
    /// Their Arrow columns, a row each.
    Columns(&'a mut Columns),
}

impl Accepted<'_> {
    /// Takes an accepted event; false if serde writes it otherwise than `line`, when
    /// that is checked (`canonical`) or costs nothing more (its bytes are written).
    fn take(&mut self, root: &wire::Root, line: &[u8], canonical: bool) -> bool {
        match self {
            Accepted::Counted => !canonical || py::writes_back(root, line),
            Accepted::Canonical(out) => {
                let start = out.len();
                let written = serde_json::to_writer(&mut **out, root).is_ok();
                let same = written && &out[start..] == line;
                out.push(b'\n');
                same
            }
            Accepted::Columns(columns) => {
                columns.push(root);
                !canonical || py::writes_back(root, line)
            }
        }
    }
}

/// Checks every record of `data`, handing each accepted event on to `accepted`.
fn scan(
    data: &[u8],
    offset: usize,
    canonical: bool,
    mut accepted: Accepted<'_>,
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
        if accepted.take(&root, line, canonical) || !canonical {
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
        let (counts, problems) = scan(lines, start, canonical, Accepted::Counted);
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
        let (counts, problems) = scan(lines, start, true, Accepted::Canonical(&mut out));
        (
            out,
            counts,
            problems,
            memchr::memchr_iter(b'\n', lines).count(),
        )
    });
    Ok((PyBytes::new(py, &out), counts, places(py, problems)?, ends))
}

/// As `check_lines`, and every accepted event in the Arrow columns of the columnar
/// layout, in its order (columns.rs: each its null count, buffers, children), a line
/// serde writes otherwise too. With `canonical`, such a line is also a problem: serde's
/// float parsing is not correctly rounded, so a canonical text read again may not give
/// the values it was written from (`9.999999999999999e-31` reads as `1e-30` does).
#[pyfunction]
pub fn column_lines<'py>(
    py: Python<'py>,
    data: &[u8],
    start: usize,
    end: usize,
    canonical: bool,
) -> PyResult<Columned<'py>> {
    let lines = range(data, start, end)?;
    let (built, counts, problems, ends) = py.detach(|| {
        let mut columns = Columns::default();
        let into = Accepted::Columns(&mut columns);
        let (counts, problems) = scan(lines, start, canonical, into);
        let ends = memchr::memchr_iter(b'\n', lines).count();
        (columns.finish(), counts, problems, ends)
    });
    let built = built
        .into_iter()
        .map(|column| column.into_py(py))
        .collect::<PyResult<_>>()?;
    Ok((built, counts, places(py, problems)?, ends))
}

fn range(data: &[u8], start: usize, end: usize) -> PyResult<&[u8]> {
    data.get(start..end).ok_or_else(|| {
        PyValueError::new_err(format!("no range {start}..{end} in {} bytes", data.len()))
    })
}

//! `_jamjet_schema_native`: the native core of the jamjet-schema Python package.
//!
//! Verdicts and bytes are the generated crate's (generated/rust, the reference every
//! implementation is judged by): a text is read by `serde_json` into its types and
//! written back by `serde_json::to_string`. What this module adds is the way between
//! those types and the Python models (py.rs, with the per-type code emitted from the
//! wire model into generated/native/wire.rs), and a batch check of JSON Lines that
//! runs without the GIL (lines.rs).

mod columns;
mod json_form;
mod lines;
mod py;
mod refusal;
mod strings;
#[path = "../../generated/native/wire.rs"]
mod wire;
#[path = "../../generated/native/columns.rs"]
mod wire_columns;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString, PyType};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::py::{Build, JsonForm, JsonText, Obj, ToPy};

/// A document's text (bytes are read as UTF-8 text first, as the Python path reads
/// them: serde would skip an unknown member's bytes without checking them).
#[derive(Clone, Copy)]
pub struct Text<'a>(&'a str);

impl<'a> Text<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.0.as_bytes()
    }

    fn parse<T: Deserialize<'a>>(&self) -> serde_json::Result<T> {
        serde_json::from_str(self.0)
    }
}

/// serde's verdict on `text` as `T`; if it accepts, the model. A canonical text (what
/// serde writes back, byte for byte: every logged event) is built from the verdict's
/// value itself, since it holds exactly the members serde writes, maps in sorted
/// order; any other text is read again by the shadow `S`, which sees the members given
/// and the document order.
fn read_as<'a, T: DeserializeOwned + Serialize + ToPy, S: Deserialize<'a> + Build>(
    py: Python<'_>,
    text: Text<'a>,
) -> Result<PyResult<Obj>, serde_json::Error> {
    let value: T = text.parse()?;
    if py::writes_back(&value, text.bytes()) {
        return Ok(value.to_py(py));
    }
    Ok(text
        .parse::<S>()
        .map_err(|err| PyValueError::new_err(err.to_string()))
        .and_then(|shadow| shadow.build(py)))
}

fn canonical<T: DeserializeOwned + Serialize>(text: Text<'_>) -> Result<String, String> {
    let value: T = text.parse().map_err(|err| err.to_string())?;
    serde_json::to_string(&value).map_err(|err| err.to_string())
}

/// The text of `data` (str, bytes or bytearray); None for what serde cannot be given
/// (a lone surrogate, bytes that are not UTF-8), which the exact Python path judges.
fn with_text<R>(data: &Bound<'_, PyAny>, f: impl FnOnce(Text<'_>) -> R) -> PyResult<Option<R>> {
    if let Ok(text) = data.cast::<PyString>() {
        return Ok(text.to_str().ok().map(|text| f(Text(text))));
    }
    if let Ok(bytes) = data.cast::<PyBytes>() {
        return Ok(std::str::from_utf8(bytes.as_bytes())
            .ok()
            .map(|text| f(Text(text))));
    }
    if let Ok(array) = data.cast::<PyByteArray>() {
        let bytes = array.to_vec();
        return Ok(std::str::from_utf8(&bytes).ok().map(|text| f(Text(text))));
    }
    Err(PyValueError::new_err("expected str, bytes or bytearray"))
}

/// Hands over the Python classes the generated code builds (in `class_names()` order),
/// `Timestamp`, `uuid.UUID` and `uuid.SafeUUID.unknown`.
#[pyfunction]
fn bind(
    py: Python<'_>,
    classes: Vec<Bound<'_, PyType>>,
    timestamp: Bound<'_, PyType>,
    uuid: Bound<'_, PyType>,
    uuid_unknown: Bound<'_, PyAny>,
) -> PyResult<()> {
    if classes.len() != wire::CLASSES.len() {
        return Err(PyValueError::new_err(format!(
            "bind() takes {} classes, got {}",
            wire::CLASSES.len(),
            classes.len()
        )));
    }
    py::bind(py, classes, timestamp, uuid, uuid_unknown)
}

/// The model instance of document `doc` (an index in `DOCUMENTS`) read from `data`;
/// None when serde refuses the text, for the caller's exact path to report. A
/// ValueError means the shadow parse disagreed with serde's verdict: a bug, never
/// papered over.
#[pyfunction]
fn read(py: Python<'_>, doc: usize, data: &Bound<'_, PyAny>) -> PyResult<Option<Obj>> {
    match with_text(data, |text| wire::read_document(py, doc, text))? {
        Some(Ok(model)) => model.map(Some),
        _ => Ok(None),
    }
}

/// As `read`, and when serde refuses the text, why, as `explain` says it (None there
/// too where it cannot say): `(model, None)` or `(None, refusal)`. One parse of a
/// good text, two of a refused one.
#[pyfunction]
fn judge(
    py: Python<'_>,
    doc: usize,
    data: &Bound<'_, PyAny>,
) -> PyResult<(Option<Obj>, Option<refusal::Explained>)> {
    let judged = with_text(data, |text| match wire::read_document(py, doc, text) {
        Ok(model) => model.map(|model| (Some(model), None)),
        Err(error) => match refusal::locate(doc, text.0, error) {
            Some(located) => refusal::to_py(py, located).map(|why| (None, Some(why))),
            None => Ok((None, None)),
        },
    })?;
    judged.unwrap_or(Ok((None, None)))
}

/// `serde_json::to_string` of a model instance; None where the Python writer decides.
#[pyfunction]
fn write(model: &Bound<'_, PyAny>) -> Option<String> {
    wire::write_model(model, JsonText)
}

/// A model instance in serde's JSON form as Python values (what `json.loads` of its
/// canonical text gives); None where the Python writer decides.
#[pyfunction]
fn form(model: &Bound<'_, PyAny>) -> Option<Obj> {
    wire::write_model(model, JsonForm(model.py()))
}

/// serde's verdict on document `doc`: `(True, canonical text)` or `(False, serde's message)`.
#[pyfunction]
fn check(doc: usize, data: &Bound<'_, PyAny>) -> PyResult<(bool, String)> {
    let verdict = with_text(data, |text| wire::check_document(doc, text))?;
    Ok(match verdict {
        Some(Ok(text)) => (true, text),
        Some(Err(message)) => (false, message),
        None => (
            false,
            "not UTF-8 text (invalid bytes, or a lone surrogate)".to_owned(),
        ),
    })
}

/// Why serde refuses `data` as document `doc`: `(path, message, kind, expected,
/// variant)`, the path a list of member names and element indices from the root, the
/// message serde's (with serde_json's position for a syntax error), `kind` the
/// `serde::de::Error` constructor that raised it ("syntax" for serde_json's own, whose
/// code is then `expected`), `expected` what the visitor expected, `variant` the
/// union's tag where the text shows one. None when serde accepts the text, or where
/// the refusal cannot be located exactly (the caller's exact path then decides).
#[pyfunction]
fn explain(
    py: Python<'_>,
    doc: usize,
    data: &Bound<'_, PyAny>,
) -> PyResult<Option<refusal::Explained>> {
    match with_text(data, |text| refusal::explain(doc, text.0))? {
        Some(Some(located)) => refusal::to_py(py, located).map(Some),
        _ => Ok(None),
    }
}

#[pymodule]
fn _jamjet_schema_native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("CLASSES", wire::CLASSES.to_vec())?;
    m.add("DOCUMENTS", wire::DOCUMENTS.to_vec())?;
    m.add("VARIANTS", wire::VARIANTS.to_vec())?;
    m.add("ROOT", wire::DOCUMENTS[wire::ROOT_DOCUMENT])?;
    m.add_function(wrap_pyfunction!(bind, m)?)?;
    m.add_function(wrap_pyfunction!(read, m)?)?;
    m.add_function(wrap_pyfunction!(judge, m)?)?;
    m.add_function(wrap_pyfunction!(write, m)?)?;
    m.add_function(wrap_pyfunction!(form, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(lines::check_lines, m)?)?;
    m.add_function(wrap_pyfunction!(lines::canonical_lines, m)?)?;
    m.add_function(wrap_pyfunction!(lines::column_lines, m)?)?;
    Ok(())
}

// serde's parse of an event allocates for every string and map: a faster allocator is
// a fifth faster, verdicts unchanged.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

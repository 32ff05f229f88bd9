//! Arrow columns built in Arrow's own memory layout (validity bitmaps, offsets, values),
//! for the columnar export: the per-variant code that fills them is emitted from the
//! layout (generated/native/columns.rs); this module holds the generic builders and
//! hands their buffers to Python, where `jamjet_schema.columnar.assemble` wraps them
//! as pyarrow arrays without copying. No Arrow library is linked: the buffers are
//! what the Arrow format specifies, nothing of ours.
//!
//! Builders are filled row by row, out of order across columns: a value for row `r`
//! first pads the column with nulls up to `r`, so a variant's code touches only its
//! own members' columns.

use std::fmt::Display;
use std::io::Write;

use chrono::{DateTime, Timelike, Utc};
use pyo3::exceptions::PyOverflowError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use serde::Serialize;

/// The largest offset a string or list column holds (int32 offsets); small in the unit
/// tests, which overflow it.
#[cfg(not(test))]
const MAX_OFFSET: usize = i32::MAX as usize;
#[cfg(test)]
const MAX_OFFSET: usize = 64;

/// A column's buffers and children, in Arrow's order for its type; a validity buffer
/// is left out (None) when the column has no null.
pub struct Built {
    nulls: usize,
    buffers: Vec<Option<Vec<u8>>>,
    children: Vec<Built>,
    /// More text or items than int32 offsets reach: the column cannot be made.
    too_large: bool,
}

impl Built {
    fn new(nulls: usize, buffers: Vec<Option<Vec<u8>>>, children: Vec<Built>) -> Self {
        Built {
            nulls,
            buffers,
            children,
            too_large: false,
        }
    }

    /// The column as Python receives it: (null count, buffers, children); OverflowError
    /// for one beyond int32 offsets (an event of gigabytes).
    pub fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        if self.too_large {
            return Err(PyOverflowError::new_err(
                "more than 2 GiB in one column of a batch: events too large for the columnar layout",
            ));
        }
        let buffers: Vec<_> = self
            .buffers
            .into_iter()
            .map(|buffer| buffer.map(|bytes| PyBytes::new(py, &bytes)))
            .collect();
        let children = self
            .children
            .into_iter()
            .map(|child| child.into_py(py))
            .collect::<PyResult<Vec<_>>>()?;
        Ok((self.nulls, buffers, children)
            .into_pyobject(py)?
            .into_any())
    }
}

/// A bitmap, least significant bit first, as Arrow's validity and boolean buffers.
#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    len: usize,
}

impl Bits {
    fn push(&mut self, bit: bool) {
        if self.len.is_multiple_of(8) {
            self.bytes.push(0);
        }
        if bit {
            *self.bytes.last_mut().expect("a byte was pushed") |= 1 << (self.len % 8);
        }
        self.len += 1;
    }
}

/// Which rows have a value.
#[derive(Default)]
struct Validity {
    bits: Bits,
    nulls: usize,
}

impl Validity {
    fn len(&self) -> usize {
        self.bits.len
    }

    fn push(&mut self, valid: bool) {
        self.nulls += usize::from(!valid);
        self.bits.push(valid);
    }

    /// The buffer, left out when every row is valid.
    fn finish(self) -> (usize, Option<Vec<u8>>) {
        let buffer = (self.nulls > 0).then_some(self.bits.bytes);
        (self.nulls, buffer)
    }
}

/// A column every builder is: filled up to a row, and finished at a length.
pub trait Column: Default {
    fn len(&self) -> usize;
    fn push_null(&mut self);
    fn finish(self) -> Built;

    /// Nulls up to row `row` (exclusive), so that the next value is that row's.
    fn pad(&mut self, row: usize) {
        while self.len() < row {
            self.push_null();
        }
    }

    /// The column at `rows` rows, the last ones null where no value came.
    fn finished(mut self, rows: usize) -> Built {
        self.pad(rows);
        self.finish()
    }
}

/// string (and Arrow's JSON extension's storage): int32 offsets into UTF-8 bytes.
#[derive(Default)]
pub struct Utf8 {
    valid: Validity,
    offsets: Offsets,
    data: Vec<u8>,
}

impl Utf8 {
    fn end_value(&mut self, valid: bool) {
        self.valid.push(valid);
        self.offsets.push(self.data.len());
    }

    pub fn str(&mut self, row: usize, value: &str) {
        self.pad(row);
        self.data.extend_from_slice(value.as_bytes());
        self.end_value(true);
    }

    pub fn display<T: Display + ?Sized>(&mut self, row: usize, value: &T) {
        self.pad(row);
        write!(self.data, "{value}").expect("writing to a Vec does not fail");
        self.end_value(true);
    }

    /// serde_json's text of `value` (a nested struct, a list kept whole).
    pub fn json<T: Serialize + ?Sized>(&mut self, row: usize, value: &T) {
        self.pad(row);
        serde_json::to_writer(&mut self.data, value).expect("the generated types serialize");
        self.end_value(true);
    }

    /// A Value's text; JSON null is a null cell (the layout writes its `null` back).
    pub fn value(&mut self, row: usize, value: &serde_json::Value) {
        if !value.is_null() {
            self.json(row, value);
        }
    }
}

impl Column for Utf8 {
    fn len(&self) -> usize {
        self.valid.len()
    }

    fn push_null(&mut self) {
        self.end_value(false);
    }

    fn finish(self) -> Built {
        let (nulls, validity) = self.valid.finish();
        let too_large = self.offsets.too_large;
        let buffers = vec![
            validity,
            Some(bytes_of(&self.offsets.ends)),
            Some(self.data),
        ];
        Built {
            too_large,
            ..Built::new(nulls, buffers, Vec::new())
        }
    }
}

/// int32 offsets: where each value ends, after a 0.
struct Offsets {
    ends: Vec<i32>,
    too_large: bool,
}

impl Default for Offsets {
    fn default() -> Self {
        Offsets {
            ends: vec![0],
            too_large: false,
        }
    }
}

impl Offsets {
    fn push(&mut self, end: usize) {
        if end > MAX_OFFSET {
            self.too_large = true; // reported when the column is handed over
        }
        self.ends.push(i32::try_from(end).unwrap_or(i32::MAX));
    }
}

/// A fixed-width value as Arrow stores it: little-endian bytes.
pub trait Primitive: Copy + Default {
    fn extend(self, bytes: &mut Vec<u8>);
}

macro_rules! primitive {
    ($($t:ty),*) => {$(
        impl Primitive for $t {
            fn extend(self, bytes: &mut Vec<u8>) {
                bytes.extend_from_slice(&self.to_le_bytes());
            }
        }
    )*};
}
primitive!(i16, i32, i64, u32, u64, f64);

fn bytes_of<T: Primitive>(values: &[T]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(std::mem::size_of_val(values));
    for value in values {
        value.extend(&mut bytes);
    }
    bytes
}

/// uint32, uint64, int64, float64, timestamp[ns] (int64), and the tag's int16 indices.
#[derive(Default)]
pub struct Fixed<T: Primitive> {
    valid: Validity,
    values: Vec<T>,
}

impl<T: Primitive> Fixed<T> {
    pub fn put(&mut self, row: usize, value: T) {
        self.pad(row);
        self.values.push(value);
        self.valid.push(true);
    }
}

impl<T: Primitive> Column for Fixed<T> {
    fn len(&self) -> usize {
        self.valid.len()
    }

    fn push_null(&mut self) {
        self.values.push(T::default());
        self.valid.push(false);
    }

    fn finish(self) -> Built {
        let (nulls, validity) = self.valid.finish();
        Built::new(
            nulls,
            vec![validity, Some(bytes_of(&self.values))],
            Vec::new(),
        )
    }
}

#[derive(Default)]
pub struct Bools {
    valid: Validity,
    values: Bits,
}

impl Bools {
    pub fn put(&mut self, row: usize, value: bool) {
        self.pad(row);
        self.values.push(value);
        self.valid.push(true);
    }
}

impl Column for Bools {
    fn len(&self) -> usize {
        self.valid.len()
    }

    fn push_null(&mut self) {
        self.values.push(false);
        self.valid.push(false);
    }

    fn finish(self) -> Built {
        let (nulls, validity) = self.valid.finish();
        Built::new(nulls, vec![validity, Some(self.values.bytes)], Vec::new())
    }
}

/// list<T>: int32 offsets into the items, a column of their own.
#[derive(Default)]
pub struct List<T: Column> {
    valid: Validity,
    offsets: Offsets,
    pub items: T,
}

impl<T: Column> List<T> {
    /// Row `row` holds `items`, each put into the item column by `put` at its index there.
    pub fn put<I: IntoIterator>(
        &mut self,
        row: usize,
        items: I,
        mut put: impl FnMut(&mut T, usize, I::Item),
    ) {
        self.pad(row);
        for item in items {
            let index = self.items.len();
            put(&mut self.items, index, item);
            self.items.pad(index + 1); // an item put as null (a JSON null)
        }
        self.end_list(true);
    }

    fn end_list(&mut self, valid: bool) {
        self.valid.push(valid);
        self.offsets.push(self.items.len());
    }
}

impl<T: Column> Column for List<T> {
    fn len(&self) -> usize {
        self.valid.len()
    }

    fn push_null(&mut self) {
        self.end_list(false);
    }

    fn finish(self) -> Built {
        let (nulls, validity) = self.valid.finish();
        let count = self.items.len();
        let items = self.items.finished(count);
        let too_large = self.offsets.too_large || items.too_large;
        let buffers = vec![validity, Some(bytes_of(&self.offsets.ends))];
        Built {
            too_large,
            ..Built::new(nulls, buffers, vec![items])
        }
    }
}

/// A timestamp[ns, UTC] cell and its overflow text: chrono's text where the instant is
/// a leap second or outside what int64 nanoseconds hold (its least value excepted,
/// being the null of some readers), the nanoseconds otherwise.
pub fn stamp(nanos: &mut Fixed<i64>, text: &mut Utf8, row: usize, value: &DateTime<Utc>) {
    let leap = value.nanosecond() >= 1_000_000_000;
    match value.timestamp_nanos_opt() {
        Some(ns) if !leap && ns != i64::MIN => nanos.put(row, ns),
        _ => {
            let quoted = serde_json::to_string(value).expect("chrono serializes");
            text.str(row, &quoted[1..quoted.len() - 1]);
        }
    }
}

/// The builders against Arrow's format (its specification's layouts, written out); the
/// columns' values against serde's are the Python tests' (tests/columnar).
#[cfg(test)]
mod tests {
    use super::*;

    fn i32s(bytes: &[u8]) -> Vec<i32> {
        let words = bytes.chunks(4).map(|w| w.try_into().expect("4 bytes"));
        words.map(i32::from_le_bytes).collect()
    }

    #[test]
    fn strings_padded_with_nulls() {
        let mut column = Utf8::default();
        column.str(1, "ab");
        column.display(2, &7);
        let built = column.finished(4);
        assert_eq!(built.nulls, 2);
        assert_eq!(built.buffers[0], Some(vec![0b0110]));
        assert_eq!(i32s(built.buffers[1].as_ref().unwrap()), [0, 0, 2, 3, 3]);
        assert_eq!(built.buffers[2].as_deref(), Some(&b"ab7"[..]));
    }

    #[test]
    fn a_column_without_nulls_has_no_validity_buffer() {
        let mut column = Fixed::<u32>::default();
        column.put(0, 5);
        column.put(1, u32::MAX);
        let built = column.finished(2);
        assert_eq!((built.nulls, &built.buffers[0]), (0, &None));
        assert_eq!(
            built.buffers[1].as_deref(),
            Some(&[5, 0, 0, 0, 255, 255, 255, 255][..])
        );
    }

    #[test]
    fn bools_are_bits() {
        let mut column = Bools::default();
        for row in [0, 2, 9] {
            column.put(row, row != 2);
        }
        let built = column.finished(10);
        assert_eq!(built.buffers[0], Some(vec![0b0000_0101, 0b10]));
        assert_eq!(built.buffers[1], Some(vec![0b0000_0001, 0b10]));
    }

    #[test]
    fn lists_and_their_null_items() {
        let mut column = List::<Utf8>::default();
        let values = [Some("a"), None, Some("b")];
        column.put(0, values, |items, at, item| {
            if let Some(text) = item {
                items.str(at, text);
            }
        });
        column.put(2, [] as [&str; 0], |items, at, item| items.str(at, item));
        let built = column.finished(3);
        assert_eq!(built.buffers[0], Some(vec![0b101]));
        assert_eq!(i32s(built.buffers[1].as_ref().unwrap()), [0, 3, 3, 3]);
        let items = &built.children[0];
        assert_eq!((items.nulls, &items.buffers[0]), (1, &Some(vec![0b101])));
    }

    #[test]
    fn text_beyond_int32_offsets_is_too_large_not_a_panic() {
        let mut column = List::<Utf8>::default();
        column.put(0, ["x".repeat(MAX_OFFSET)], |items, at, item| {
            items.str(at, &item)
        });
        assert!(!column.finished(1).too_large);
        let mut column = List::<Utf8>::default();
        column.put(0, ["x".repeat(MAX_OFFSET + 1)], |items, at, item| {
            items.str(at, &item)
        });
        assert!(column.finished(1).too_large);
    }

    #[test]
    fn an_instant_beyond_nanoseconds_is_its_text() {
        let (mut nanos, mut text) = (Fixed::<i64>::default(), Utf8::default());
        let instants = [
            "1970-01-01T00:00:01.5Z",
            "2262-04-12T00:00:00Z",
            "2016-12-31T23:59:60Z",
        ];
        for (row, instant) in instants.iter().enumerate() {
            let value: DateTime<Utc> = serde_json::from_str(&format!("\"{instant}\"")).unwrap();
            stamp(&mut nanos, &mut text, row, &value);
        }
        let (nanos, text) = (nanos.finished(3), text.finished(3));
        assert_eq!(nanos.buffers[0], Some(vec![0b001]));
        let first = i64::from_le_bytes(nanos.buffers[1].as_ref().unwrap()[..8].try_into().unwrap());
        assert_eq!(first, 1_500_000_000);
        let written = String::from_utf8(text.buffers[2].clone().unwrap()).unwrap();
        assert_eq!(written, "2262-04-12T00:00:00Z2016-12-31T23:59:60Z");
    }
}

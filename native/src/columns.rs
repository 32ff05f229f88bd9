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
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use serde::Serialize;

/// A column's buffers and children, in Arrow's order for its type; a validity buffer
/// is left out (None) when the column has no null.
pub struct Built {
    nulls: usize,
    buffers: Vec<Option<Vec<u8>>>,
    children: Vec<Built>,
}

impl Built {
    /// The column as Python receives it: (null count, buffers, children).
    pub fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
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
pub struct Utf8 {
    valid: Validity,
    offsets: Vec<i32>,
    data: Vec<u8>,
}

impl Default for Utf8 {
    fn default() -> Self {
        Self {
            valid: Validity::default(),
            offsets: vec![0],
            data: Vec::new(),
        }
    }
}

impl Utf8 {
    fn end_value(&mut self, valid: bool) {
        self.valid.push(valid);
        // a batch holds at most one chunk of a log (logs.batch.BATCH), far below 2 GiB
        let end = i32::try_from(self.data.len()).expect("a batch's text fits int32 offsets");
        self.offsets.push(end);
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
        Built {
            nulls,
            buffers: vec![validity, Some(bytes_of(&self.offsets)), Some(self.data)],
            children: Vec::new(),
        }
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
        Built {
            nulls,
            buffers: vec![validity, Some(bytes_of(&self.values))],
            children: Vec::new(),
        }
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
        Built {
            nulls,
            buffers: vec![validity, Some(self.values.bytes)],
            children: Vec::new(),
        }
    }
}

/// list<T>: int32 offsets into the items, a column of their own.
pub struct List<T: Column> {
    valid: Validity,
    offsets: Vec<i32>,
    pub items: T,
}

impl<T: Column> Default for List<T> {
    fn default() -> Self {
        Self {
            valid: Validity::default(),
            offsets: vec![0],
            items: T::default(),
        }
    }
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
        let end = i32::try_from(self.items.len()).expect("a batch's items fit int32 offsets");
        self.offsets.push(end);
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
        let items = self.items.len();
        Built {
            nulls,
            buffers: vec![validity, Some(bytes_of(&self.offsets))],
            children: vec![self.items.finished(items)],
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

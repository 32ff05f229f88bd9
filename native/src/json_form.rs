//! serde's serialization of a model as Python values: its JSON form.
//!
//! `Form` is a serde `Serializer` whose output is what `json.loads` of serde_json's
//! text would give: dicts (struct members in serde's order, skipped ones absent; map
//! keys as serialized), lists, ints, floats, strings, None. A parent Pydantic model
//! hands it to its JSON writer, which spells numbers and strings as serde_json does.
//!
//! Two things make it cheaper than a general-purpose serializer: struct member names
//! are Python strings made once per name, and a `serde_json::Value` the model holds
//! that is already in serde's form (keys sorted at every level, only JSON's types) is
//! handed over as a copy of its dicts and lists that shares the model's strings and
//! numbers (`held_form`), not rebuilt leaf by leaf. (Never the model's own dicts: a
//! `model_dump(mode="json")` must not hand out what the model holds.)

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString};
use pyo3::IntoPyObjectExt;
use serde::ser::{self, Impossible, Serialize};

/// The newtype name under which a held Value is passed through (see `pass_through`).
const PASSED: &str = "$jamjet::held-value";

thread_local! {
    static ACTIVE: Cell<bool> = const { Cell::new(false) };
    static HELD: RefCell<Option<Py<PyAny>>> = const { RefCell::new(None) };
    static NAMES: RefCell<HashMap<usize, Py<PyString>>> = RefCell::new(HashMap::new());
}

/// `value` serialized into its JSON form; None if serde's serialization fails.
pub fn to_form<'py, T: Serialize>(py: Python<'py>, value: &T) -> Option<Bound<'py, PyAny>> {
    ACTIVE.set(true);
    let form = value.serialize(Form { py });
    ACTIVE.set(false);
    HELD.take();
    form.ok()
}

/// Whether a Value's Serialize may hand its object over (only `Form` is serializing).
pub fn passing_through() -> bool {
    ACTIVE.get()
}

/// Hands `held` over to the `Form` serializer: a Value's Serialize calls this with its
/// own object when that object is already in serde's form.
pub fn pass_through<S: ser::Serializer>(
    held: &Bound<'_, PyAny>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    HELD.replace(Some(held.clone().unbind()));
    serializer.serialize_newtype_struct(PASSED, &())
}

#[derive(Debug)]
pub struct FormError(String);

impl fmt::Display for FormError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FormError {}

impl ser::Error for FormError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        FormError(message.to_string())
    }
}

type Out<'py> = Result<Bound<'py, PyAny>, FormError>;

fn name<'py>(py: Python<'py>, text: &'static str) -> Bound<'py, PyString> {
    NAMES.with_borrow_mut(|names| {
        names
            .entry(text.as_ptr() as usize)
            .or_insert_with(|| PyString::intern(py, text).unbind())
            .bind(py)
            .clone()
    })
}

fn failed(err: PyErr) -> FormError {
    FormError(err.to_string())
}

/// Serializer methods for integers: each a Python int.
macro_rules! integers {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> Out<'py> {
            self.int(v)
        }
    )*};
}

#[derive(Clone, Copy)]
struct Form<'py> {
    py: Python<'py>,
}

impl<'py> Form<'py> {
    fn int<T: IntoPyObject<'py>>(self, value: T) -> Out<'py> {
        value
            .into_bound_py_any(self.py)
            .map_err(|_| FormError("not an integer".to_owned()))
    }
}

impl<'py> ser::Serializer for Form<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = FormError;
    type SerializeSeq = Items<'py>;
    type SerializeTuple = Items<'py>;
    type SerializeTupleStruct = Items<'py>;
    type SerializeTupleVariant = Impossible<Self::Ok, FormError>;
    type SerializeMap = Members<'py>;
    type SerializeStruct = Members<'py>;
    type SerializeStructVariant = Impossible<Self::Ok, FormError>;

    fn serialize_bool(self, v: bool) -> Out<'py> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }
    integers!(
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64
    );
    fn serialize_f32(self, v: f32) -> Out<'py> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Out<'py> {
        if !v.is_finite() {
            return Err(FormError("a float that is not finite".to_owned()));
        }
        Ok(PyFloat::new(self.py, v).into_any())
    }
    fn serialize_char(self, v: char) -> Out<'py> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Out<'py> {
        Ok(PyString::new(self.py, v).into_any())
    }
    fn serialize_bytes(self, _: &[u8]) -> Out<'py> {
        Err(FormError("bytes have no JSON form".to_owned()))
    }
    fn serialize_none(self) -> Out<'py> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Out<'py> {
        Ok(name(self.py, variant).into_any())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        newtype: &'static str,
        value: &T,
    ) -> Out<'py> {
        if newtype == PASSED {
            if let Some(held) = HELD.take() {
                return Ok(held.into_bound(self.py));
            }
        }
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Out<'py> {
        let dict = PyDict::new(self.py);
        dict.set_item(name(self.py, variant), value.serialize(self)?)
            .map_err(failed)?;
        Ok(dict.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Items<'py>, FormError> {
        Ok(Items {
            form: self,
            items: Vec::with_capacity(len.unwrap_or(0)),
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Items<'py>, FormError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Items<'py>, FormError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, FormError> {
        Err(FormError(
            "tuple variants are not in the contract".to_owned(),
        ))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Members<'py>, FormError> {
        Ok(Members {
            form: self,
            dict: PyDict::new(self.py),
            key: None,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Members<'py>, FormError> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, FormError> {
        Err(FormError(
            "struct variants are not in the contract".to_owned(),
        ))
    }
}

pub struct Items<'py> {
    form: Form<'py>,
    items: Vec<Bound<'py, PyAny>>,
}

impl<'py> Items<'py> {
    fn push<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), FormError> {
        self.items.push(value.serialize(self.form)?);
        Ok(())
    }
    fn list(self) -> Out<'py> {
        Ok(PyList::new(self.form.py, self.items)
            .map_err(failed)?
            .into_any())
    }
}

/// The three sequence traits serde has for what is, in JSON, one array.
macro_rules! items_as {
    ($($trait:ident :: $method:ident),*) => {$(
        impl<'py> ser::$trait for Items<'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = FormError;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), FormError> {
                self.push(value)
            }
            fn end(self) -> Out<'py> {
                self.list()
            }
        }
    )*};
}

items_as!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

pub struct Members<'py> {
    form: Form<'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
}

impl<'py> ser::SerializeMap for Members<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = FormError;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), FormError> {
        self.key = Some(key.serialize(self.form)?);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), FormError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| FormError("a map value without its key".to_owned()))?;
        self.dict
            .set_item(key, value.serialize(self.form)?)
            .map_err(failed)
    }
    fn end(self) -> Out<'py> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStruct for Members<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = FormError;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), FormError> {
        let key = name(self.form.py, key);
        self.dict
            .set_item(key, value.serialize(self.form)?)
            .map_err(failed)
    }
    fn end(self) -> Out<'py> {
        Ok(self.dict.into_any())
    }
}

/// A held Value's JSON form, when it is already serde's (JSON's types only, finite
/// floats, integers within u64 or i64, object keys in the order of serde_json's
/// BTreeMap at every level, no deeper than `max_depth`): fresh dicts and lists around
/// the model's own strings and numbers. None when it is not: the caller serializes it.
pub fn held_form<'py>(value: &Bound<'py, PyAny>, max_depth: usize) -> Option<Bound<'py, PyAny>> {
    if max_depth == 0 {
        return None;
    }
    if value.is_none()
        || value.is_exact_instance_of::<PyBool>()
        || value.is_exact_instance_of::<PyString>()
    {
        return Some(value.clone());
    }
    if let Ok(int) = value.cast_exact::<PyInt>() {
        let fits = int.extract::<i64>().is_ok() || int.extract::<u64>().is_ok();
        return fits.then(|| value.clone());
    }
    if let Ok(float) = value.cast_exact::<PyFloat>() {
        return float.value().is_finite().then(|| value.clone());
    }
    if let Ok(list) = value.cast_exact::<PyList>() {
        let items: Option<Vec<_>> = list
            .iter()
            .map(|item| held_form(&item, max_depth - 1))
            .collect();
        return PyList::new(value.py(), items?).ok().map(Bound::into_any);
    }
    let dict = value.cast_exact::<PyDict>().ok()?;
    let copy = PyDict::new(value.py());
    let mut previous: Option<Bound<'py, PyString>> = None;
    for (key, item) in dict.iter() {
        let key = key.cast_into_exact::<PyString>().ok()?;
        if let Some(before) = &previous {
            if before.to_str().ok()? >= key.to_str().ok()? {
                return None; // not in serde_json's key order: serialized sorted instead
            }
        }
        copy.set_item(&key, held_form(&item, max_depth - 1)?).ok()?;
        previous = Some(key);
    }
    Some(copy.into_any())
}

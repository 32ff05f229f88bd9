//! The leaves the generated code (generated/native/wire.rs) is built of: Python objects
//! made from what serde read, and serde values taken back from the models' fields.
//!
//! Reading runs two parses of an accepted text. The first, into the generated crate's
//! types, is the verdict. The second, into the shadow types emitted beside them (every
//! member optional, leaves deserialized by the same serde impls), builds the Python
//! objects: it sees which members were given (the models' `model_fields_set`) and
//! keeps `serde_json::Value` objects in document order, as the Python models do.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::marker::PhantomData;

use chrono::{DateTime, Utc};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PySet, PyString, PyTuple, PyType};
use pyo3::{ffi, intern};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{self, Serialize, SerializeMap, SerializeSeq, Serializer};
use uuid::Uuid;

use crate::json_form as form;
use crate::strings::py_str;

pub type Obj = Py<PyAny>;

/// Type object addresses are their own hash.
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _bytes: &[u8]) {
        unreachable!("only addresses are hashed")
    }
    fn write_usize(&mut self, address: usize) {
        self.0 = (address >> 4) as u64; // objects are 16-byte aligned
    }
}

/// The Python classes the generated code builds, handed over once by `bind`.
pub struct Registry {
    classes: Vec<Py<PyType>>,
    index: HashMap<usize, usize, BuildHasherDefault<AddressHasher>>, // address -> position
    timestamp: Py<PyType>,
    uuid: Py<PyType>,
    uuid_unknown: Obj,        // uuid.SafeUUID.unknown, what UUID(int=...) records
    model_slots: [SlotAt; 3], // BaseModel's fields_set, extra, private
    timestamp_slots: [SlotAt; 3], // Timestamp's _seconds, _nanos, _text
    uuid_slots: [SlotAt; 2],  // UUID's int, is_safe
}

/// Where a `__slots__` member of a class lives in its instances: written directly,
/// as `object.__setattr__` would, without looking the descriptor up every time.
#[derive(Clone, Copy)]
struct SlotAt(isize);

impl SlotAt {
    /// The offset of the slot `class.<name>` (a member descriptor holding an object).
    ///
    /// The limited API (abi3: one wheel for every CPython) hides the descriptor's
    /// offset, so it is found by setting the slot of a bare instance to a fresh object
    /// through the descriptor and finding that object's address in the instance.
    fn of(class: &Bound<'_, PyType>, name: &str) -> PyResult<Self> {
        let py = class.py();
        let descr = class.getattr(name)?;
        let not_a_slot = || PyValueError::new_err(format!("{name} is not a slot of {class}"));
        if descr.get_type().name()?.to_cow()? != "member_descriptor" {
            return Err(not_a_slot());
        }
        let probe = bare_instance(class)?;
        let marker = PyList::empty(py);
        descr.call_method1("__set__", (&probe, &marker))?;
        let size: usize = class.getattr("__basicsize__")?.extract()?;
        let word = std::mem::size_of::<*mut ffi::PyObject>();
        let base = probe.as_ptr().cast::<u8>();
        (2 * word..size) // past the reference count and the type
            .step_by(word)
            .find(|&offset| unsafe {
                base.add(offset).cast::<*mut ffi::PyObject>().read() == marker.as_ptr()
            })
            .map(|offset| SlotAt(offset as isize))
            .ok_or_else(not_a_slot)
    }

    /// Sets the slot of `obj`, an instance of the class the offset came from.
    fn set(self, obj: &Bound<'_, PyAny>, value: &Bound<'_, PyAny>) {
        unsafe {
            let slot = obj
                .as_ptr()
                .cast::<u8>()
                .offset(self.0)
                .cast::<*mut ffi::PyObject>();
            let old = std::ptr::replace(slot, value.clone().into_ptr());
            ffi::Py_XDECREF(old);
        }
    }
}

static REGISTRY: PyOnceLock<Registry> = PyOnceLock::new();

pub fn bind(
    py: Python<'_>,
    classes: Vec<Bound<'_, PyType>>,
    timestamp: Bound<'_, PyType>,
    uuid: Bound<'_, PyType>,
    uuid_unknown: Bound<'_, PyAny>,
) -> PyResult<()> {
    let index = classes
        .iter()
        .enumerate()
        .map(|(i, class)| (class.as_ptr() as usize, i))
        .collect();
    let model = classes
        .first()
        .ok_or_else(|| PyValueError::new_err("no classes"))?;
    let model_slots = [
        SlotAt::of(model, "__pydantic_fields_set__")?,
        SlotAt::of(model, "__pydantic_extra__")?,
        SlotAt::of(model, "__pydantic_private__")?,
    ];
    let timestamp_slots = [
        SlotAt::of(&timestamp, "_seconds")?,
        SlotAt::of(&timestamp, "_nanos")?,
        SlotAt::of(&timestamp, "_text")?,
    ];
    let uuid_slots = [SlotAt::of(&uuid, "int")?, SlotAt::of(&uuid, "is_safe")?];
    let registry = Registry {
        model_slots,
        timestamp_slots,
        uuid_slots,
        classes: classes.into_iter().map(Bound::unbind).collect(),
        index,
        timestamp: timestamp.unbind(),
        uuid: uuid.unbind(),
        uuid_unknown: uuid_unknown.unbind(),
    };
    // A second bind (a reloaded module) keeps the first classes: their instances live on.
    let _ = REGISTRY.set(py, registry);
    Ok(())
}

fn registry(py: Python<'_>) -> PyResult<&Registry> {
    REGISTRY
        .get(py)
        .ok_or_else(|| PyValueError::new_err("jamjet_schema native core used before bind()"))
}

/// The position in the generated class list of `value`'s exact class.
pub fn class_index(value: &Bound<'_, PyAny>) -> Option<usize> {
    let registry = registry(value.py()).ok()?;
    registry
        .index
        .get(&(value.get_type().as_ptr() as usize))
        .copied()
}

pub fn class<'py>(py: Python<'py>, index: usize) -> PyResult<&'py Bound<'py, PyType>> {
    Ok(registry(py)?.classes[index].bind(py))
}

/// An instance of `class` made without running its `__init__`, as pydantic-core does.
fn bare_instance<'py>(class: &Bound<'py, PyType>) -> PyResult<Bound<'py, PyAny>> {
    let py = class.py();
    let args = PyTuple::empty(py);
    unsafe {
        let tp = class.as_type_ptr();
        let slot = ffi::PyType_GetSlot(tp, ffi::Py_tp_new);
        if slot.is_null() {
            return Err(PyValueError::new_err("class without tp_new"));
        }
        let new: ffi::newfunc = std::mem::transmute(slot);
        Bound::from_owned_ptr_or_err(py, new(tp, args.as_ptr(), std::ptr::null_mut()))
    }
}

// -- reading: the shadow types' leaves ----------------------------------------------------

/// What the shadow types become: the Python object the models hold.
pub trait Build {
    fn build(self, py: Python<'_>) -> PyResult<Obj>;
}

/// A member as the input gave it; None when it was absent.
pub struct Slot<T>(pub Option<T>);

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Slot(None)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Slot<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d).map(|value| Slot(Some(value)))
    }
}

/// The GIL token inside a Deserialize impl: every shadow parse runs from a Python call.
fn attached() -> Python<'static> {
    unsafe { Python::assume_attached() }
}

/// A leaf deserialized by serde as `T`, held as its Python object.
pub struct Leaf<T>(Obj, PhantomData<T>);

impl<'de, T: Deserialize<'de> + ToPy> Deserialize<'de> for Leaf<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = T::deserialize(d)?;
        let obj = value.to_py(attached()).map_err(de::Error::custom)?;
        Ok(Leaf(obj, PhantomData))
    }
}

impl<T> Build for Leaf<T> {
    fn build(self, _py: Python<'_>) -> PyResult<Obj> {
        Ok(self.0)
    }
}

/// A `String` leaf, made a Python str straight from the parser's text.
pub struct Str(Obj);

impl<'de> Deserialize<'de> for Str {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Text;
        impl Visitor<'_> for Text {
            type Value = Str;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Str, E> {
                Ok(Str(py_str(attached(), v).into_any().unbind()))
            }
        }
        d.deserialize_str(Text)
    }
}

impl Build for Str {
    fn build(self, _py: Python<'_>) -> PyResult<Obj> {
        Ok(self.0)
    }
}

/// `Option<T>`: None is Python's None.
pub struct Opt<T>(Option<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Opt<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(d).map(Opt)
    }
}

impl<T: Build> Build for Opt<T> {
    fn build(self, py: Python<'_>) -> PyResult<Obj> {
        match self.0 {
            None => Ok(py.None()),
            Some(value) => value.build(py),
        }
    }
}

/// `Vec<T>`: a Python list.
pub struct List<T>(Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize(d).map(List)
    }
}

impl<T: Build> Build for List<T> {
    fn build(self, py: Python<'_>) -> PyResult<Obj> {
        let items = self
            .0
            .into_iter()
            .map(|item| item.build(py))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, items)?.into_any().unbind())
    }
}

/// `Box<T>`: what T builds (the generated crate boxes a recursive field; so do the shadows).
impl<T: Build> Build for Box<T> {
    fn build(self, py: Python<'_>) -> PyResult<Obj> {
        (*self).build(py)
    }
}

/// `serde_json::Value`: plain Python data, objects in document order (a repeated key
/// keeps its first place and its last value, as the Python models' dicts do). The
/// numbers are serde_json's own: its arithmetic, integers beyond 64 bits as floats.
pub struct Json(Obj);

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

impl Build for Json {
    fn build(self, _py: Python<'_>) -> PyResult<Obj> {
        Ok(self.0)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any valid JSON value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json, E> {
        Ok(Json(
            PyBool::new(attached(), v).to_owned().into_any().unbind(),
        ))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json, E> {
        Ok(Json(
            v.into_pyobject(attached())
                .map_err(E::custom)?
                .into_any()
                .unbind(),
        ))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json, E> {
        Ok(Json(
            v.into_pyobject(attached())
                .map_err(E::custom)?
                .into_any()
                .unbind(),
        ))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
        Ok(Json(PyFloat::new(attached(), v).into_any().unbind()))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        Ok(Json(py_str(attached(), v).into_any().unbind()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json(attached().None()))
    }
    fn visit_none<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json(attached().None()))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        Json::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let py = attached();
        let list = PyList::empty(py);
        while let Some(Json(item)) = seq.next_element()? {
            list.append(item).map_err(de::Error::custom)?;
        }
        Ok(Json(list.into_any().unbind()))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let py = attached();
        let dict = PyDict::new(py);
        while let Some(key) = map.next_key::<Str>()? {
            let Json(value) = map.next_value()?;
            dict.set_item(key.0, value).map_err(de::Error::custom)?;
        }
        Ok(Json(dict.into_any().unbind()))
    }
}

/// The Python object the models hold for a serde value. The reading of a canonical
/// text builds a whole model from the generated crate's value this way (see `read_as`).
pub trait ToPy {
    fn to_py(&self, py: Python<'_>) -> PyResult<Obj>;
}

macro_rules! to_py_by_pyo3 {
    ($($t:ty),*) => {$(
        impl ToPy for $t {
            fn to_py(&self, py: Python<'_>) -> PyResult<Obj> {
                Ok(self.into_pyobject(py)?.to_owned().into_any().unbind())
            }
        }
    )*};
}
to_py_by_pyo3!(bool, u32, u64, i64, f64);

impl ToPy for String {
    fn to_py(&self, py: Python<'_>) -> PyResult<Obj> {
        Ok(py_str(py, self).into_any().unbind())
    }
}

impl ToPy for DateTime<Utc> {
    /// A `jamjet_schema.Timestamp` holding chrono's seconds and nanoseconds (a leap
    /// second's nanoseconds run past 1e9, as chrono keeps them).
    fn to_py(&self, py: Python<'_>) -> PyResult<Obj> {
        let registry = registry(py)?;
        let instance = bare_instance(registry.timestamp.bind(py))?;
        let [seconds, nanos, text] = registry.timestamp_slots;
        seconds.set(&instance, self.timestamp().into_pyobject(py)?.as_any());
        nanos.set(
            &instance,
            self.timestamp_subsec_nanos().into_pyobject(py)?.as_any(),
        );
        text.set(&instance, &py.None().into_bound(py));
        Ok(instance.unbind())
    }
}

impl ToPy for Uuid {
    /// A `uuid.UUID`, as `UUID(int=...)` makes it.
    fn to_py(&self, py: Python<'_>) -> PyResult<Obj> {
        let registry = registry(py)?;
        let instance = bare_instance(registry.uuid.bind(py))?;
        let [int, is_safe] = registry.uuid_slots;
        int.set(&instance, self.as_u128().into_pyobject(py)?.as_any());
        is_safe.set(&instance, registry.uuid_unknown.bind(py));
        Ok(instance.unbind())
    }
}

impl ToPy for serde_json::Value {
    /// Plain Python data; objects in the map's (sorted) order, which is the document
    /// order of a canonical text.
    fn to_py(&self, py: Python<'_>) -> PyResult<Obj> {
        use serde_json::Value;
        Ok(match self {
            Value::Null => py.None(),
            Value::Bool(flag) => flag.to_py(py)?,
            Value::Number(number) => match (number.as_u64(), number.as_i64()) {
                (Some(n), _) => n.to_py(py)?,
                (None, Some(n)) => n.to_py(py)?,
                _ => number.as_f64().unwrap_or(f64::NAN).to_py(py)?,
            },
            Value::String(text) => text.to_py(py)?,
            Value::Array(items) => items.to_py(py)?,
            Value::Object(map) => {
                let dict = PyDict::new(py);
                for (key, item) in map {
                    dict.set_item(py_str(py, key), item.to_py(py)?)?;
                }
                dict.into_any().unbind()
            }
        })
    }
}

impl<T: ToPy> ToPy for Option<T> {
    fn to_py(&self, py: Python<'_>) -> PyResult<Obj> {
        match self {
            None => Ok(py.None()),
            Some(value) => value.to_py(py),
        }
    }
}

impl<T: ToPy> ToPy for Vec<T> {
    fn to_py(&self, py: Python<'_>) -> PyResult<Obj> {
        let items = self
            .iter()
            .map(|item| item.to_py(py))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, items)?.into_any().unbind())
    }
}

impl<T: ToPy> ToPy for Box<T> {
    fn to_py(&self, py: Python<'_>) -> PyResult<Obj> {
        (**self).to_py(py)
    }
}

/// A unit enum's member, by its wire name (the members of the generated StrEnums are
/// named as they are written).
pub fn enum_member(py: Python<'_>, class_index: usize, wire_name: &str) -> PyResult<Obj> {
    Ok(class(py, class_index)?.getattr(wire_name)?.unbind())
}

/// The `__dict__` and `model_fields_set` of a model being built.
pub struct Fields<'py> {
    dict: Bound<'py, PyDict>,
    set: Bound<'py, PySet>,
}

impl<'py> Fields<'py> {
    pub fn new(py: Python<'py>) -> PyResult<Self> {
        Ok(Fields {
            dict: PyDict::new(py),
            set: PySet::empty(py)?,
        })
    }

    /// A field of a value read from a canonical text: given exactly when serde writes it.
    pub fn written<T: ToPy>(
        &self,
        key: &Bound<'py, PyString>,
        value: &T,
        written: bool,
    ) -> PyResult<()> {
        let obj = value.to_py(self.dict.py())?;
        if written {
            self.given(key, obj)
        } else {
            self.dict.set_item(key, obj)
        }
    }

    /// A member the input gave.
    pub fn given(&self, key: &Bound<'py, PyString>, value: Obj) -> PyResult<()> {
        self.dict.set_item(key, value)?;
        self.set.add(key)
    }

    /// A field from its slot, or what the model holds when the member was absent.
    pub fn put<T: Build>(
        &self,
        key: &Bound<'py, PyString>,
        slot: Slot<T>,
        missing: impl FnOnce(Python<'py>) -> PyResult<Obj>,
    ) -> PyResult<()> {
        let py = self.dict.py();
        match slot.0 {
            Some(value) => self.given(key, value.build(py)?),
            None => self.dict.set_item(key, missing(py)?),
        }
    }

    /// The model instance, as `model_validate` would have made it.
    pub fn into_model(self, class_index: usize) -> PyResult<Obj> {
        let py = self.dict.py();
        let registry = registry(py)?;
        let instance = bare_instance(registry.classes[class_index].bind(py))?;
        let status = unsafe {
            ffi::PyObject_GenericSetDict(
                instance.as_ptr(),
                self.dict.as_ptr(),
                std::ptr::null_mut(),
            )
        };
        if status < 0 {
            return Err(PyErr::fetch(py));
        }
        let [fields_set, extra, private] = registry.model_slots;
        let none = py.None().into_bound(py);
        fields_set.set(&instance, &self.set);
        extra.set(&instance, &none);
        private.set(&instance, &none);
        Ok(instance.unbind())
    }
}

/// An Option field the input left out.
pub fn missing_none(py: Python<'_>) -> PyResult<Obj> {
    Ok(py.None())
}

/// A required field the input left out: serde refused such a text already, so the
/// shadow parse disagreeing with the verdict; the caller takes the exact path.
pub fn missing_required(_py: Python<'_>) -> PyResult<Obj> {
    Err(PyValueError::new_err(
        "a required member is missing after serde accepted the text",
    ))
}

/// A `#[serde(default)]` field the input left out: the default, as JSON, made fresh.
pub fn missing_default(json: &'static str) -> impl FnOnce(Python<'_>) -> PyResult<Obj> {
    move |_py| {
        serde_json::from_str::<Json>(json)
            .map(|value| value.0)
            .map_err(|err| PyValueError::new_err(err.to_string()))
    }
}

// -- writing: serde values from the models' fields ----------------------------------------

/// A model field as the serializing mirror types (generated/native/wire.rs `<Name>Out`)
/// hold it; None for anything a validated model does not hold, which the Python
/// writer then handles (and refuses, where serde_json would).
pub trait FromPy<'py>: Sized {
    fn from_py(value: &Bound<'py, PyAny>) -> Option<Self>;
}

/// Whether `serde_json::to_vec(value)` is `text`, written into a buffer kept per
/// thread (no allocation once it has grown to an event's size).
pub fn writes_back<T: Serialize>(value: &T, text: &[u8]) -> bool {
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUFFER.with_borrow_mut(|out| {
        out.clear();
        serde_json::to_writer(&mut *out, value).is_ok() && out.as_slice() == text
    })
}

/// Where a model's serializing mirror is written (generated/native/wire.rs `write_model`).
pub trait Writer {
    type Output;
    fn write<T: Serialize>(self, value: &T) -> Option<Self::Output>;
}

/// `serde_json::to_string`, into a buffer the size of a typical event.
pub struct JsonText;

impl Writer for JsonText {
    type Output = String;
    fn write<T: Serialize>(self, value: &T) -> Option<String> {
        let mut out = Vec::with_capacity(512);
        serde_json::to_writer(&mut out, value).ok()?;
        String::from_utf8(out).ok()
    }
}

/// The same serialization as Python's JSON form (form.rs): dicts in serde's member
/// order, ints, floats, strings, lists, None. Any JSON writer that spells numbers and
/// strings as serde_json does writes serde's bytes from it; a parent Pydantic model
/// does, which is how an Event nested in a user's model is written exactly.
pub struct JsonForm<'py>(pub Python<'py>);

impl Writer for JsonForm<'_> {
    type Output = Obj;
    fn write<T: Serialize>(self, value: &T) -> Option<Obj> {
        form::to_form(self.0, value).map(Bound::unbind)
    }
}

/// A model's `__dict__` (what its `__dict__` descriptor returns, without the lookup).
pub fn fields_of<'py>(model: &Bound<'py, PyAny>) -> Option<Bound<'py, PyDict>> {
    let py = model.py();
    let dict = unsafe { ffi::PyObject_GenericGetDict(model.as_ptr(), std::ptr::null_mut()) };
    let dict = unsafe { Bound::from_owned_ptr_or_opt(py, dict) };
    if dict.is_none() {
        PyErr::take(py); // no __dict__: not a model the core writes
    }
    dict?.cast_into::<PyDict>().ok()
}

/// One field of a model's `__dict__`, as its mirror type.
pub fn take<'py, T: FromPy<'py>>(
    fields: &Bound<'py, PyDict>,
    key: &Bound<'py, PyString>,
) -> Option<T> {
    T::from_py(&fields.get_item(key).ok()??)
}

/// A `String` field: the Python str, serialized as `String` is (a lone surrogate, which
/// no Rust string holds, fails the write and leaves it to the Python writer).
pub struct PyText<'py>(Bound<'py, PyString>);

impl<'py> FromPy<'py> for PyText<'py> {
    fn from_py(value: &Bound<'py, PyAny>) -> Option<Self> {
        Some(PyText(value.cast_exact::<PyString>().ok()?.clone()))
    }
}

impl Serialize for PyText<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self
            .0
            .to_str()
            .map_err(|_| ser::Error::custom("lone surrogate"))?;
        serializer.serialize_str(text)
    }
}

/// A `serde_json::Value` field, serialized as serde_json's `Value` serializes: null,
/// booleans, integers as u64 or i64, finite floats, strings, arrays, and objects with
/// their keys in sorted order (its map is a BTreeMap). Anything else fails the write.
pub struct PyJson<'py>(Bound<'py, PyAny>, usize); // the value, its nesting depth

/// Deeper than any Value serde_json reads (128), and far from the stack's end: a
/// model built without validation may hold anything; the Python writer decides then.
const MAX_DEPTH: usize = 1024;

impl<'py> FromPy<'py> for PyJson<'py> {
    fn from_py(value: &Bound<'py, PyAny>) -> Option<Self> {
        Some(PyJson(value.clone(), 0))
    }
}

fn not_a_value<E: ser::Error>(value: &Bound<'_, PyAny>) -> E {
    E::custom(format!("not a serde_json::Value: {}", value.get_type()))
}

impl Serialize for PyJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if form::passing_through() {
            if let Some(copy) = form::held_form(&self.0, MAX_DEPTH - self.1) {
                return form::pass_through(&copy, serializer);
            }
        }
        let (value, depth) = (&self.0, self.1 + 1);
        if depth > MAX_DEPTH {
            return Err(ser::Error::custom("a Value nested too deep"));
        }
        if value.is_none() {
            return serializer.serialize_unit();
        }
        if let Ok(flag) = value.cast_exact::<PyBool>() {
            return serializer.serialize_bool(flag.is_true());
        }
        if let Ok(int) = value.cast_exact::<PyInt>() {
            if let Ok(n) = int.extract::<u64>() {
                return serializer.serialize_u64(n);
            }
            let n: i64 = int.extract().map_err(|_| not_a_value::<S::Error>(value))?;
            return serializer.serialize_i64(n);
        }
        if let Ok(float) = value.cast_exact::<PyFloat>() {
            let n = float.value();
            if !n.is_finite() {
                return Err(not_a_value(value));
            }
            return serializer.serialize_f64(n);
        }
        if let Ok(text) = value.cast_exact::<PyString>() {
            return PyText(text.clone()).serialize(serializer);
        }
        if let Ok(list) = value.cast_exact::<PyList>() {
            let mut seq = serializer.serialize_seq(Some(list.len()))?;
            for item in list.iter() {
                seq.serialize_element(&PyJson(item, depth))?;
            }
            return seq.end();
        }
        let dict = value
            .cast_exact::<PyDict>()
            .map_err(|_| not_a_value::<S::Error>(value))?;
        let mut entries = Vec::with_capacity(dict.len());
        for (key, item) in dict.iter() {
            let key = key
                .cast_into_exact::<PyString>()
                .map_err(|_| not_a_value::<S::Error>(value))?;
            entries.push((key, item));
        }
        let mut texts = Vec::with_capacity(entries.len());
        for (key, item) in &entries {
            let text = key
                .to_str()
                .map_err(|_| ser::Error::custom("lone surrogate"))?;
            texts.push((text, item));
        }
        texts.sort_unstable_by(|a, b| a.0.cmp(b.0)); // String's order: the BTreeMap's
        let mut map = serializer.serialize_map(Some(texts.len()))?;
        for (key, item) in texts {
            map.serialize_entry(key, &PyJson(item.clone(), depth))?;
        }
        map.end()
    }
}

impl FromPy<'_> for bool {
    fn from_py(value: &Bound<'_, PyAny>) -> Option<Self> {
        Some(value.cast_exact::<PyBool>().ok()?.is_true())
    }
}

macro_rules! from_py_int {
    ($($t:ty),*) => {$(
        impl FromPy<'_> for $t {
            fn from_py(value: &Bound<'_, PyAny>) -> Option<Self> {
                value.cast_exact::<PyInt>().ok()?.extract().ok()
            }
        }
    )*};
}
from_py_int!(u32, u64, i64);

impl FromPy<'_> for f64 {
    fn from_py(value: &Bound<'_, PyAny>) -> Option<Self> {
        let number = value.cast_exact::<PyFloat>().ok()?.value();
        number.is_finite().then_some(number)
    }
}

impl FromPy<'_> for DateTime<Utc> {
    fn from_py(value: &Bound<'_, PyAny>) -> Option<Self> {
        let py = value.py();
        if !value.get_type().is(registry(py).ok()?.timestamp.bind(py)) {
            return None;
        }
        let seconds: i64 = value
            .getattr(intern!(py, "_seconds"))
            .ok()?
            .extract()
            .ok()?;
        let nanos: u32 = value.getattr(intern!(py, "_nanos")).ok()?.extract().ok()?;
        DateTime::from_timestamp(seconds, nanos)
    }
}

impl FromPy<'_> for Uuid {
    fn from_py(value: &Bound<'_, PyAny>) -> Option<Self> {
        let py = value.py();
        if !value.get_type().is(registry(py).ok()?.uuid.bind(py)) {
            return None;
        }
        let int: u128 = value.getattr(intern!(py, "int")).ok()?.extract().ok()?;
        Some(Uuid::from_u128(int))
    }
}

impl<'py, T: FromPy<'py>> FromPy<'py> for Option<T> {
    fn from_py(value: &Bound<'py, PyAny>) -> Option<Self> {
        if value.is_none() {
            return Some(None);
        }
        T::from_py(value).map(Some)
    }
}

impl<'py, T: FromPy<'py>> FromPy<'py> for Box<T> {
    fn from_py(value: &Bound<'py, PyAny>) -> Option<Self> {
        T::from_py(value).map(Box::new)
    }
}

impl<'py, T: FromPy<'py>> FromPy<'py> for Vec<T> {
    fn from_py(value: &Bound<'py, PyAny>) -> Option<Self> {
        let list = value.cast_exact::<PyList>().ok()?;
        list.iter().map(|item| T::from_py(&item)).collect()
    }
}

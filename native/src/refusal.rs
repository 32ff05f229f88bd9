//! Why serde refuses a text, as data: serde's message, the field path of the offending
//! value, and what the raise site said (which `serde::de::Error` constructor, and what
//! the visitor expected), from which the Python side names the rule (wire/messages.py).
//!
//! The verdict and the message are serde's own: the text is read into the generated
//! crate's types first. To locate the refusal, the text is read again into a tree
//! (every member kept, duplicates included, numbers as serde_json hands them to a
//! visitor), and the same types are deserialized from the tree through `At`, a
//! deserializer that keeps the path and whose error type, `Fault`, records the raise
//! site. An internally tagged union buffers its members before serde reads the
//! variant, which hides the path inside it; the variant's members are then read once
//! more, on their own (`<Variant>Alone`, emitted in wire.rs). Whatever this module cannot reproduce exactly (a
//! message that differs from serde's, a refusal the tree does not show) it declines,
//! and the caller's exact Python path decides.

use std::borrow::Cow;
use std::fmt::{self, Display};

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, Expected, MapAccess, SeqAccess, Unexpected,
    Visitor,
};
use serde::forward_to_deserialize_any;

use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::wire;

/// A JSON value as serde_json hands it to visitors, every member kept in order; its
/// strings borrowed from the text where they hold no escapes.
pub enum Node<'t> {
    Null,
    Bool(bool),
    U64(u64),
    I64(i64),
    F64(f64),
    Str(Cow<'t, str>),
    Seq(Vec<Node<'t>>),
    Map(Vec<(Cow<'t, str>, Node<'t>)>),
}

impl<'de> Deserialize<'de> for Node<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Node<'de>, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

/// An object's member name, borrowed where it can be.
struct Key<'t>(Cow<'t, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key<'de>, D::Error> {
        match d.deserialize_str(NodeVisitor)? {
            Node::Str(name) => Ok(Key(name)),
            _ => Err(de::Error::custom("a member name that is no string")),
        }
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node<'de>, E> {
        Ok(Node::Bool(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node<'de>, E> {
        Ok(Node::U64(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node<'de>, E> {
        Ok(Node::I64(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node<'de>, E> {
        Ok(Node::F64(v))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
        let mut pairs = Vec::new();
        while let Some(Key(key)) = map.next_key()? {
            pairs.push((key, map.next_value()?));
        }
        Ok(Node::Map(pairs))
    }
}

impl<'t> Node<'t> {
    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            Node::Null => Unexpected::Unit,
            Node::Bool(v) => Unexpected::Bool(*v),
            Node::U64(v) => Unexpected::Unsigned(*v),
            Node::I64(v) => Unexpected::Signed(*v),
            Node::F64(v) => Unexpected::Float(*v),
            Node::Str(v) => Unexpected::Str(v),
            Node::Seq(_) => Unexpected::Seq,
            Node::Map(_) => Unexpected::Map,
        }
    }

    /// The last member `name` of an object, as a plain JSON reader takes it.
    pub fn member(&self, name: &str) -> Option<&Node<'t>> {
        match self {
            Node::Map(pairs) => pairs.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn at(&self, path: &[&str]) -> Option<&Node<'t>> {
        path.iter().try_fold(self, |node, name| node.member(name))
    }
}

/// The kind of a fault raised inside a struct given as a sequence.
const SEQUENCE_FORM: &str = "sequence form";

/// One step of a field path.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Member(String),
    Element(usize),
}

/// A refusal: serde's message, where it happened, and what the raise site said.
#[derive(Debug)]
pub struct Fault {
    pub message: String,
    /// The `serde::de::Error` constructor that raised it ("custom" for a leaf's own).
    pub kind: &'static str,
    /// What the visitor expected (serde's `Expected`), where the raise site says.
    pub expected: Option<String>,
    /// The member a `missing_field` or `duplicate_field` names.
    pub field: Option<&'static str>,
    /// Innermost step first.
    pub path_rev: Vec<Step>,
}

impl Fault {
    fn new(message: String, kind: &'static str, expected: Option<String>) -> Fault {
        Fault {
            message,
            kind,
            expected,
            field: None,
            path_rev: Vec::new(),
        }
    }

    fn within(mut self, step: Step) -> Fault {
        self.path_rev.push(step);
        self
    }

    fn expecting(mut self, expected: impl FnOnce() -> String) -> Fault {
        if self.expected.is_none() {
            self.expected = Some(expected());
        }
        self
    }

    /// The path from the document's root, outermost step first.
    pub fn path(&self) -> impl Iterator<Item = &Step> {
        self.path_rev.iter().rev()
    }
}

impl Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Fault {}

/// serde_json's own wording of each constructor (its `de::Error` impl, which spells
/// `null` and floats its way), so that no message template is spelled here.
fn words(error: serde_json::Error) -> String {
    error.to_string()
}

type Words = serde_json::Error;

impl de::Error for Fault {
    fn custom<T: Display>(msg: T) -> Fault {
        Fault::new(msg.to_string(), "custom", None)
    }
    fn invalid_type(unexp: Unexpected, exp: &dyn Expected) -> Fault {
        let message = words(Words::invalid_type(unexp, exp));
        Fault::new(message, "invalid_type", Some(exp.to_string()))
    }
    fn invalid_value(unexp: Unexpected, exp: &dyn Expected) -> Fault {
        let message = words(Words::invalid_value(unexp, exp));
        Fault::new(message, "invalid_value", Some(exp.to_string()))
    }
    fn invalid_length(len: usize, exp: &dyn Expected) -> Fault {
        let message = words(Words::invalid_length(len, exp));
        Fault::new(message, "invalid_length", Some(exp.to_string()))
    }
    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Fault {
        let message = words(Words::unknown_variant(variant, expected));
        Fault::new(message, "unknown_variant", None)
    }
    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Fault {
        let message = words(Words::unknown_field(field, expected));
        Fault::new(message, "unknown_field", None)
    }
    fn missing_field(field: &'static str) -> Fault {
        let message = words(Words::missing_field(field));
        Fault {
            field: Some(field),
            ..Fault::new(message, "missing_field", None)
        }
    }
    fn duplicate_field(field: &'static str) -> Fault {
        let message = words(Words::duplicate_field(field));
        Fault {
            field: Some(field),
            ..Fault::new(message, "duplicate_field", None)
        }
    }
}

/// What a visitor expects, in its own words.
fn expecting<'de, V: Visitor<'de>>(visitor: &V) -> String {
    struct Says<'v, V>(&'v V);
    impl<'de, V: Visitor<'de>> Display for Says<'_, V> {
        fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
            self.0.expecting(f)
        }
    }
    Says(visitor).to_string()
}

/// The tree at one position, deserialized as serde_json deserializes its text, or, when
/// `buffered`, as serde deserializes the members a tagged union buffered (its
/// `ContentDeserializer`, which differs from serde_json's only for enums).
#[derive(Clone, Copy)]
pub struct At<'a>(pub &'a Node<'a>, pub bool);

impl<'a> At<'a> {
    fn refuse<V: Visitor<'a>>(&self, visitor: &V) -> Fault {
        de::Error::invalid_type(self.0.unexpected(), visitor)
    }

    fn any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        match self.0 {
            Node::Null => visitor.visit_unit(),
            Node::Bool(v) => visitor.visit_bool(*v),
            Node::U64(v) => visitor.visit_u64(*v),
            Node::I64(v) => visitor.visit_i64(*v),
            Node::F64(v) => visitor.visit_f64(*v),
            Node::Str(v) => visitor.visit_borrowed_str(v),
            Node::Seq(items) => visitor.visit_seq(Elements(items.iter().enumerate(), self.1)),
            Node::Map(pairs) => {
                let said = expecting(&visitor);
                visitor
                    .visit_map(Members(pairs.iter(), None, self.1))
                    .map_err(|fault: Fault| fault.expecting(|| said))
            }
        }
    }

    fn number<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        match self.0 {
            Node::U64(_) | Node::I64(_) | Node::F64(_) => self.any(visitor),
            _ => Err(self.refuse(&visitor)),
        }
    }
}

impl<'a> Deserializer<'a> for At<'a> {
    type Error = Fault;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.any(visitor)
    }

    fn deserialize_bool<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        match self.0 {
            Node::Bool(v) => visitor.visit_bool(*v),
            _ => Err(self.refuse(&visitor)),
        }
    }

    fn deserialize_i8<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.number(visitor)
    }
    fn deserialize_i16<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.number(visitor)
    }
    fn deserialize_i32<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.number(visitor)
    }
    fn deserialize_i64<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.number(visitor)
    }
    fn deserialize_u8<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.number(visitor)
    }
    fn deserialize_u16<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.number(visitor)
    }
    fn deserialize_u32<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.number(visitor)
    }
    fn deserialize_u64<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.number(visitor)
    }
    fn deserialize_f32<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.number(visitor)
    }
    fn deserialize_f64<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.number(visitor)
    }

    fn deserialize_str<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        match self.0 {
            Node::Str(v) => {
                let said = expecting(&visitor);
                visitor
                    .visit_borrowed_str(v)
                    .map_err(|fault: Fault| fault.expecting(|| said))
            }
            _ => Err(self.refuse(&visitor)),
        }
    }
    fn deserialize_string<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.deserialize_str(visitor)
    }
    fn deserialize_char<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.deserialize_str(visitor)
    }
    fn deserialize_identifier<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        match self.0 {
            Node::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        match self.0 {
            Node::Null => visitor.visit_unit(),
            _ => Err(self.refuse(&visitor)),
        }
    }
    fn deserialize_unit_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Fault> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Fault> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        match self.0 {
            Node::Seq(_) => self.any(visitor),
            _ => Err(self.refuse(&visitor)),
        }
    }
    fn deserialize_tuple<V: Visitor<'a>>(self, _len: usize, visitor: V) -> Result<V::Value, Fault> {
        self.deserialize_seq(visitor)
    }
    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Fault> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        match self.0 {
            Node::Map(_) => self.any(visitor),
            _ => Err(self.refuse(&visitor)),
        }
    }
    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Fault> {
        match self.0 {
            Node::Map(_) => self.any(visitor),
            // The models locate a refusal inside a struct's sequence form by the
            // field's name, not the element's index: declined, the exact path decides.
            Node::Seq(_) => self.any(visitor).map_err(|fault| Fault {
                kind: SEQUENCE_FORM,
                ..fault
            }),
            _ => Err(self.refuse(&visitor)),
        }
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Fault> {
        match self.0 {
            Node::Str(v) => visitor.visit_enum(BorrowedStrDeserializer::new(v)),
            Node::Map(pairs) if pairs.len() == 1 => {
                visitor.visit_enum(UnitInMap(&pairs[0], self.1))
            }
            Node::Map(_) if self.1 => Err(de::Error::invalid_value(
                Unexpected::Map,
                &"map with a single key",
            )),
            _ if self.1 => Err(de::Error::invalid_type(
                self.0.unexpected(),
                &"string or map",
            )),
            // serde_json's other enum forms are not reproduced here: declined
            _ => Err(Fault::new(String::new(), "declined", None)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Fault> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! { <W: Visitor<'a>> i128 u128 bytes byte_buf }
}

/// A unit variant in serde_json's map form, `{"name": null}`.
struct UnitInMap<'a>(&'a Pair<'a>, bool);

impl<'a> de::EnumAccess<'a> for UnitInMap<'a> {
    type Error = Fault;
    type Variant = Self;
    fn variant_seed<V: DeserializeSeed<'a>>(self, seed: V) -> Result<(V::Value, Self), Fault> {
        let name = seed.deserialize(BorrowedStrDeserializer::new(&self.0 .0))?;
        Ok((name, self))
    }
}

impl<'a> de::VariantAccess<'a> for UnitInMap<'a> {
    type Error = Fault;
    fn unit_variant(self) -> Result<(), Fault> {
        <()>::deserialize(At(&self.0 .1, self.1))
    }
    fn newtype_variant_seed<T: DeserializeSeed<'a>>(self, _seed: T) -> Result<T::Value, Fault> {
        Err(Fault::new(String::new(), "declined", None))
    }
    fn tuple_variant<V: Visitor<'a>>(self, _len: usize, _visitor: V) -> Result<V::Value, Fault> {
        Err(Fault::new(String::new(), "declined", None))
    }
    fn struct_variant<V: Visitor<'a>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Fault> {
        Err(Fault::new(String::new(), "declined", None))
    }
}

struct Elements<'a, I: Iterator<Item = (usize, &'a Node<'a>)>>(I, bool);

impl<'a, I: Iterator<Item = (usize, &'a Node<'a>)>> SeqAccess<'a> for Elements<'a, I> {
    type Error = Fault;
    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Fault> {
        match self.0.next() {
            None => Ok(None),
            Some((index, node)) => seed
                .deserialize(At(node, self.1))
                .map(Some)
                .map_err(|fault| fault.within(Step::Element(index))),
        }
    }
}

/// An object's members: the iterator, the member whose value is next, `buffered`.
struct Members<'a, I: Iterator<Item = &'a Pair<'a>>>(I, Option<&'a Pair<'a>>, bool);

type Pair<'t> = (Cow<'t, str>, Node<'t>);

impl<'a, I: Iterator<Item = &'a Pair<'a>>> MapAccess<'a> for Members<'a, I> {
    type Error = Fault;
    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Fault> {
        self.1 = self.0.next();
        match self.1 {
            None => Ok(None),
            Some((key, _)) => seed
                .deserialize(BorrowedStrDeserializer::new(key))
                .map(Some),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, Fault> {
        let (key, node) = self.1.expect("a value follows its key");
        seed.deserialize(At(node, self.2))
            .map_err(|fault| fault.within(Step::Member(key.to_string())))
    }
}

/// serde's refusal of `text` as document `doc`, located; None if serde accepts the
/// text or this module cannot reproduce the refusal exactly. The text is parsed twice:
/// into the document's types (the verdict), and into the tree.
pub fn explain(doc: usize, text: &str) -> Option<Located> {
    locate(doc, text, wire::refusal(doc, crate::Text(text))?)
}

/// A refusal located: the fault, and the union's tag where the text shows one.
pub type Located = (Fault, Option<String>);

/// `error`, serde_json's refusal of `text` as document `doc`, located (see `explain`).
pub fn locate(doc: usize, text: &str, error: serde_json::Error) -> Option<Located> {
    let message = error.to_string();
    let tree = serde_json::from_str::<Node>(text);
    if !error.is_data() {
        // serde_json's own (syntax, end of input), where the text is no JSON: its
        // code, at its position (not one it raises while reading a struct's elements)
        let same = matches!(&tree, Err(other) if other.to_string() == message);
        let code = message.strip_suffix(&position(&error))?.to_owned();
        return same.then(|| (Fault::new(message, "syntax", Some(code)), None));
    }
    let tree = tree.ok()?;
    let fault = wire::explain_document(doc, At(&tree, false)).err()?;
    let union = wire::union_at(doc);
    let fault = match union {
        Some((path, tag)) if at_path(&fault, path) => refined(fault, tree.at(path)?, path, tag)?,
        _ if fault.kind == SEQUENCE_FORM => return None,
        _ => fault,
    };
    let variant = union.and_then(|(path, tag)| match tree.at(path)?.member(tag) {
        Some(Node::Str(name)) => Some(name.to_string()),
        _ => None,
    });
    let said = message.strip_suffix(&position(&error));
    let exact = Some(fault.message.as_str()) == said && fault.kind != SEQUENCE_FORM;
    exact.then_some((fault, variant))
}

/// `fault` as serde raised it at a tagged union (at `path`, tagged by member `tag`),
/// which buffers its members before reading the variant: the variant read alone says
/// which member (serde reads members in document order, so the first refused one is
/// the one serde refused).
fn refined(fault: Fault, union: &Node, path: &[&str], tag: &str) -> Option<Fault> {
    match union {
        Node::Seq(_) => return None, // a union in sequence form: declined, as below
        Node::Map(_) if fault.field != Some(tag) => {}
        // not an object, or its tag missing or given twice: the union's own refusal,
        // before any variant is read
        _ => return Some(fault),
    }
    let variant = match union.member(tag) {
        Some(Node::Str(name)) => wire::explain_variant(name, At(union, true)),
        _ => None,
    };
    match variant {
        Some(Err(inner)) if inner.message == fault.message => {
            let outer = fault.path_rev.len() - path.len();
            let mut located = inner;
            located
                .path_rev
                .extend(fault.path_rev.into_iter().skip(outer));
            Some(located)
        }
        Some(Err(_)) => None,
        // the variant's members are all readable: serde found one missing, or the
        // union's own reader refused (a duplicated tag)
        Some(Ok(())) if fault.kind == "missing_field" => Some(Fault {
            expected: None,
            ..fault
        }),
        Some(Ok(())) => Some(fault),
        // the tag itself refused: the union's refusal, at the union (the models'
        // notation), not at its tag member
        None => {
            let mut located = fault;
            let at_tag =
                matches!(located.path_rev.first(), Some(Step::Member(name)) if name == tag);
            if at_tag && located.path_rev.len() == path.len() + 1 {
                located.path_rev.remove(0);
            }
            Some(located)
        }
    }
}

fn at_path(fault: &Fault, path: &[&str]) -> bool {
    let steps: Vec<_> = fault.path().take(path.len()).collect();
    steps.len() == path.len()
        && steps
            .iter()
            .zip(path)
            .all(|(step, want)| matches!(step, Step::Member(name) if name == want))
}

/// The suffix serde_json's Display gives a message: " at line L column C" (none for
/// an error raised where serde_json does not know the position).
fn position(error: &serde_json::Error) -> String {
    match error.line() {
        0 => String::new(),
        line => format!(" at line {line} column {}", error.column()),
    }
}

/// A located refusal as Python values: `(path, message, kind, expected, variant)`,
/// the path a list of member names and element indices from the root.
pub fn to_py(py: Python<'_>, (fault, variant): Located) -> PyResult<Explained> {
    let path = PyList::empty(py);
    for step in fault.path() {
        match step {
            Step::Member(name) => path.append(name)?,
            Step::Element(index) => path.append(index)?,
        }
    }
    Ok((
        path.unbind(),
        fault.message,
        fault.kind,
        fault.expected,
        variant,
    ))
}

pub type Explained = (
    Py<PyList>,
    String,
    &'static str,
    Option<String>,
    Option<String>,
);

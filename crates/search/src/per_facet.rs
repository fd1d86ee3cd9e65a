//! Values per facet dimension, the part of the API types that follows [`FACETS`]: a request's
//! filter values, the filters as applied, a document's values, an answer's counts.
//!
//! A [`PerFacet`] holds one entry per dimension of [`FACETS`]. Which dimensions it shows, under
//! which key and in which order is its [`View`]; that decides what it (de)serialises to and what
//! the OpenAPI description says. Adding a facet to [`FACETS`] adds it to every one of them.
//!
//! ```
//! use sahel_search::api::SearchRequest;
//! let request = SearchRequest::from_pairs([("region", "Gao"), ("lang", "fr")]).unwrap();
//! assert_eq!(request.filters["region"], ["Gao"]);
//! assert_eq!(request.filters["language"], ["fr"]);
//! ```

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::ops::{Index, IndexMut};

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, Type};
use utoipa::openapi::{Ref, RefOr, Required};
use utoipa::{IntoParams, PartialSchema, ToSchema};

pub use sahel_indexer::schema::{facet, FacetDim, FacetKind, FilterNames, FACETS};

use crate::api::FacetCount;

/// Which dimensions a [`PerFacet`] shows, under which key, in which order.
pub trait View {
    /// The name of its OpenAPI schema.
    const SCHEMA: &'static str;
    /// Whether it shows dimension `dim`.
    fn shows(dim: &FacetDim) -> bool;
    /// The key of a dimension's entry.
    fn key(dim: &FacetDim) -> &'static str;
    /// Whether a dimension is also read under its aliases.
    fn reads_aliases() -> bool {
        false
    }
    /// The dimensions in the order shown (positions in [`FACETS`]).
    fn order() -> &'static [usize] {
        &TABLE_ORDER
    }
    /// What a dimension's entry is, for the OpenAPI description.
    fn describe(dim: &FacetDim) -> String;
}

/// The dimensions a search filters on, by name (`region`, `language`), the aliases read too.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filtering;

/// The dimensions whose values hits, documents and exports list, by column (`regions`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Listing;

/// The dimensions whose counts answers list, by name, in the order of the page's sidebar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counting;

impl View for Filtering {
    const SCHEMA: &'static str = "FilterValues";
    fn shows(dim: &FacetDim) -> bool {
        dim.filters
    }
    fn key(dim: &FacetDim) -> &'static str {
        dim.name
    }
    fn reads_aliases() -> bool {
        true
    }
    fn describe(dim: &FacetDim) -> String {
        dim.about.to_string()
    }
}

impl View for Listing {
    const SCHEMA: &'static str = "FacetValues";
    fn shows(dim: &FacetDim) -> bool {
        dim.exports
    }
    fn key(dim: &FacetDim) -> &'static str {
        dim.column
    }
    fn describe(dim: &FacetDim) -> String {
        format!("The document's values of the {} facet.", dim.name)
    }
}

impl View for Counting {
    const SCHEMA: &'static str = "Facets";
    fn shows(dim: &FacetDim) -> bool {
        dim.counts
    }
    fn key(dim: &FacetDim) -> &'static str {
        dim.name
    }
    fn order() -> &'static [usize] {
        &PAGE_ORDER
    }
    fn describe(dim: &FacetDim) -> String {
        match dim.kind {
            FacetKind::Months => format!(
                "Values of the {} facet with their documents, in calendar order.",
                dim.name
            ),
            FacetKind::Names | FacetKind::Language => format!(
                "Values of the {} facet with their documents, most first.",
                dim.name
            ),
        }
    }
}

/// The dimensions in the order of [`FACETS`].
const TABLE_ORDER: [usize; FACETS.len()] = {
    let mut order = [0; FACETS.len()];
    let mut dim = 0;
    while dim < FACETS.len() {
        order[dim] = dim;
        dim += 1;
    }
    order
};

/// The dimensions in the order of the page's sidebar ([`FacetDim::page`]), those it does not
/// show last, in the order of [`FACETS`].
const PAGE_ORDER: [usize; FACETS.len()] = {
    let mut order = TABLE_ORDER;
    // Insertion sort, stable: equal places keep the table's order.
    let mut i = 1;
    while i < order.len() {
        let mut j = i;
        while j > 0 && page_place(order[j - 1]) > page_place(order[j]) {
            let moved = order[j - 1];
            order[j - 1] = order[j];
            order[j] = moved;
            j -= 1;
        }
        i += 1;
    }
    order
};

/// A dimension's sort key in [`PAGE_ORDER`]: its place in the sidebar, after every place when
/// not shown.
const fn page_place(dim: usize) -> usize {
    match FACETS[dim].page {
        Some(place) => place as usize,
        None => u8::MAX as usize + 1,
    }
}

/// One `T` per facet dimension of [`FACETS`], shown through the view `V`.
pub struct PerFacet<T, V> {
    entries: Vec<T>,
    view: PhantomData<fn() -> V>,
}

/// A search's filter values per dimension (OR within a dimension, AND across).
pub type FilterValues = PerFacet<Vec<String>, Filtering>;
/// A document's values per dimension.
pub type FacetValues = PerFacet<Vec<String>, Listing>;
/// An answer's counts per dimension: disjunctive (a facet's counts ignore its own selection).
pub type Facets = PerFacet<Vec<FacetCount>, Counting>;

impl<T, V: View> PerFacet<T, V> {
    /// Entries made by `entry` from each dimension's position in [`FACETS`].
    pub fn from_fn(entry: impl FnMut(usize) -> T) -> Self {
        PerFacet {
            entries: (0..FACETS.len()).map(entry).collect(),
            view: PhantomData,
        }
    }

    /// The entry of the dimension called `name` (or one of its aliases).
    pub fn get(&self, name: &str) -> Option<&T> {
        facet(name).and_then(|(dim, _)| self.entries.get(dim))
    }

    /// The entry of the dimension called `name` (or one of its aliases), to change it.
    pub fn get_mut(&mut self, name: &str) -> Option<&mut T> {
        facet(name).and_then(|(dim, _)| self.entries.get_mut(dim))
    }

    /// The entry of the dimension at position `dim` of [`FACETS`].
    pub fn at(&self, dim: usize) -> Option<&T> {
        self.entries.get(dim)
    }

    /// The entry of the dimension at position `dim` of [`FACETS`], to change it.
    pub fn at_mut(&mut self, dim: usize) -> Option<&mut T> {
        self.entries.get_mut(dim)
    }

    /// The dimensions the view shows, in its order, with their positions and entries.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &'static FacetDim, &T)> + '_ {
        V::order().iter().filter_map(|&dim| {
            let facet = FACETS.get(dim).filter(|facet| V::shows(facet))?;
            Some((dim, facet, self.entries.get(dim)?))
        })
    }
}

impl<T: Default, V: View> Default for PerFacet<T, V> {
    fn default() -> Self {
        PerFacet::from_fn(|_| T::default())
    }
}

impl<T: Clone, V> Clone for PerFacet<T, V> {
    fn clone(&self) -> Self {
        PerFacet {
            entries: self.entries.clone(),
            view: PhantomData,
        }
    }
}

impl<T: PartialEq, V> PartialEq for PerFacet<T, V> {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

impl<T: fmt::Debug, V: View> fmt::Debug for PerFacet<T, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.iter().map(|(_, dim, entry)| (V::key(dim), entry)))
            .finish()
    }
}

/// Panics when no dimension is called `name`: for names written in code (`facets["region"]`);
/// names from users go through [`PerFacet::get`].
impl<T, V: View> Index<&str> for PerFacet<T, V> {
    type Output = T;
    fn index(&self, name: &str) -> &T {
        match self.get(name) {
            Some(entry) => entry,
            None => panic!("no facet dimension `{name}`"),
        }
    }
}

impl<T, V: View> IndexMut<&str> for PerFacet<T, V> {
    fn index_mut(&mut self, name: &str) -> &mut T {
        match self.get_mut(name) {
            Some(entry) => entry,
            None => panic!("no facet dimension `{name}`"),
        }
    }
}

impl<T: Serialize, V: View> Serialize for PerFacet<T, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for (_, dim, entry) in self.iter() {
            map.serialize_entry(V::key(dim), entry)?;
        }
        map.end()
    }
}

impl<'de, T: Deserialize<'de> + Default, V: View> Deserialize<'de> for PerFacet<T, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(PerFacetVisitor(PhantomData))
    }
}

struct PerFacetVisitor<T, V>(PhantomData<fn() -> (T, V)>);

impl<'de, T: Deserialize<'de> + Default, V: View> Visitor<'de> for PerFacetVisitor<T, V> {
    type Value = PerFacet<T, V>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map of facet dimensions")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut values = PerFacet::<T, V>::default();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            let found = FACETS.iter().position(|dim| {
                V::shows(dim)
                    && (V::key(dim) == key || (V::reads_aliases() && dim.aliases.contains(&&*key)))
            });
            let Some(slot) = found.and_then(|dim| values.entries.get_mut(dim)) else {
                return Err(de::Error::unknown_field(&key, &[]));
            };
            *slot = map.next_value()?;
        }
        Ok(values)
    }
}

/// An array of strings.
fn strings() -> ArrayBuilder {
    ArrayBuilder::new().items(ObjectBuilder::new().schema_type(Type::String))
}

impl<V: View> PartialSchema for PerFacet<Vec<String>, V> {
    fn schema() -> RefOr<Schema> {
        let mut object = ObjectBuilder::new();
        for &dim in V::order() {
            let Some(facet) = FACETS.get(dim).filter(|facet| V::shows(facet)) else {
                continue;
            };
            object = object
                .property(
                    V::key(facet),
                    strings().description(Some(V::describe(facet))),
                )
                .required(V::key(facet));
        }
        RefOr::T(Schema::Object(object.build()))
    }
}

impl<V: View> ToSchema for PerFacet<Vec<String>, V> {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed(V::SCHEMA)
    }
}

impl PartialSchema for Facets {
    fn schema() -> RefOr<Schema> {
        let mut object = ObjectBuilder::new().description(Some(
            "Counts per value of each facet (disjunctive: a facet's counts ignore its own \
             selection), at most 200 values each.",
        ));
        for (_, facet, _) in Facets::default().iter() {
            object = object
                .property(
                    facet.name,
                    ArrayBuilder::new()
                        .items(Ref::from_schema_name(FacetCount::name()))
                        .description(Some(Counting::describe(facet))),
                )
                .required(facet.name);
        }
        RefOr::T(Schema::Object(object.build()))
    }
}

impl ToSchema for Facets {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed(Counting::SCHEMA)
    }

    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.push((FacetCount::name().into_owned(), FacetCount::schema()));
        FacetCount::schemas(schemas);
    }
}

/// The filter parameters of a search, one per filtering dimension (repeatable: OR within a
/// dimension, AND across).
impl IntoParams for FilterValues {
    fn into_params(parameter_in: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        FilterValues::default()
            .iter()
            .map(|(_, facet, _)| {
                let mut item = ObjectBuilder::new().schema_type(Type::String);
                if facet.kind == FacetKind::Months {
                    item = item.pattern(Some(r"^\d{4}-\d{2}$"));
                }
                ParameterBuilder::new()
                    .name(facet.name)
                    .parameter_in(parameter_in().unwrap_or(ParameterIn::Query))
                    .description(Some(facet.about))
                    .required(Required::False)
                    .schema(Some(ArrayBuilder::new().items(item)))
                    .build()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_show_their_dimensions_in_their_order() {
        let counted: Vec<&str> = Facets::default().iter().map(|(_, d, _)| d.name).collect();
        assert_eq!(
            counted,
            [
                "region",
                "mentioned_region",
                "country",
                "month",
                "background_month",
                "language",
                "actor",
                "source",
                "locality"
            ]
        );
        let listed: Vec<&str> = FacetValues::default()
            .iter()
            .map(|(_, d, _)| d.column)
            .collect();
        assert_eq!(
            listed,
            [
                "regions",
                "countries",
                "localities",
                "actors",
                "months",
                "sources",
                "mentioned_regions",
                "background_months"
            ]
        );
        let filtered: Vec<&str> = FilterValues::default()
            .iter()
            .map(|(_, d, _)| d.name)
            .collect();
        assert_eq!(
            filtered,
            [
                "region",
                "country",
                "locality",
                "actor",
                "language",
                "month",
                "source",
                "mentioned_region",
                "background_month"
            ]
        );
    }

    #[test]
    fn values_round_trip_and_aliases_are_read() {
        let mut values = FilterValues::default();
        values["region"].push("Gao".into());
        values["lang"].push("fr".into());
        let json = serde_json::to_string(&values).expect("json");
        assert_eq!(
            json,
            r#"{"region":["Gao"],"country":[],"locality":[],"actor":[],"language":["fr"],"month":[],"source":[],"mentioned_region":[],"background_month":[]}"#
        );
        let back: FilterValues = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, values);
        let aliased: FilterValues = serde_json::from_str(r#"{"lang":["fr"]}"#).expect("alias");
        assert_eq!(aliased["language"], ["fr"]);
        assert!(serde_json::from_str::<FilterValues>(r#"{"colour":["red"]}"#).is_err());
        assert!(serde_json::from_str::<FacetValues>(r#"{"region":["Gao"]}"#).is_err());
    }
}

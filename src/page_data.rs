//! Data the page carries beside the code: the report's dataset, the cited
//! facts from outside it, and Hokkaido's outline.
//!
//! `scripts/postbuild.mjs` writes each file into `index.html` as a
//! `<script type="application/json" id="…">` element, so the wasm holds
//! code only: it is smaller to download and compile, and the worker, which
//! is sent the data it needs, does not carry a copy. The one-file edition
//! keeps the elements, since it is made from the built page. Native builds
//! (the render tests) have no page and read the same files from the
//! repository instead.

use std::rc::Rc;

/// A piece of data the page carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageData {
    /// The council's report as a dataset (`assets/data/sapporo.json`).
    Report,
    /// The facts from outside the report (`assets/data/outside.json`).
    Outside,
    /// Hokkaido's outline (`assets/map/hokkaido.json`).
    Hokkaido,
    /// Sapporo's ten wards (`assets/map/sapporo-wards.json`, cut from
    /// 国土数値情報 N03 by `scripts/cut-wards.mjs`).
    Wards,
    /// Hokkaido's 14 振興局 and the cities the report names
    /// (`assets/map/hokkaido-regions.json`, by `scripts/cut-hokkaido.mjs`).
    Regions,
}

impl PageData {
    /// The id of the element that holds it; `scripts/postbuild.mjs` uses
    /// the same ids.
    pub fn element_id(self) -> &'static str {
        match self {
            PageData::Report => "tsunagu-report",
            PageData::Outside => "tsunagu-outside",
            PageData::Hokkaido => "tsunagu-hokkaido",
            PageData::Wards => "tsunagu-wards",
            PageData::Regions => "tsunagu-regions",
        }
    }

    /// Its text, or `None` when the page lacks it (a page not built by
    /// trunk, or a worker, which has no document).
    #[cfg(target_arch = "wasm32")]
    pub fn text(self) -> Option<Rc<str>> {
        let document = web_sys::window()?.document()?;
        let element = document.get_element_by_id(self.element_id())?;
        element.text_content().map(Rc::from)
    }

    /// Its text, from the repository (native builds have no page).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn text(self) -> Option<Rc<str>> {
        Some(Rc::from(match self {
            PageData::Report => tsunagu_core::bundled::SAPPORO_JSON,
            PageData::Outside => tsunagu_core::outside::OUTSIDE_JSON,
            PageData::Hokkaido => include_str!("../assets/map/hokkaido.json"),
            PageData::Wards => include_str!("../assets/map/sapporo-wards.json"),
            PageData::Regions => include_str!("../assets/map/hokkaido-regions.json"),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_piece_has_its_own_element_and_native_builds_read_the_files() {
        let all = [
            PageData::Report,
            PageData::Outside,
            PageData::Hokkaido,
            PageData::Wards,
            PageData::Regions,
        ];
        let ids: std::collections::BTreeSet<_> = all.iter().map(|d| d.element_id()).collect();
        assert_eq!(ids.len(), all.len());
        for data in all {
            let text = data.text().expect("native builds read the file");
            assert!(text.trim_start().starts_with('{'), "{data:?}");
        }
    }
}

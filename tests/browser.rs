//! In-browser tests (wasm-bindgen-test in headless Chromium): the real app,
//! mounted in a real document, clicked as a user would.
#![cfg(target_arch = "wasm32")]

use tsunagu::i18n::Lang;
use tsunagu::page_data::PageData;
use tsunagu::storage::{load_lang, save_lang, LANG_KEY};
use tsunagu::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlButtonElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    gloo::utils::document()
}

fn local_storage() -> web_sys::Storage {
    gloo::utils::window()
        .local_storage()
        .expect("storage access")
        .expect("localStorage")
}

/// Puts the data a built page carries (scripts/postbuild.mjs) into the test
/// page, once: the test runner's page is not built by trunk.
fn carry_page_data() {
    for data in [
        PageData::Report,
        PageData::Outside,
        PageData::Hokkaido,
        PageData::Wards,
        PageData::Regions,
    ] {
        if document().get_element_by_id(data.element_id()).is_some() {
            continue;
        }
        let text = match data {
            PageData::Report => include_str!("../assets/data/sapporo.json"),
            PageData::Outside => include_str!("../assets/data/outside.json"),
            PageData::Hokkaido => include_str!("../assets/map/hokkaido.json"),
            PageData::Wards => include_str!("../assets/map/sapporo-wards.json"),
            PageData::Regions => include_str!("../assets/map/hokkaido-regions.json"),
        };
        let element = document().create_element("script").expect("script");
        element
            .set_attribute("type", "application/json")
            .expect("type");
        element.set_id(data.element_id());
        element.set_text_content(Some(text));
        document()
            .head()
            .expect("head")
            .append_child(&element)
            .expect("append");
    }
}

/// A mounted app; dropping it unmounts the app (its window listeners with
/// it) and takes its element away, so that tests sharing the page do not
/// pile up live apps.
struct Mounted {
    root: Element,
    app: Option<yew::AppHandle<App>>,
}

impl std::ops::Deref for Mounted {
    type Target = Element;
    fn deref(&self) -> &Element {
        &self.root
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
    }
}

/// Mounts a fresh app at the planner, in its own element, and waits for the
/// first render. Tests share one page, so the URL is reset first.
async fn mount() -> Mounted {
    carry_page_data();
    gloo::utils::window()
        .location()
        .set_hash("#/")
        .expect("hash");
    let root = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    Mounted {
        root,
        app: Some(app),
    }
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .expect("selector")
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn button(root: &Element, lang: Lang) -> HtmlButtonElement {
    root.query_selector(&format!(".lang-switch button[lang={}]", lang.code()))
        .expect("selector")
        .expect("a language button")
        .dyn_into()
        .expect("a button")
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_the_text_the_document_and_the_stored_choice() {
    local_storage().remove_item(LANG_KEY).expect("clear");
    let root = mount().await;
    assert_eq!(
        text_of(&root, "h1"),
        "つなぐ — さっぽろ ID-Link 連携経路ナビ"
    );
    assert_eq!(
        button(&root, Lang::Ja)
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );

    button(&root, Lang::En).click();
    yew::scheduler::flush().await;

    assert_eq!(
        text_of(&root, "h1"),
        "tsunagu — Sapporo ID-Link referral path navigator"
    );
    assert_eq!(
        button(&root, Lang::En)
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    let html = document().document_element().expect("<html>");
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    // The title names the view (the planner, where the app starts) too.
    assert_eq!(
        document().title(),
        "Plans — tsunagu — Sapporo ID-Link referral path navigator"
    );
    assert_eq!(
        local_storage().get_item(LANG_KEY).expect("read").as_deref(),
        Some("\"en\"")
    );
}

#[wasm_bindgen_test]
async fn a_remembered_language_is_used_on_the_next_visit() {
    save_lang(Lang::En);
    assert_eq!(load_lang(), Some(Lang::En));
    let root = mount().await;
    assert_eq!(text_of(&root, "#view-title"), "Referral plans");
    local_storage().remove_item(LANG_KEY).expect("clear");
}

#[wasm_bindgen_test]
async fn a_damaged_stored_language_falls_back_to_japanese() {
    local_storage()
        .set_item(LANG_KEY, "not json")
        .expect("write");
    assert_eq!(load_lang(), None);
    let root = mount().await;
    assert_eq!(text_of(&root, "#view-title"), "経路プラン");
    local_storage().remove_item(LANG_KEY).expect("clear");
}

#[wasm_bindgen_test]
async fn following_a_navigation_link_shows_that_view_and_focuses_its_heading() {
    local_storage().remove_item(LANG_KEY).expect("clear");
    gloo::utils::window()
        .location()
        .set_hash("#/")
        .expect("hash");
    let root = mount().await;
    let link: HtmlElement = root
        .query_selector(r##"nav a[href="#/wards"]"##)
        .expect("selector")
        .expect("the wards link")
        .dyn_into()
        .expect("an element");
    link.click();
    // The router hears of the new fragment through a browser event, so wait
    // for that event's task before flushing yew's scheduler.
    gloo_timers::future::TimeoutFuture::new(0).await;
    yew::scheduler::flush().await;
    assert_eq!(text_of(&root, "#view-title"), "地域");
    let focused = document().active_element().expect("focus").id();
    assert_eq!(focused, "view-title");
}

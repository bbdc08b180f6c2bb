//! The root component: the store, the page frame and routing between views.
//!
//! Routes live in the URL's fragment (`#/network`), so links can be shared,
//! the browser's back button works, and the app also runs from `file://`.

use yew::prelude::*;

use std::rc::Rc;

use crate::components::{
    notices, site_footer, site_header, view_nav, DataCommand, NoticesProps, SiteFooterProps,
    SiteHeaderProps, ViewNavProps,
};
use crate::dataset_handle::report_dataset;
use crate::hooks::{use_document_lang, use_focus_on_change};
use crate::i18n::Lang;
use crate::page_data::PageData;
use crate::route::{use_location, HashRouter, Location, Route, VIEW_TITLE_ID};
use crate::saved_what_ifs::SavedWhatIf;
use crate::state::{Action, AppState, Notice};
use crate::storage::{self, Stored};
use crate::views::{
    not_found_view, DataView, GrowthView, NetworkView, PlannerView, PresentView, WardsView,
    WhatIfView,
};
use crate::worker_service::WorkerService;

/// The app as the browser runs it: the language remembered from the last
/// visit, and routes read from the URL's fragment.
#[function_component(App)]
pub fn app() -> Html {
    let initial_lang = *use_memo((), |()| storage::load_lang().unwrap_or_default());
    let stored = (*use_memo((), |()| storage::load_data())).clone();
    let saved_what_ifs = (*use_memo((), |()| Rc::new(storage::load_what_ifs()))).clone();
    html! {
        <HashRouter>
            <Shell {initial_lang} {stored} {saved_what_ifs} first_view=true />
        </HashRouter>
    }
}

/// [`Shell`]'s properties.
#[derive(Properties, PartialEq)]
pub struct ShellProps {
    /// The language to start in.
    #[prop_or_default]
    pub initial_lang: Lang,
    /// What the device held of the working dataset when the app started.
    #[prop_or(Stored::Nothing)]
    pub stored: Stored,
    /// The what-ifs saved on the device.
    #[prop_or_default]
    pub saved_what_ifs: Rc<Vec<SavedWhatIf>>,
    /// Whether the shell is the page's, just loaded: its first view is then
    /// told so ([`crate::views::ViewProps::first_view`]). Tests leave it off.
    #[prop_or_default]
    pub first_view: bool,
}

/// The state a visit starts in, from what the device held.
fn initial_state(props: &ShellProps) -> AppState {
    let report = PageData::Report.text();
    match &props.stored {
        Stored::Nothing => AppState::new(props.initial_lang),
        Stored::Restored(data) => {
            AppState::with_data(props.initial_lang, report, Some(data.clone()), Vec::new())
        }
        Stored::Damaged(damaged) => {
            storage::keep_damaged(damaged);
            AppState::with_data(
                props.initial_lang,
                report.clone(),
                report.and_then(report_dataset),
                vec![Notice::StorageDamaged {
                    damaged: Rc::clone(damaged),
                }],
            )
        }
    }
}

/// The page frame inside a router: header, navigation, the current view and
/// the footer. Tests render it under a memory router.
#[function_component(Shell)]
pub fn shell(props: &ShellProps) -> Html {
    let state = use_reducer(|| AppState {
        saved_what_ifs: Rc::clone(&props.saved_what_ifs),
        ..initial_state(props)
    });
    let location = use_location();
    let route = location.route;
    let lang = state.lang;
    // True until the first view is left: a view mounted later is not the
    // first. (Kept while the first view stays, so its props do not change.)
    let first_view = use_mut_ref(|| props.first_view);
    let first_route = use_mut_ref(|| route);
    if route != *first_route.borrow() {
        *first_view.borrow_mut() = false;
    }
    let is_first_view = *first_view.borrow();
    // The planner's last query, so that its nav link brings the plans back
    // after a visit to another view.
    let last_plan = use_mut_ref(String::new);
    if route == Route::Planner {
        location.query().clone_into(&mut last_plan.borrow_mut());
    }
    let planner_query = AttrValue::from(last_plan.borrow().clone());
    // The last view shown other than 発表モード, which leaves back to it.
    let came_from = use_mut_ref(|| None::<Location>);
    if !matches!(route, Route::Present | Route::NotFound) {
        *came_from.borrow_mut() = Some(location.clone());
    }

    use_document_lang(lang, page_title(lang, route));
    use_effect_with(lang, |lang| storage::save_lang(*lang));
    {
        // assets/register-sw.js announces a downloaded update with this event.
        let dispatcher = state.dispatcher();
        use_effect_with((), move |()| {
            let window = gloo::utils::window();
            let ready = js_sys::Reflect::get(&window, &"__tsunaguUpdateReady".into())
                .is_ok_and(|v| v.as_bool() == Some(true));
            if ready {
                dispatcher.dispatch(Action::Notify(Notice::UpdateReady));
            }
            let listener =
                gloo::events::EventListener::new(&window, "tsunagu-update-ready", move |_| {
                    dispatcher.dispatch(Action::Notify(Notice::UpdateReady));
                });
            move || drop(listener)
        });
    }
    {
        // Every change to the data is saved on the device; a full storage keeps what it had.
        let (dispatcher, edited) = (state.dispatcher(), state.is_edited());
        use_effect_with(state.data.clone(), move |data| {
            if let Some(data) = data {
                if storage::save_data(data, edited).is_err() {
                    dispatcher.dispatch(Action::Notify(Notice::StorageFull));
                }
            }
        });
    }
    {
        // Saved what-ifs are kept on the device too.
        let dispatcher = state.dispatcher();
        use_effect_with(Rc::clone(&state.saved_what_ifs), move |saved_what_ifs| {
            if storage::save_what_ifs(saved_what_ifs).is_err() {
                dispatcher.dispatch(Action::Notify(Notice::StorageFull));
            }
        });
    }
    use_focus_on_change(route, VIEW_TITLE_ID);
    // One worker for the whole app, stopped when the app is.
    let worker = (*use_memo((), |()| WorkerService::default())).clone();

    let on_lang = {
        let state = state.dispatcher();
        Callback::from(move |lang| state.dispatch(Action::SetLang(lang)))
    };
    let texts = lang.texts();
    let data = state.data.clone();
    let on_edit = {
        let dispatcher = state.dispatcher();
        Callback::from(move |edit| dispatcher.dispatch(Action::Edit(Box::new(edit))))
    };
    let on_command = {
        let dispatcher = state.dispatcher();
        Callback::from(move |command| {
            dispatcher.dispatch(match command {
                DataCommand::Preview(pending) => Action::PreviewImport(pending),
                DataCommand::Confirm => Action::ConfirmImport,
                DataCommand::Apply(next) => Action::ApplyImport(next),
                DataCommand::Cancel => Action::CancelImport,
                DataCommand::Undo => Action::Undo,
                DataCommand::Redo => Action::Redo,
                DataCommand::Reset => Action::ResetToReport,
                DataCommand::ClearEditErrors => Action::ClearEditErrors,
            });
        })
    };
    let on_dismiss = {
        let dispatcher = state.dispatcher();
        Callback::from(move |index| dispatcher.dispatch(Action::Dismiss(index)))
    };
    let view = match route {
        Route::Planner => {
            html! { <PlannerView {lang} {data} saved_what_ifs={Rc::clone(&state.saved_what_ifs)} first_view={is_first_view} /> }
        }
        Route::WhatIf => {
            let (save, delete) = (state.dispatcher(), state.dispatcher());
            html! {
                <WhatIfView {lang} {data} saved_what_ifs={Rc::clone(&state.saved_what_ifs)}
                    on_save={Callback::from(move |p| save.dispatch(Action::SaveWhatIf(p)))}
                    on_delete={Callback::from(move |id| delete.dispatch(Action::DeleteWhatIf(id)))} />
            }
        }
        Route::Network => html! { <NetworkView {lang} {data} /> },
        Route::Growth => html! { <GrowthView {lang} {data} /> },
        Route::Wards => html! { <WardsView {lang} {data} /> },
        Route::Data => html! {
            <DataView {lang} {data} edited={state.is_edited()} can_undo={!state.undo.is_empty()}
                can_redo={!state.redo.is_empty()} pending={state.pending.clone()}
                edit_errors={state.edit_errors.clone()} {on_edit} {on_command} />
        },
        Route::NotFound => not_found_view(lang),
        Route::Present => {
            // Full screen: the tour alone, without the page frame.
            return html! {
                <main id="main" class="presenting" tabindex="-1">
                    <ContextProvider<WorkerService> context={worker}>
                        <PresentView {lang} data={state.data.clone()} came_from={came_from.borrow().clone()} edited={state.is_edited()} />
                    </ContextProvider<WorkerService>>
                </main>
            };
        }
    };

    // The skip link moves focus without touching the URL, whose fragment
    // is the route: `#main` there would be lost on a reload.
    let skip_to_main = Callback::from(|event: MouseEvent| {
        event.prevent_default();
        crate::dom::bring_to("main");
    });
    html! {
        <>
            <a class="skip-link" href="#main" onclick={skip_to_main}>{ texts.skip_to_main }</a>
            { site_header(&SiteHeaderProps { lang, on_lang }) }
            { view_nav(&ViewNavProps { lang, current: route, planner_query }) }
            { notices(&NoticesProps { lang, notices: state.notices.clone(), on_dismiss }) }
            // データ says it in its own status line.
            if state.is_edited() && route != Route::Data {
                <p class="edited-data" role="note">
                    { texts.upkeep.edited_everywhere }{ " " }
                    <a href="#/data">{ texts.upkeep.edited_review }</a>
                </p>
            }
            <main id="main" tabindex="-1">
                <ContextProvider<WorkerService> context={worker}>{ view }</ContextProvider<WorkerService>>
            </main>
            { site_footer(&SiteFooterProps { lang }) }
        </>
    }
}

/// The document's title in `lang` on `route`: 「{the view's name} — {the
/// app's title}」, so that tabs, bookmarks and history entries tell the
/// views apart (the app's title alone for the not-found page).
fn page_title(lang: Lang, route: Route) -> String {
    let texts = lang.texts();
    match route {
        // The nav link's 「▶」 is a button's mark, not part of the name.
        Route::Present => format!(
            "{} — {}",
            texts.present.trim_start_matches('▶').trim_start(),
            texts.app_title
        ),
        _ => crate::components::view_texts(texts, route).map_or_else(
            || texts.app_title.to_owned(),
            |view| format!("{} — {}", view.nav, texts.app_title),
        ),
    }
}
